// The features a text model reads from normalized text (see normalized_text.h): its tokens and
// each pair of adjacent tokens. A token is a run of letters, digits, apostrophes, underscores
// and non-ASCII bytes (so "i'm", "emoji_heart" and words in other scripts are one token), a run
// of sentence stops (".", "!", "?"; read as its first two: "!!!!" is "!!", "?!?" is "?!"), or
// one other punctuation character. Digits-only tokens read as "<n>", so that "at 10" and "at 3" are
// one feature. The trainer and the plugin both call this, so a model sees text exactly as trained.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bg {

struct TextToken {
  size_t start = 0;  // byte range in the normalized text
  size_t end = 0;
  std::string_view word;  // the token as a feature reads it (points into the text or "<n>")
};

// At most this many tokens are read from one text: a bound on hostile input.
constexpr size_t kMaxModelTokens = 4096;

std::vector<TextToken> model_tokens(std::string_view normalized);

// A sentence of a token list: ends after a run of stops.
struct TextSentence {
  size_t start = 0;  // byte range in the normalized text, from its first token to its last
  size_t end = 0;
  size_t words = 0;  // tokens that are not punctuation
};

std::vector<TextSentence> model_sentences(const std::vector<TextToken>& tokens);

// Calls `visit(feature, start, end)` for every token and every adjacent pair ("a b"), with the
// normalized byte range the feature covers. `buffer` holds the pair's text between calls.
template <typename Visit>
void for_each_feature(const std::vector<TextToken>& tokens, std::string& buffer, Visit&& visit) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    visit(tokens[i].word, tokens[i].start, tokens[i].end);
    if (i + 1 < tokens.size()) {
      buffer.assign(tokens[i].word);
      buffer += ' ';
      buffer += tokens[i + 1].word;
      visit(std::string_view{buffer}, tokens[i].start, tokens[i + 1].end);
    }
  }
}

}  // namespace bg
