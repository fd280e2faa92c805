#include "text/text_speak.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace bg {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Sorted by the abbreviation. Left out on purpose: forms that are also words or names in
// practice messages ("ty", "yr", "pic", "prob", "def", "bout", "k").
constexpr Pair kExpansions[] = {
    {"2day", "today"},
    {"2moro", "tomorrow"},
    {"2morrow", "tomorrow"},
    {"2night", "tonight"},
    {"2nite", "tonight"},
    {"abt", "about"},
    {"any1", "anyone"},
    {"b4", "before"},
    {"bc", "because"},
    {"bcoz", "because"},
    {"bcuz", "because"},
    {"bday", "birthday"},
    {"btw", "by the way"},
    {"cos", "because"},
    {"coz", "because"},
    {"cuz", "because"},
    {"cya", "see you"},
    {"dunno", "don't know"},
    {"every1", "everyone"},
    {"gimme", "give me"},
    {"gonna", "going to"},
    {"gotta", "got to"},
    {"gr8", "great"},
    {"hbu", "how about you"},
    {"hmu", "hit me up"},
    {"idk", "i don't know"},
    {"ily", "i love you"},
    {"ilysm", "i love you so much"},
    {"imo", "in my opinion"},
    {"imy", "i miss you"},
    {"kinda", "kind of"},
    {"l8r", "later"},
    {"lemme", "let me"},
    {"lmk", "let me know"},
    {"luv", "love"},
    {"msg", "message"},
    {"ngl", "not going to lie"},
    {"no1", "no one"},
    {"nvm", "never mind"},
    {"obv", "obviously"},
    {"ofc", "of course"},
    {"omw", "on my way"},
    {"pls", "please"},
    {"plz", "please"},
    {"ppl", "people"},
    {"rly", "really"},
    {"rn", "right now"},
    {"some1", "someone"},
    {"sorta", "sort of"},
    {"srsly", "seriously"},
    {"sry", "sorry"},
    {"tbh", "to be honest"},
    {"thnx", "thanks"},
    {"tho", "though"},
    {"thru", "through"},
    {"thx", "thanks"},
    {"tmr", "tomorrow"},
    {"tmrw", "tomorrow"},
    {"tmw", "tomorrow"},
    {"tonite", "tonight"},
    {"txt", "text"},
    {"u", "you"},
    {"wanna", "want to"},
    {"wbu", "what about you"},
    {"wyd", "what are you doing"},
    {"yday", "yesterday"},
};

constexpr bool sorted_by_abbreviation() {
  for (size_t i = 1; i < std::size(kExpansions); ++i) {
    if (!(kExpansions[i - 1].first < kExpansions[i].first)) return false;
  }
  return true;
}
static_assert(sorted_by_abbreviation(), "kExpansions is searched by binary search");

// Words after which "ur" reads as "you're": descriptions, states and actions.
constexpr std::string_view kAfterYoure[] = {
    "a",       "able",     "adorable",   "all",       "allowed",  "always",     "amazing",
    "an",      "awesome",  "back",       "beautiful", "being",    "brave",      "busy",
    "clearly", "cute",     "definitely", "doing",     "early",    "fine",       "free",
    "funny",   "going",    "gonna",      "good",      "gorgeous", "great",      "handsome",
    "here",    "home",     "honestly",   "hot",       "in",       "incredible", "just",
    "kind",    "late",     "like",       "literally", "lovely",   "making",     "never",
    "not",     "ok",       "okay",       "on",        "one",      "out",        "perfect",
    "pretty",  "probably", "ready",      "really",    "right",    "safe",       "seriously",
    "sexy",    "smart",    "so",         "special",   "still",    "strong",     "stunning",
    "such",    "sure",     "sweet",      "the",       "there",    "too",        "totally",
    "very",    "welcome"};

constexpr std::string_view kPronouns[] = {"u", "you", "we", "they", "ya", "ur"};
constexpr std::string_view kQuestionWords[] = {"how", "what", "where", "when", "who", "why"};

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool ends_with_ing(std::string_view word) {
  return word.size() > 4 && word.substr(word.size() - 3) == "ing";
}

}  // namespace

std::string_view text_speak_expansion(std::string_view previous, std::string_view word,
                                      std::string_view next) {
  if (word == "ur") {
    return contains(kAfterYoure, next) || ends_with_ing(next) ? "you're" : "your";
  }
  if (word == "r") {
    // Only beside a pronoun or a question ("r u ok", "how r u", "we r late"): alone it is a
    // letter.
    const bool verb = contains(kPronouns, previous) || contains(kQuestionWords, previous) ||
                      contains(kPronouns, next);
    return verb ? "are" : std::string_view{};
  }
  const auto it = std::lower_bound(std::begin(kExpansions), std::end(kExpansions), word,
                                   [](const Pair& p, std::string_view w) { return p.first < w; });
  if (it != std::end(kExpansions) && it->first == word) return it->second;
  return {};
}

}  // namespace bg
