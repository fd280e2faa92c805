#include "text/reported_speech.h"

#include <re2/re2.h>

#include <string>

namespace bg {
namespace {

constexpr size_t kMaxQuote = 240;           // longer "quotes" are more likely stray marks
constexpr size_t kAttributionWindow = 120;  // bytes before the quote that can name the speaker

// The speaker and the speech verb, ending where the quote opens. Group 1 is the subject.
const RE2& attribution() {
  static const RE2 re{
      "(?:^|[^a-z0-9'])"
      "((?:your|his|her|their|the|this|that|my|our|a|an|one|some)\\s+[a-z]+(?:\\s+[a-z']+){0,2}|"
      "[a-z]+)"
      "\\s+(?:(?:just|always|keeps|kept|keep|once|then|finally|actually|literally|would|will|"
      "might|could|did|does|do|never|even|also|still|already|ever|basically|apparently|"
      "usually|sometimes|often|probably|has|had|have|suddenly|randomly|only)\\s+){0,2}"
      "(?:said|says|say|saying|texted|texts|text|texting|wrote|writes|write|writing|told|tells|"
      "tell|telling|asked|asks|ask|asking|messaged|messages|message|messaging|posted|posts|"
      "replied|replies|reply|goes|went|yelled|yells|screamed|screams|whispered|whispers|"
      "commented|comments|typed|types|snapped|emailed|emails|called|calls)"
      "(?:\\s+(?:me|you|him|her|them|us|it))?"
      "(?:\\s+(?:something\\s+like|stuff\\s+like|things\\s+like|like|back|out\\s+loud))?"
      "\\s*[:,]?\\s*$"};
  return re;
}

// Subjects that are someone else by their word alone.
constexpr std::string_view kOtherSpeakers[] = {"he",       "she",       "they",    "you",
                                               "everyone", "everybody", "someone", "somebody",
                                               "people",   "nobody",    "anyone",  "anybody"};

// Single words that can stand capitalised before a verb without naming anyone ("Just say 'no'",
// "To say 'I love you'...").
constexpr std::string_view kNotNames[] = {
    "i",      "we",    "to",   "just",   "then",  "so",  "and",   "but",    "or",
    "please", "maybe", "also", "always", "never", "can", "could", "should", "would",
    "will",   "must",  "did",  "do",     "does",  "who", "what",  "when",   "if",
    "still",  "even",  "only", "let",    "lets",  "me",  "us",    "ok",     "okay",
    "lol",    "haha",  "omg",  "oh",     "well",  "yes", "no"};

// What "my" or "our" names that speaks for the writer ("my gut says 'call her'").
constexpr std::string_view kWritersOwn[] = {"heart", "gut",  "brain", "head",      "mind",
                                            "body",  "soul", "inner", "conscience"};

template <size_t N>
bool is_one_of(std::string_view word, const std::string_view (&words)[N]) {
  for (const auto w : words) {
    if (w == word) return true;
  }
  return false;
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Where the quote that opens at `open` closes (the byte after its closing mark), or 0.
size_t quote_end(std::string_view text, size_t open) {
  const size_t limit = std::min(text.size(), open + kMaxQuote);
  if (text[open] == '\'' && text.compare(open, 2, "''") != 0) {
    for (size_t q = open + 2; q < limit; ++q) {
      // A closing ' follows a letter or mark and is not inside a word ("it's" continues).
      if (text[q] == '\'' && text[q - 1] != ' ' && (q + 1 == text.size() || !is_alnum(text[q + 1])))
        return q + 1;
    }
    return 0;
  }
  if (text[open] == '"') {
    const size_t q = text.find('"', open + 1);
    return q < limit ? q + 1 : 0;
  }
  const size_t q = text.find("''", open + 2);  // folded “...”
  return q < limit ? q + 2 : 0;
}

// The length in bytes of the quote mark that may open a quote at `pos`, or 0.
size_t opening_mark(std::string_view text, size_t pos) {
  if (text[pos] == '"') return 1;
  if (text.compare(pos, 2, "''") == 0) return 2;  // “ and ” fold to ''

  // A ' opens a quote only before a word and after a space or mark, not inside "don't".
  if (text[pos] == '\'' && pos + 1 < text.size() && is_alnum(text[pos + 1]) &&
      (pos == 0 || !is_alnum(text[pos - 1])))
    return 1;
  return 0;
}

// Whether the writer is the one speaking: "I" or "we" in the subject ("the way I said"), the
// writer's own heart or mind ("my gut says"), or a single word that names no one.
bool writer_or_no_one(std::string_view subject, size_t subject_start,
                      const std::function<bool(size_t)>& capitalized) {
  const size_t space = subject.find(' ');
  if (space != std::string_view::npos) {
    if ((subject.substr(0, space) == "my" || subject.substr(0, space) == "our") &&
        is_one_of(subject.substr(space + 1, subject.find(' ', space + 1) - space - 1), kWritersOwn))
      return true;
    for (const auto w : {std::string_view{" i"}, std::string_view{" we"}}) {
      for (size_t at = subject.find(w); at != std::string_view::npos;
           at = subject.find(w, at + 1)) {
        if (at + w.size() == subject.size() || subject[at + w.size()] == ' ') return true;
      }
    }
    return false;  // "your mom", "the nurse", "this guy I'm seeing"
  }
  if (is_one_of(subject, kOtherSpeakers)) return false;
  return is_one_of(subject, kNotNames) || !capitalized(subject_start);
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_reported_quotes(
    std::string_view folded, const std::function<bool(size_t)>& capitalized) {
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t pos = 0; pos < folded.size(); ++pos) {
    if (opening_mark(folded, pos) == 0) continue;
    const size_t end = quote_end(folded, pos);
    if (end == 0) continue;
    const size_t window_start = pos > kAttributionWindow ? pos - kAttributionWindow : 0;
    const re2::StringPiece window{folded.data() + window_start, pos - window_start};
    re2::StringPiece subject;
    if (RE2::PartialMatch(window, attribution(), &subject)) {
      const auto subject_start = static_cast<size_t>(subject.data() - folded.data());
      if (!writer_or_no_one(std::string_view{subject.data(), subject.size()}, subject_start,
                            capitalized))
        spans.emplace_back(pos, end);
    }
    pos = end - 1;  // a closing mark opens nothing
  }
  return spans;
}

}  // namespace bg
