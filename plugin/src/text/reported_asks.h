// What the client asked or wished, told back in a therapist's own words without quote marks:
// "You asked whether we could be friends once you finish", "I'm touched you'd want to hang out
// outside our sessions", "I've noticed you asking about my sign, my kids and my weekends", "your
// question about my weekend". The words after such an opener are the client's request, not the
// therapist's invitation or disclosure, so no lexicon or text model should read them as the
// therapist's (docs/detection.md, "Round 29"; labelling guide, rules 3 and 9). Quoted speech is
// reported_speech.h's.
//
// The request runs from the opener to the first mark (. ! ? ; : , a dash, a bracket, an emoji)
// or joining word ("but", "so", "though", "because", "which", "and I"), at most 100 bytes; a
// list of the therapist's things ("about my sign, my kids and my weekends") runs on past its
// commas. It is blanked only when the therapist goes on, within 300 bytes, to decline it or turn
// it back to the work ("I won't be able to", "our relationship will stay a professional one",
// "worth exploring", "what's that about for you?"); when the therapist takes it up ("You asked
// if we could grab coffee sometime. I'm down!!", "...I won't lie, I do") it stays read.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace bg {

// The byte spans [start, end) of `folded` (a NormalizedText's lowercase text, text-speak read as
// words) that report the reader's request, in order and not overlapping. Only for a therapist's
// message, where "you" is the client. Linear in the text's length.
std::vector<std::pair<size_t, size_t>> find_reported_asks(std::string_view folded);

}  // namespace bg
