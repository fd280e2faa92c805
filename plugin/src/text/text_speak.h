// Text-speak and chat abbreviations read as the words they stand for ("u" -> "you",
// "tmrw" -> "tomorrow", "wanna" -> "want to"), so that one lexicon phrase covers every register.
// Only forms that mean one thing in practice messages are expanded; "ur" is "you're" before a
// word that describes or acts ("ur so kind", "ur welcome") and "your" otherwise; "2", "4",
// "ya" and "n" are read as "to"/"too", "for", "you" and "and" only where the words around them
// show it ("nice 2 see u", "thx 4 everything", "miss ya", "u n me"), never after "at", "from"
// or "by" ("at 2", "from 2 to 4").
#pragma once

#include <string_view>

namespace bg {

// The expansion of the folded word `word`, given the words around it (empty at either end of
// the text); empty when the word is not text-speak. Words are lowercase ASCII.
std::string_view text_speak_expansion(std::string_view previous, std::string_view word,
                                      std::string_view next);

}  // namespace bg
