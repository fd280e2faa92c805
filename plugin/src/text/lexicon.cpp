#include "text/lexicon.h"

#include <re2/re2.h>

#include <array>

namespace bg {

Lexicon::~Lexicon() = default;

namespace {

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A phrase as a pattern over normalized text: folded like the text, spaces loosened,
// apostrophes optional, everything else literal.
std::string phrase_pattern(const std::string& phrase) {
  const NormalizedText folded{phrase};
  const std::string& text = folded.text();
  std::string out;
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += "\\s+";
      pending_space = false;
    }
    if (c == '\'') {
      out += "'?";
    } else {
      out += RE2::QuoteMeta(std::string(1, c));
    }
  }
  // Word boundaries only where the phrase itself starts or ends with a word character, so
  // entries such as "988" or "<3" work too.
  const size_t first = text.find_first_not_of(' ');
  const size_t last = text.find_last_not_of(' ');
  if (first == std::string::npos) return {};
  return (is_word_byte(text[first]) ? "\\b" : "") + out + (is_word_byte(text[last]) ? "\\b" : "");
}

// A `re:` entry on its own may compile to at most this many RE2 instructions, as a `matches`
// pattern may: a large counted repeat can exhaust RE2's DFA, and its fallback costs text length
// times program size.
constexpr int kMaxRegexEntryProgramSize = 1000;

// Whether an entry could reach the limit at all. Without counted repeats, Unicode classes or
// many wildcards, a pattern of this length compiles to far fewer instructions (a literal
// character or an ASCII class is one to four), so compiling it alone to count them would only
// slow the policy load; the lexicon's own compile still checks its syntax.
bool may_be_large(const std::string& entry) {
  if (entry.size() > 300 || entry.find('{') != std::string::npos ||
      entry.find("\\p") != std::string::npos || entry.find("\\P") != std::string::npos) {
    return true;
  }
  size_t wildcards = 0;
  for (size_t i = 0; i < entry.size(); ++i) {
    wildcards +=
        entry[i] == '.' || (entry[i] == '[' && i + 1 < entry.size() && entry[i + 1] == '^');
  }
  return wildcards > 10;
}

bool regex_entry_ok(const std::string& entry, std::string& error) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  const RE2 alone{entry.substr(3), options};
  if (!alone.ok()) {
    error = "\"" + entry + "\": " + alone.error();
    return false;
  }
  if (alone.ProgramSize() > kMaxRegexEntryProgramSize) {
    error = "\"" + entry + "\" compiles to " + std::to_string(alone.ProgramSize()) +
            " RE2 instructions, over the limit of " + std::to_string(kMaxRegexEntryProgramSize) +
            " (large counted repeats such as {500}); simplify it";
    return false;
  }
  return true;
}

// Re-searches after rejected matches, per lexicon and text (keeps hostile text linear).
constexpr size_t kMaxRejectedRetries = 64;

constexpr std::array<std::string_view, 22> kNegators = {
    "not",     "no",   "never",     "cannot",    "can't",    "cant",   "won't", "wont",
    "don't",   "dont", "shouldn't", "wouldn't",  "couldn't", "unable", "isn't", "aren't",
    "without", "nor",  "decline",   "declining", "didn't",   "doesn't"};

// A negator word opening one of these says nothing is being declined ("not gonna lie, you look
// great", "can't wait to see you"); the text from the negator on is compared.
constexpr std::array<std::string_view, 16> kNegatorIdioms = {
    "not gonna lie", "not going to lie", "not to mention", "not only",    "no idea",    "no wonder",
    "no doubt",      "can't wait",       "cant wait",      "cannot wait", "can't stop", "cant stop",
    "couldn't stop", "can't help",       "cant help",      "never stop"};

bool opens_idiom(const std::string& text, size_t pos) {
  const std::string_view rest{text.data() + pos, text.size() - pos};
  for (const auto& idiom : kNegatorIdioms) {
    if (rest.substr(0, idiom.size()) == idiom &&
        (rest.size() == idiom.size() || !is_word_byte(rest[idiom.size()]))) {
      return true;
    }
  }
  // "hard not to ...": the negator belongs to the compliment.
  return rest.substr(0, 7) == "not to " && pos >= 5 && text.compare(pos - 5, 5, "hard ") == 0;
}

}  // namespace

