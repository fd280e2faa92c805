#include "text/reported_asks.h"

#include <re2/re2.h>

#include <algorithm>

namespace bg {
namespace {

constexpr size_t kMaxRequest = 100;   // bytes of request after its opener
constexpr size_t kReplyWindow = 300;  // bytes after it where the therapist declines

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
      "you(?:'ve|'re|'d)?\\s+"
      "(?:(?:just|also|once|recently|then|have|had|keep|kept|were|are|'ve|'re|been|even|"
      "always|often|sometimes|first)\\s+){0,3}"
      "(?:(?:asked|wondered|wondering|mentioned|mentioning|suggested|suggesting|"
      "brought\\s+up|floated|raised|proposed)"
      "(?:\\s+me)?(?:\\s+(?:last\\s+week|last\\s+time|earlier|today|yesterday|in\\s+session|"
      "again))?"
      "\\s+(?:whether|if|wanting|hoping|the\\s+idea\\s+of|[a-z]+ing)"
      "|asked\\s+(?:me\\s+)?(?:about|for|to)"
      "|(?:texted|messaged|wrote|emailed|called|dmed)\\s+(?:me\\s+)?asking\\s+(?:me\\s+)?"
      "(?:if|whether|about|to)"
      "|hoping\\s+(?:that\\s+)?(?:we|to|i'?d|i\\s+would|i'?ll|for)"
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
      "your\\s+asking\\s+(?:me\\s+)?(?:whether|if|about)"
      "|"
      "(?:noticed|notice|see|seen|saw)\\s+you\\s+(?:keep\\s+)?asking\\s+(?:me\\s+)?about"
      ")\\b"};
  return re;
}

// What the therapist goes on to say when the request is being declined or turned back to the
// work: a refusal ("I won't be able to", "I can't,", "I have to say no"), the relationship kept
// as it is ("our relationship will stay a professional one", "keep it a therapy relationship",
// "I keep my history out of our sessions"), or a reflection ("worth exploring", "let's talk
// Thursday about", "what's that about for you?", "I'm curious"). Not "I can't wait" or "I won't
// lie": an acceptance leaves the request read ("You asked if we could hang out. I'm down!!").
const RE2& declines_or_reflects() {
  static const RE2 re{
      "\\b(?:"
      "(?:can'?t|cannot|won'?t|will\\s+not)\\s+(?:be|do|go|meet|accept|make|come|join|say|"
      "answer|share|see|date|have|keep|stay|connect|follow|give|take|let|ever|agree|offer|get|"
      "grab|hang|text|add|return|continue)\\b|"
      "(?:can'?t|cannot)\\s*(?:[,.;!]|$|but\\b)|"
      "not\\s+able\\s+to|unable\\s+to|(?:have|need|going)\\s+to\\s+(?:pass|decline)|"
      "say(?:ing)?\\s+no|answer\\s+is\\s+(?:still\\s+)?no|decline|"
      "not\\s+something\\s+i|isn'?t\\s+something\\s+i|"
      "wouldn'?t\\s+be\\s+(?:appropriate|right|fair)|"
      "(?:stay|stays|remain|remains)\\s+(?:a\\s+|strictly\\s+|purely\\s+)?"
      "(?:professional|therapeutic|clinical|about\\s+(?:you|yours)|on\\s+(?:you|yours)|"
      "focused\\s+on\\s+(?:you|yours))|"
      "(?:needs?|has|have)\\s+to\\s+stay|"
      "keep\\s+(?:it|this|things|us|our\\s+\\w+|my\\s+\\w+|the\\s+\\w+)\\s+(?:\\w+\\s+){0,2}?"
      "(?:professional|therapeutic|therapy|clinical|out\\s+of|private|separate|to\\s+myself|"
      "yours|for\\s+you|to\\s+the)|"
      "boundar(?:y|ies)|unanswered|"
      "let'?s\\s+(?:\\w+\\s+)?(?:talk|look|explore|unpack|think|bring|make\\s+room|sit|keep)|"
      "worth\\s+(?:exploring|talking|looking|saying|noticing|understanding)|talk\\s+(?:it\\s+)?"
      "(?:about|through)|look\\s+at|bring\\s+(?:it|that|this)\\s+in|unpack|explore|curious|wonder|"
      "sit\\s+with|make\\s+room|what'?s\\s+(?:that|this|it)\\s+about|"
      "what\\s+(?:that|this|it)\\s+(?:\\w+\\s+)?(?:means|meant|brings|stirs|is\\s+about|was\\s+"
      "about)|"
      "what\\s+(?:does|did|might|would)\\s+(?:that|this|it)\\s+(?:bring|stir|mean)"
      ")"};
  return re;
}

constexpr std::string_view kJoiningWords[] = {
    " but ",    " so ",     " though ",  " because ", " which ",       " and i ",
    " and it ", " and we ", " and i'm ", " and i'd ", " and honestly "};

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
        RE2::PartialMatch(
            re2::StringPiece{folded.data() + end, std::min(kReplyWindow, folded.size() - end)},
            declines_or_reflects()))
      spans.emplace_back(start, end);
    if (end > start) rest.remove_prefix(end - start);
  }
  return spans;
}

}  // namespace bg
