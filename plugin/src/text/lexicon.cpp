#include "text/lexicon.h"

#include <re2/re2.h>

namespace bg {

Lexicon::~Lexicon() = default;

namespace {

// Escapes a phrase for RE2, loosening white space and apostrophes.
std::string phrase_pattern(const std::string& phrase) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const char c = phrase[i];
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += "\\s+";
      pending_space = false;
    }
    if (c == '\'') {
      out += "(?:'|\xE2\x80\x99)?";
    } else if (phrase.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += "(?:'|\xE2\x80\x99)?";
      i += 2;
    } else {
      const std::string one(1, c);
      out += RE2::QuoteMeta(one);
    }
  }
  return out;
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::unique_ptr<Lexicon> Lexicon::compile(std::string name, const std::vector<std::string>& entries,
                                          std::string& error) {
  std::string alternation;
  size_t count = 0;
  for (const auto& entry : entries) {
    const std::string piece = phrase_pattern(entry);
    if (piece.empty()) continue;
    if (!alternation.empty()) alternation += '|';
    // Word boundaries only where the phrase itself starts or ends with a word character, so
    // entries such as "988" or ":)" both work.
    const bool word_start = is_word_byte(entry.front());
    const bool word_end = is_word_byte(entry.back());
    alternation += (word_start ? "\\b" : "") + piece + (word_end ? "\\b" : "");
    ++count;
  }
  std::unique_ptr<Lexicon> lexicon{new Lexicon};
  lexicon->name_ = std::move(name);
  lexicon->size_ = count;
  if (count == 0) return lexicon;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  lexicon->pattern_ = std::make_unique<RE2>("(" + alternation + ")", options);
  if (!lexicon->pattern_->ok()) {
    error = lexicon->pattern_->error();
    return nullptr;
  }
  return lexicon;
}

size_t Lexicon::find_all(std::string_view text, std::vector<Evidence>& out) const {
  if (!pattern_) return 0;
  size_t found = 0;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, *pattern_, &match)) {
    if (match.empty()) {
      if (input.empty()) break;
      input.remove_prefix(1);
      continue;
    }
    const auto start = static_cast<size_t>(match.data() - text.data());
    out.push_back(Evidence{start, start + match.size(), std::string{match.data(), match.size()}});
    ++found;
  }
  return found;
}

}  // namespace bg
