#include "text/reported_asks.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace bg {
namespace {

constexpr size_t kMaxRequest = 100;  // bytes of request after its opener

// Where the client's request starts: the words that tell it back. Asking, wondering and
// suggesting ("you asked whether", "you keep asking about", "you mentioned wanting"); the
// therapist taking in a wish ("I know you were hoping", "touched you'd want to", "I understand
// you want that"); the question itself ("your question about", "I've noticed you asking
// about"). Not "do you want to grab coffee?" or "if you wanted to hang out": those are the
// therapist's. Not "thanks for asking about my knee!", which the therapist goes on to answer,
// nor "the tie you suggested to my daughter's wedding".
const RE2& request_opener() {
  static const RE2 re{
      "(?:^|[^a-z0-9'])(?:"
      "you(?:'ve|'re|'d)?\\s+(?:(?:just|also|once|recently|then|have|had|keep|kept|were|are|'ve|'"
      "re|been|"
      "even|always|often|sometimes|first)\\s+){0,3}"
      "(?:(?:asked|wondered|wondering|mentioned|mentioning|suggested|suggesting|"
      "brought\\s+up|floated|raised|proposed)"
      "(?:\\s+me)?(?:\\s+(?:last\\s+week|last\\s+time|earlier|today|yesterday|in\\s+session|"
      "again))?"
      "\\s+(?:whether|if|wanting|hoping|the\\s+idea\\s+of)"
      "|asked\\s+(?:me\\s+)?(?:about|for|to)"
      "|(?:keep|kept|been|were|are|'re)\\s+asking\\s+(?:me\\s+)?(?:about|for|to))"
      "|"
      "(?:know|understand|hear|touched|glad|flattered|honou?red|appreciate|sense|realize|"
      "realise|noticed|moved)\\s+(?:that\\s+|how\\s+much\\s+)?"
      "you(?:'d|\\s+would|\\s+were|'re|\\s+are|\\s+have\\s+been|'ve\\s+been|\\s+might)?\\s+"
      "(?:really\\s+|still\\s+|so\\s+)?"
      "(?:want|wanted|wanting|wish|wished|wishing|hoping|hoped|hope|would\\s+like|'d\\s+like)"
      "(?:\\s+(?:that|to|for|i'?d|i\\s+would|we))?"
      "|"
      "(?:your|the|that|those|these)\\s+questions?\\s+(?:about|on)"
      "|"
      "(?:noticed|notice|see|seen|saw)\\s+you\\s+(?:keep\\s+)?asking\\s+(?:me\\s+)?about"
      ")\\b"};
  return re;
}

// A yes at the start of what follows: the therapist takes the request up, and it stays read.
const RE2& answer_yes() {
  static const RE2 re{
      "^[\\s.,!?;:-]*(?:emoji_[a-z_]+\\s*)*"
      "(?:(?:oh|and|but|so|well|honestly|haha|lol|ha)[\\s.,!?]+){0,2}"
      "(?:yes|yeah|yep|yup|absolutely|definitely|sure|of\\s+course|deal|count\\s+me\\s+in|"
      "i'?m\\s+in|let'?s\\s+do\\s+it|why\\s+not|same|me\\s+too|the\\s+answer\\s+is\\s+yes|"
      "i'?d\\s+be\\s+(?:honou?red|happy|glad|delighted)|"
      "i\\s+(?:feel\\s+the\\s+same|want\\s+that\\s+too|do\\s+too|would\\s+too)|"
      "i'?d\\s+(?:love|like)\\s+(?:that|it|to(?:\\s*(?:[.!,]|$)|\\s+(?:come|go|join|meet|grab|"
      "get|see|hang|be\\s+friends|stay\\s+in\\s+touch|keep\\s+in\\s+touch))))\\b"};
  return re;
}

constexpr std::string_view kJoiningWords[] = {" but ",   " so ",    " though ", " because ",
                                              " which ", " and i ", " and it ", " and we "};

bool starts_with(std::string_view s, size_t at, std::string_view prefix) {
  return s.compare(at, prefix.size(), prefix) == 0;
}

// Where the request that starts at `start` ends: the first mark or joining word, at most
// kMaxRequest bytes on. A comma before "my" or "and my" continues a list of the therapist's
// things ("about my sign, my kids and my weekends").
size_t request_end(std::string_view text, size_t start) {
  const size_t limit = std::min(text.size(), start + kMaxRequest);
  for (size_t at = start; at < limit; ++at) {
    const char c = text[at];
    if (c == ',' && (starts_with(text, at + 1, " my ") || starts_with(text, at + 1, " and my ")))
      continue;
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',' || c == '(' ||
        c == ')' || c == '\n' || c == '"' || starts_with(text, at, "\xE2\x80\x94") ||
        starts_with(text, at, "\xE2\x80\x93") || starts_with(text, at, " - ") ||
        starts_with(text, at, " emoji_"))
      return at;
    for (const auto word : kJoiningWords) {
      if (starts_with(text, at, word)) return at;
    }
  }
  return limit;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_reported_asks(std::string_view folded) {
  std::vector<std::pair<size_t, size_t>> spans;
  re2::StringPiece rest{folded.data(), folded.size()};
  while (RE2::FindAndConsume(&rest, request_opener())) {
    const auto start = static_cast<size_t>(rest.data() - folded.data());
    const size_t end = request_end(folded, start);
    if (end > start + 1 &&
        !RE2::PartialMatch(re2::StringPiece{folded.data() + end, folded.size() - end},
                           answer_yes()))
      spans.emplace_back(start, end);
    if (end > start) rest.remove_prefix(end - start);
  }
  return spans;
}

}  // namespace bg
