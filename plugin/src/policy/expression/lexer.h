// Splits a condition such as `channel in personal_channels and not time.in_hours` into tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bg {

enum class TokenKind {
  identifier,  // field path, list, macro or keyword-like word (and, or, not, in, ...)
  string,      // 'quoted' or "quoted", escapes resolved
  number,
  lparen,
  rparen,
  lbracket,
  rbracket,
  comma,
  op,  // == != < <= > >=
  end,
  error
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;   // identifier, string contents, number text, operator, or error message
  size_t offset = 0;  // byte offset in the condition
};

std::vector<Token> tokenize(std::string_view condition);

}  // namespace bg
