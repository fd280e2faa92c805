#include "text/text_features.h"

#include <algorithm>

namespace bg {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '_' || c >= 0x80 ||
         (c >= 'A' && c <= 'Z');
}

bool is_stop(unsigned char c) { return c == '.' || c == '!' || c == '?'; }

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::vector<TextToken> model_tokens(std::string_view text) {
  std::vector<TextToken> out;
  size_t i = 0;
  while (i < text.size() && out.size() < kMaxModelTokens) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (is_stop(c)) {
      // A run of stops is one token, so that "!!!!" weighs as much as "!!" and not twice as much.
      size_t end = i + 1;
      while (end < text.size() && is_stop(static_cast<unsigned char>(text[end]))) ++end;
      out.push_back({i, end, text.substr(i, std::min<size_t>(end - i, 2))});
      i = end;
      continue;
    }
    if (!is_word_byte(c)) {
      out.push_back({i, i + 1, text.substr(i, 1)});
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    // Quotes around a word are not part of it: 'hello' reads as hello.
    size_t start = i;
    while (start < end && text[start] == '\'') ++start;
    size_t stop = end;
    while (stop > start && text[stop - 1] == '\'') --stop;
    if (start < stop) {
      const std::string_view word = text.substr(start, stop - start);
      out.push_back({start, stop, all_digits(word) ? std::string_view{"<n>"} : word});
    }
    i = end;
  }
  return out;
}

std::vector<TextSentence> model_sentences(const std::vector<TextToken>& tokens) {
  std::vector<TextSentence> out;
  bool open = false;
  for (const auto& t : tokens) {
    if (!open) {
      out.push_back({t.start, t.end, 0});
      open = true;
    }
    out.back().end = t.end;
    if (t.word == "<n>" || is_word_byte(static_cast<unsigned char>(t.word.front())))
      ++out.back().words;
    if (is_stop(static_cast<unsigned char>(t.word.front()))) open = false;
  }
  return out;
}

}  // namespace bg
