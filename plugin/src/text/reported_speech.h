// Speech quoted from someone other than the writer: "When he texted 'love you too.' what did you
// feel?", "You said \"I miss you\" and then hung up", "If Dana says 'can we stay friends?'...".
// The words inside such a quote are another person's, so no lexicon or text model should read
// them as the writer's flirt, invitation or disclosure (docs/detection.md, "Round 28").
//
// A quote counts as reported when it follows a speech verb (said, texted, wrote, asked, ...;
// an object pronoun and "something like" may come between) whose subject is not the writer: a
// third-person or second-person pronoun, "your/his/her/their/the" and a noun or two, "everyone",
// or a name (a word capitalised in the original). Never when the subject is "I" or "we", when
// "my" or "our" comes just before it ("my husband Dan said"), or for an infinitive ("I just
// wanted to say 'I love you'"): the writer's own words stay read.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace bg {

// The byte spans [start, end) of `folded` (a NormalizedText's lowercase text, with typographic
// single quotes folded to ' and double ones to '') from the opening to the closing quote mark of
// each reported quote, in order and not overlapping. `capitalized(pos)` tells whether the letter at
// folded byte `pos` was uppercase in the original text.
std::vector<std::pair<size_t, size_t>> find_reported_quotes(
    std::string_view folded, const std::function<bool(size_t)>& capitalized);

}  // namespace bg
