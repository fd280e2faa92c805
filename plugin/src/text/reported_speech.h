// Speech quoted from someone other than the writer: "When he texted 'love you too.' what did you
// feel?", "You said \"I miss you\" and then hung up", "'I love you, babe,' he texted". The words
// inside such a quote are another person's, so no lexicon or text model should read them as the
// writer's flirt, invitation or disclosure (docs/detection.md, "Round 28"; labelling guide,
// rule 9).
//
// A quote is reported when a speech verb (said, texted, wrote, asked, sent, "was like", ...; an
// object, a time and "something like" may come between) names its speaker just before it or
// just after it, and the speaker is someone else: a third person ("he", "your mom", "the guy
// I'm seeing", "my ex-boyfriend", "stepdad's text", a name written with a capital), or "you" in
// a therapist's message. It stays read when:
// - the speaker is the writer: "I", "we", "I'll", "I'd" ("I said 'you're gorgeous'", "one day
//   I'll tell you '...'"), or the writer's own heart or mind ("my gut says '...'");
// - no one speaks: an infinitive or imperative ("I just wanted to say 'I love you'", "Nearly
//   said '...'"), or no speech verb at all ("Honestly? 'You're beautiful' was my first thought");
// - in a therapist's message, the therapist's household speaks ("my husband said 'bring her
//   over for dinner'", "my husband Dan said ..."): an offer relayed is the therapist's;
// - in a client's message, "you" (the therapist) speaks ("you texted me 'wish I could kiss you'"):
//   the therapist's own words are what a supervisor needs to see;
// - the writer takes the quote up right after it ("You said 'I love you.' Same.", "You asked
//   'drinks when this is over?' Yes."): the quote is then part of the writer's answer.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace bg {

// Who wrote the text: whose "you" is someone else.
enum class QuoteWriter { therapist, client };

// The byte spans [start, end) of `folded` (a NormalizedText's lowercase text, with typographic
// single quotes folded to ' and double ones to '') from the opening to the closing quote mark
// of each reported quote, in order and not overlapping. `capitalized(pos)` tells whether the
// letter at folded byte `pos` was uppercase in the original text. Linear in the text's length:
// a quote is at most 240 bytes and its speaker is looked for within 120 bytes before it and 60
// after it.
std::vector<std::pair<size_t, size_t>> find_reported_quotes(
    std::string_view folded, const std::function<bool(size_t)>& capitalized,
    QuoteWriter writer = QuoteWriter::therapist);

}  // namespace bg
