#include "text/text_speak.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace bg {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Sorted by the abbreviation. Contractions typed without their apostrophe get it back ("im",
// "dont"), except those that are words themselves ("were", "ill", "its", "lets", "id"). Left
// out on purpose: forms that are also words or names in
// practice messages ("ty", "yr", "pic", "prob", "def", "bout", "k", "totes"), and chat markers
// the lexicons name as they are ("lol", "omg", "jk").
constexpr Pair kExpansions[] = {
    {"2day", "today"},
    {"2gether", "together"},
    {"2moro", "tomorrow"},
    {"2morrow", "tomorrow"},
    {"2night", "tonight"},
    {"2nite", "tonight"},
    {"4ever", "forever"},
    {"abt", "about"},
    {"aint", "ain't"},
    {"any1", "anyone"},
    {"arent", "aren't"},
    {"b4", "before"},
    {"bby", "baby"},
    {"bc", "because"},
    {"bcoz", "because"},
    {"bcuz", "because"},
    {"bday", "birthday"},
    {"bf", "boyfriend"},
    {"bff", "best friend"},
    {"brb", "be right back"},
    {"btw", "by the way"},
    {"cant", "can't"},
    {"convo", "conversation"},
    {"cos", "because"},
    {"couldnt", "couldn't"},
    {"couldve", "could've"},
    {"coz", "because"},
    {"cu", "see you"},
    {"cul8r", "see you later"},
    {"cuz", "because"},
    {"cya", "see you"},
    {"didnt", "didn't"},
    {"doesnt", "doesn't"},
    {"dont", "don't"},
    {"dunno", "don't know"},
    {"every1", "everyone"},
    {"gf", "girlfriend"},
    {"gimme", "give me"},
    {"gnight", "good night"},
    {"gnite", "good night"},
    {"gonna", "going to"},
    {"gotta", "got to"},
    {"gr8", "great"},
    {"gud", "good"},
    {"h8", "hate"},
    {"hadnt", "hadn't"},
    {"hafta", "have to"},
    {"hasnt", "hasn't"},
    {"havent", "haven't"},
    {"hbu", "how about you"},
    {"heres", "here's"},
    {"hmu", "hit me up"},
    {"hows", "how's"},
    {"hru", "how are you"},
    {"idk", "i don't know"},
    {"ilu", "i love you"},
    {"ily", "i love you"},
    {"ily2", "i love you too"},
    {"ilysm", "i love you so much"},
    {"im", "i'm"},
    {"ima", "i'm going to"},
    {"imma", "i'm going to"},
    {"imo", "in my opinion"},
    {"imy", "i miss you"},
    {"irl", "in real life"},
    {"isnt", "isn't"},
    {"itll", "it'll"},
    {"ive", "i've"},
    {"kinda", "kind of"},
    {"l8", "late"},
    {"l8r", "later"},
    {"lemme", "let me"},
    {"lmk", "let me know"},
    {"lotta", "lot of"},
    {"luv", "love"},
    {"luvs", "loves"},
    {"lysm", "love you so much"},
    {"me2", "me too"},
    {"msg", "message"},
    {"ne1", "anyone"},
    {"ngl", "not going to lie"},
    {"nite", "night"},
    {"no1", "no one"},
    {"nothin", "nothing"},
    {"np", "no problem"},
    {"nvm", "never mind"},
    {"obv", "obviously"},
    {"obvi", "obviously"},
    {"ofc", "of course"},
    {"omw", "on my way"},
    {"outta", "out of"},
    {"perf", "perfect"},
    {"pls", "please"},
    {"plz", "please"},
    {"ppl", "people"},
    {"prolly", "probably"},
    {"rly", "really"},
    {"rn", "right now"},
    {"shouldnt", "shouldn't"},
    {"shouldve", "should've"},
    {"shud", "should"},
    {"some1", "someone"},
    {"somethin", "something"},
    {"sorta", "sort of"},
    {"srsly", "seriously"},
    {"sry", "sorry"},
    {"sum1", "someone"},
    {"sumthin", "something"},
    {"tbh", "to be honest"},
    {"thats", "that's"},
    {"theres", "there's"},
    {"theyll", "they'll"},
    {"theyre", "they're"},
    {"theyve", "they've"},
    {"thnx", "thanks"},
    {"tho", "though"},
    {"thru", "through"},
    {"thx", "thanks"},
    {"tmr", "tomorrow"},
    {"tmrw", "tomorrow"},
    {"tmw", "tomorrow"},
    {"tonite", "tonight"},
    {"tryna", "trying to"},
    {"ttyl", "talk to you later"},
    {"txt", "text"},
    {"u", "you"},
    {"u2", "you too"},
    {"ure", "you're"},
    {"w8", "wait"},
    {"wanna", "want to"},
    {"wasnt", "wasn't"},
    {"wat", "what"},
    {"wbu", "what about you"},
    {"wby", "what about you"},
    {"werent", "weren't"},
    {"weve", "we've"},
    {"whatev", "whatever"},
    {"whats", "what's"},
    {"wheres", "where's"},
    {"wknd", "weekend"},
    {"wont", "won't"},
    {"wouldnt", "wouldn't"},
    {"wouldve", "would've"},
    {"wtv", "whatever"},
    {"wud", "would"},
    {"wyd", "what are you doing"},
    {"yday", "yesterday"},
    {"youll", "you'll"},
    {"youre", "you're"},
    {"youve", "you've"},
    {"yw", "you're welcome"},
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

// "2" and "4" stand for "to" and "for" only between words that show it ("nice 2 see u",
// "thx 4 everything"); after these they are a time or an amount ("at 2", "from 2 to 4").
constexpr std::string_view kBeforeNumber[] = {
    "about", "after", "and", "around", "at", "before", "between", "by",   "from", "is",
    "or",    "past",  "til", "till",   "to", "until",  "under",   "over", "only", "than"};
constexpr std::string_view kAfterTo[] = {"be",   "call", "chat",  "come", "do",   "get",   "go",
                                         "hang", "have", "hear",  "hold", "hug",  "kiss",  "know",
                                         "me",   "meet", "say",   "see",  "show", "spend", "talk",
                                         "tell", "text", "touch", "u",    "us",   "you"};
constexpr std::string_view kBeforeTo[] = {"going",    "got",    "hard", "need", "nice",
                                          "supposed", "trying", "used", "wait", "want"};
constexpr std::string_view kAfterFor[] = {"ever", "everything", "me", "real", "sure",
                                          "u",    "ur",         "us", "you",  "your"};
constexpr std::string_view kBeforeFor[] = {"here",   "looking", "perfect", "ready", "thank",
                                           "thanks", "thanx",   "thnx",    "thx",   "waiting"};
// After "2" or "4", these make it a time ("here 4 pm").
constexpr std::string_view kTimeWords[] = {"am", "pm", "ish", "oclock", "o'clock"};
constexpr std::string_view kAfterBout[] = {"u",    "you", "ya",   "me",   "it",  "that",
                                           "this", "us",  "them", "her",  "him", "your",
                                           "ur",   "my",  "the",  "what", "how", "last"};
// After these, "ya" is "you" ("see ya", "miss ya").
constexpr std::string_view kBeforeYa[] = {"adore", "call", "hug",  "kiss", "love", "luv",
                                          "meet",  "miss", "need", "see",  "tell", "text",
                                          "thank", "want", "with", "for",  "got",  "hold"};
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
  if (word == "2" || word == "4") {
    if (contains(kBeforeNumber, previous) || contains(kTimeWords, next)) return {};
    if (word == "2") {
      // "me 2", "love u 2": too.
      if ((previous == "me" || previous == "u" || previous == "you") && !contains(kAfterTo, next)) {
        return "too";
      }
      return contains(kAfterTo, next) || contains(kBeforeTo, previous) ? "to" : std::string_view{};
    }
    return contains(kAfterFor, next) || contains(kBeforeFor, previous) ? "for" : std::string_view{};
  }
  if (word == "bout") {
    // "thinkin bout u": about; "a bout of flu" stays.
    return contains(kAfterBout, next) && previous != "a" ? "about" : std::string_view{};
  }
  if (word == "ya") {
    return contains(kBeforeYa, previous) || next == "know" ? "you" : std::string_view{};
  }
  if (word == "n") {
    // "u n me", "dinner n drinks": and, between two words.
    const bool words = !previous.empty() && !next.empty() && previous.size() + next.size() > 2;
    return words ? "and" : std::string_view{};
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
