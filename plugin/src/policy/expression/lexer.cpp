#include "policy/expression/lexer.h"

namespace bg {
namespace {

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_part(char c) { return ident_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'; }

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const size_t start = i;
    if (ident_start(c)) {
      while (i < s.size() && ident_part(s[i])) ++i;
      // A trailing '.' or '-' belongs to no name.
      while (i > start + 1 && (s[i - 1] == '.' || s[i - 1] == '-')) --i;
      out.push_back({TokenKind::identifier, std::string{s.substr(start, i - start)}, start});
    } else if ((c >= '0' && c <= '9') ||
               (c == '-' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
      ++i;
      while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
      out.push_back({TokenKind::number, std::string{s.substr(start, i - start)}, start});
    } else if (c == '\'' || c == '"') {
      std::string text;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          text += s[i + 1];
          i += 2;
        } else if (s[i] == c) {
          ++i;
          closed = true;
          break;
        } else {
          text += s[i++];
        }
      }
      if (!closed) {
        out.push_back({TokenKind::error, "this quoted text is never closed", start});
        return out;
      }
      out.push_back({TokenKind::string, std::move(text), start});
    } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
      const TokenKind kind = c == '('   ? TokenKind::lparen
                             : c == ')' ? TokenKind::rparen
                             : c == '[' ? TokenKind::lbracket
                             : c == ']' ? TokenKind::rbracket
                                        : TokenKind::comma;
      out.push_back({kind, std::string(1, c), start});
      ++i;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      std::string op(1, c);
      ++i;
      if (i < s.size() && s[i] == '=') {
        op += '=';
        ++i;
      }
      if (op == "=" || op == "!") {
        out.push_back({TokenKind::error,
                       op == "=" ? "use == to compare" : "use != to compare, or 'not' to negate",
                       start});
        return out;
      }
      out.push_back({TokenKind::op, op, start});
    } else {
      out.push_back({TokenKind::error, std::string{"unexpected character '"} + c + "'", start});
      return out;
    }
  }
  out.push_back({TokenKind::end, "", s.size()});
  return out;
}

}  // namespace bg