std::unique_ptr<Lexicon> Lexicon::compile(std::string name, const std::vector<std::string>& entries,
                                          LexiconOptions options, std::string& error) {
  std::string alternation;
  size_t count = 0;
  for (const auto& entry : entries) {
    const bool is_regex = entry.rfind("re:", 0) == 0;
    const std::string piece = is_regex ? "(?:" + entry.substr(3) + ")" : phrase_pattern(entry);
    if (piece.empty()) continue;
    if (is_regex && may_be_large(entry) && !regex_entry_ok(entry, error)) return nullptr;
    if (!alternation.empty()) alternation += '|';
    alternation += piece;
    ++count;
  }
  std::unique_ptr<Lexicon> lexicon{new Lexicon};
  lexicon->name_ = std::move(name);
  lexicon->size_ = count;
  lexicon->options_ = options;
  if (count == 0) return lexicon;
  RE2::Options re_options;
  re_options.set_case_sensitive(false);
  re_options.set_log_errors(false);
  re_options.set_max_mem(32 << 20);
  lexicon->pattern_ = std::make_unique<RE2>("(?:" + alternation + ")", re_options);
  if (!lexicon->pattern_->ok()) {
    // Name the entry at fault, not the whole alternation.
    for (const auto& entry : entries) {
      if (entry.rfind("re:", 0) == 0 && !regex_entry_ok(entry, error)) return nullptr;
    }
    error = lexicon->pattern_->error();
    return nullptr;
  }
  return lexicon;
}

bool Lexicon::negated(const std::string& text, size_t start) const {
  // The three words before `start`, stopping at the end of the previous sentence or clause
  // ("I'm not sure, but add me on insta" still invites).
  size_t pos = start;
  for (int word = 0; word < 3 && pos > 0; ++word) {
    while (pos > 0 && !is_word_byte(text[pos - 1]) && text[pos - 1] != '\'') {
      const char c = text[pos - 1];
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') return false;
      --pos;
    }
    const size_t end = pos;
    while (pos > 0 && (is_word_byte(text[pos - 1]) || text[pos - 1] == '\'')) --pos;
    const std::string_view w{text.data() + pos, end - pos};
    if (w == "but") return false;
    for (const auto& negator : kNegators) {
      if (w == negator) return !opens_idiom(text, pos);
    }
  }
  return false;
}

size_t Lexicon::find_all(const NormalizedText& normalized, std::string_view original,
                         std::vector<Evidence>& out) const {
  if (!pattern_) return 0;
  const std::string& text = normalized.text();
  size_t found = 0;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  size_t pos = 0;
  size_t rejected = 0;
  // Only the whole match ($0) is asked for, which RE2 answers with its DFAs alone.
  while (found < kMaxMatchesPerLexicon && pos <= text.size() &&
         pattern_->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto start = static_cast<size_t>(match.data() - text.data());
    const size_t end = start + match.size();
    pos = match.empty() ? end + 1 : end;
    if (match.empty()) continue;
    // Unicode word boundaries (RE2's \b only knows ASCII).
    const bool bounded = (!is_word_byte(text[start]) || normalized.is_word_boundary(start)) &&
                         (!is_word_byte(text[end - 1]) || normalized.is_word_boundary(end));
    if (!bounded || (options_.negatable && negated(text, start))) {
      // A shorter entry may still match inside a rejected match ("want to grab a drink" negated,
      // "grab a drink" not): search again from the next byte, a bounded number of times.
      if (rejected++ < kMaxRejectedRetries) pos = start + 1;
      continue;
    }
    const auto [from, to] = normalized.original_span(start, end);
    out.push_back(Evidence{from, to, std::string{original.substr(from, to - from)}});
    ++found;
  }
  return found;
}

size_t Lexicon::find_all(std::string_view original, std::vector<Evidence>& out) const {
  const NormalizedText normalized{original};
  return find_all(normalized, original, out);
}

}  // namespace bg
