#include "text/reported_speech.h"

#include <re2/re2.h>

#include <string>
#include <vector>

namespace bg {
namespace {

constexpr size_t kMaxQuote = 240;           // longer "quotes" are more likely stray marks
constexpr size_t kAttributionWindow = 120;  // bytes before the quote that can name the speaker
constexpr size_t kAfterWindow = 60;         // bytes after it that can name the speaker
constexpr size_t kAnswerWindow = 100;       // bytes after it that can answer it ("Same.")

// A speaker: a determiner and a few words ("your mom", "the guy I dated last year", "your best
// friend from college"), a possessive and a noun ("stepdad's text"), or one word. Group 1.
constexpr const char* kSpeaker =
    "((?:your|his|her|their|the|this|that|my|our|a|an|one|some)\\s+[a-z'-]+(?:\\s+[a-z'-]+){0,4}|"
    "[a-z-]+'s\\s+[a-z]+|[a-z-]+)";
constexpr const char* kAdverbs =
    "(?:(?:just|always|keeps|kept|keep|once|then|finally|actually|literally|would|will|"
    "might|could|did|does|do|never|even|also|still|already|ever|basically|apparently|"
    "usually|sometimes|often|probably|has|had|have|suddenly|randomly|only|on)\\s+){0,2}";
constexpr const char* kSpeechVerb =
    "(?:said|says|say|saying|texted|texts|text|texting|wrote|writes|write|writing|told|tells|"
    "tell|telling|asked|asks|ask|asking|messaged|messages|message|messaging|posted|posts|"
    "replied|replies|reply|responded|responds|goes|went|yelled|yells|screamed|screams|"
    "whispered|whispers|commented|comments|typed|types|snapped|emailed|emails|called|calls|"
    "sent|sends|dmed|dm'd|mentioned|promised|read|reads|(?:was|is|were|are)\\s+like)";

// The speaker and the speech verb, ending where the quote opens.
const RE2& attribution_before() {
  static const RE2 re{std::string{"(?:^|[^a-z0-9'])"} + kSpeaker + "\\s+" + kAdverbs + kSpeechVerb +
                      "(?:\\s+(?:to\\s+)?(?:me|you|him|her|them|us|it|"
                      "(?:your|his|her|their|the)\\s+[a-z'-]+))?"
                      "(?:\\s+(?:last\\s+night|yesterday|today|tonight|this\\s+morning|earlier|"
                      "again|once|at\\s+[0-9:]+\\s*(?:am|pm)?)){0,2}"
                      "(?:\\s+(?:with|something\\s+like|stuff\\s+like|things\\s+like|like|back|"
                      "out\\s+loud))?"
                      "\\s*(?:[:,-]|\xE2\x80\x94|\xE2\x80\x93)?\\s*$"};
  return re;
}

// A message named as the speaker: "His text: '...'", "her email said", "Your coworker's note:".
const RE2& message_label_before() {
  static const RE2 re{
      "(?:^|[^a-z0-9'])((?:his|her|their|the|your\\s+[a-z-]+'s|[a-z-]+'s)\\s+"
      "(?:last\\s+|latest\\s+|new\\s+)?"
      "(?:text|message|email|note|dm|post|reply|comment|voicemail|letter|card))"
      "\\s*(?::|\xE2\x80\x94|\xE2\x80\x93|-)\\s*$"};
  return re;
}

// The speaker named after the quote: "'I love you, babe,' he texted".
const RE2& attribution_after() {
  static const RE2 re{std::string{"^\\s*,?\\s*(?:(?:was|is)\\s+what\\s+)?"} + kSpeaker + "\\s+" +
                      kAdverbs + kSpeechVerb + "(?:[^a-z]|$)"};
  return re;
}

// A reply that takes up what the reader said, anywhere in the words after the quote ("You said
// 'I love you.' Same.", "You asked 'drinks when this is over?' Yes.", "You texted 'wish you were
// here'. Wish I was too."): the quote is then part of the writer's answer and stays read.
const RE2& answer_after() {
  static const RE2 re{
      "\\b(?:same|me\\s+too|me\\s+neither|so\\s+do\\s+i|ditto|yes|yeah|yep|yup|absolutely|"
      "definitely|sure|deal|done|count\\s+me\\s+in|i'?d\\s+(?:love|like|say\\s+yes)|i'?m\\s+in|"
      "any\\s*time|of\\s+course|the\\s+feeling|mutual|right\\s+back\\s+at|back\\s+at\\s+(?:you|ya)|"
      "likewise|i\\s+agree|i'?ll\\s+be\\s+there|not\\s+wrong|let'?s\\s+do\\s+it|why\\s+not|for\\s+"
      "you\\s+i|"
      "i\\s+(?:do|did|am|was|have|might|would|could|feel)\\s+(?:too|the\\s+same)|"
      "i(?:'?ve|\\s+have)\\s+thought\\s+about\\s+it|i\\s+(?:was|am|do|did)\\s+too|"
      "(?:\\w+\\s+)?too\\s*(?:[.!]|$))"};
  return re;
}

// Words that are someone else by themselves ("his" and "your" before a noun read as a verb:
// "His text: '...'", "Your reply: '...'").
constexpr std::string_view kOtherSpeakers[] = {
    "he",     "she",     "they",    "you",     "everyone", "everybody", "someone", "somebody",
    "people", "nobody",  "anyone",  "anybody", "mom",      "dad",       "mum",     "mama",
    "papa",   "grandma", "grandpa", "ex",      "his",      "her",       "their",   "your"};

// The last part of a hyphenated speaker that makes it someone else ("ex-boyfriend").
constexpr std::string_view kRelations[] = {
    "boyfriend", "girlfriend", "husband", "wife", "partner", "dad",    "mom",
    "father",    "mother",     "friend",  "boss", "sister",  "brother"};

// Single words that can stand capitalised before a verb without naming anyone ("Just say 'no'",
// "To say 'I love you'...", "My reply: '...'").
constexpr std::string_view kNotNames[] = {
    "i",      "we",     "to",     "just",   "then",  "so",    "and",     "but",     "or",
    "please", "maybe",  "also",   "always", "never", "can",   "could",   "should",  "would",
    "will",   "must",   "did",    "do",     "does",  "who",   "what",    "when",    "if",
    "still",  "even",   "only",   "let",    "lets",  "me",    "us",      "ok",      "okay",
    "lol",    "haha",   "omg",    "oh",     "well",  "yes",   "no",      "my",      "our",
    "one",    "almost", "nearly", "once",   "first", "today", "tonight", "honestly"};

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

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t at = 0; at < s.size();) {
    const size_t end = std::min(s.find(' ', at), s.size());
    if (end > at) out.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// Whether a closing ' may stand at `q`: after a word or mark, or after an emoji ("'love you
// 😘'" folds to "'love you emoji_kiss '"), and not inside a word ("it's" goes on).
bool closes_single_quote(std::string_view text, size_t q) {
  if (text[q] != '\'' || (q + 1 < text.size() && is_alnum(text[q + 1]))) return false;
  if (text[q - 1] != ' ') return true;
  const size_t space_before_word = text.rfind(' ', q - 2);
  const size_t word_start = space_before_word == std::string_view::npos ? 0 : space_before_word + 1;
  return text.compare(word_start, 6, "emoji_") == 0;
}

// Where the quote that opens at `open` closes (the byte after its closing mark), or 0.
size_t quote_end(std::string_view text, size_t open) {
  const size_t limit = std::min(text.size(), open + kMaxQuote);
  if (text[open] == '\'' && text.compare(open, 2, "''") != 0) {
    for (size_t q = open + 2; q < limit; ++q) {
      if (closes_single_quote(text, q)) return q + 1;
    }
    return 0;
  }
  if (text[open] == '"') {
    const size_t q = text.find('"', open + 1);
    return q < limit ? q + 1 : 0;
  }
  const size_t q = text.find("''", open + 2);  // folded "..."
  return q < limit ? q + 2 : 0;
}

// Whether a quote may open at `pos`.
bool opens_quote(std::string_view text, size_t pos) {
  if (text[pos] == '"') return true;
  if (text.compare(pos, 2, "''") == 0) return true;  // typographic double quotes fold to ''
  // A ' opens a quote only before a word and after a space or mark, not inside "don't".
  // An emoji-only quote opens on its emoji word ("'😘😘'" folds to "' emoji_kiss emoji_kiss '").
  if (text[pos] == '\'' && pos + 1 < text.size() &&
      (is_alnum(text[pos + 1]) || text.compare(pos + 1, 7, " emoji_") == 0) &&
      (pos == 0 || !is_alnum(text[pos - 1])))
    return true;
  return false;
}

// Up to `size` bytes of `folded` from `end`.
re2::StringPiece window_after(std::string_view folded, size_t end, size_t size) {
  return {folded.data() + end, std::min(size, folded.size() - end)};
}

// Whether the quote ending at `quote_end` stays read: its speaker is the writer or no one, or
// the writer takes up what the reader said.
bool stays_read(std::string_view folded, std::string_view speaker, size_t speaker_start,
                size_t quote_end, QuoteWriter writer,
                const std::function<bool(size_t)>& capitalized) {
  const auto words = words_of(speaker);
  if (words.empty()) return true;
  // The word before the verb: "the way I said", "one day I'll tell you" are the writer, "the guy
  // I'm seeing texted" is not. In a client's message "you" is the therapist, whose words are
  // what matters ("you texted me '...'").
  const std::string_view last = words.back();
  if (last == "i" || last == "we" || last.substr(0, 2) == "i'" || last.substr(0, 3) == "we'")
    return true;
  if (last == "you" &&
      (writer == QuoteWriter::client ||
       RE2::PartialMatch(window_after(folded, quote_end, kAnswerWindow), answer_after())))
    return true;
  if (words.size() > 1) {
    if (words[0] != "my" && words[0] != "our") return false;  // "your mom", "the nurse"
    // "my gut says": the writer's own; "my husband said": the therapist's household relays an
    // offer, a client's aunt is someone else.
    return is_one_of(words[1], kWritersOwn) || writer == QuoteWriter::therapist;
  }
  if (is_one_of(speaker, kOtherSpeakers)) return false;
  const size_t hyphen = speaker.rfind('-');
  if (hyphen != std::string_view::npos && is_one_of(speaker.substr(hyphen + 1), kRelations))
    return false;
  if (is_one_of(speaker, kNotNames) || !capitalized(speaker_start)) return true;
  // A name; but "my husband Dan said" in a therapist's message is the household again.
  const std::string_view before = folded.substr(0, speaker_start);
  const auto previous = words_of(before.substr(before.size() > 40 ? before.size() - 40 : 0));
  return writer == QuoteWriter::therapist && previous.size() >= 2 &&
         (previous[previous.size() - 2] == "my" || previous[previous.size() - 2] == "our");
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_reported_quotes(
    std::string_view folded, const std::function<bool(size_t)>& capitalized, QuoteWriter writer) {
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t pos = 0; pos < folded.size(); ++pos) {
    if (!opens_quote(folded, pos)) continue;
    const size_t end = quote_end(folded, pos);
    if (end == 0) continue;
    const size_t window_start = pos > kAttributionWindow ? pos - kAttributionWindow : 0;
    const re2::StringPiece before{folded.data() + window_start, pos - window_start};
    const re2::StringPiece after = window_after(folded, end, kAfterWindow);
    re2::StringPiece speaker;
    const bool attributed = RE2::PartialMatch(before, attribution_before(), &speaker) ||
                            RE2::PartialMatch(before, message_label_before(), &speaker) ||
                            RE2::PartialMatch(after, attribution_after(), &speaker);
    if (attributed &&
        !stays_read(folded, std::string_view{speaker.data(), speaker.size()},
                    static_cast<size_t>(speaker.data() - folded.data()), end, writer, capitalized))
      spans.emplace_back(pos, end);
    pos = end - 1;  // a closing mark opens nothing
  }
  return spans;
}

}  // namespace bg
