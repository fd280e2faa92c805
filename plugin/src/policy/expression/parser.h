// Parses and type-checks a condition against the event vocabulary, the policy's lists, lexicons
// and macros. Grammar (lowest precedence first):
//   expr    := and ('or' and)*
//   and     := unary ('and' unary)*
//   unary   := 'not' unary | compare
//   compare := operand [ op operand | ['not'] 'in' list | 'contains' operand | 'matches' text ]
//   operand := '(' expr ')' | 'text' | number | true | false | [a, b] | field | lexicon.NAME |
//   macro
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/expression/expression.h"

namespace bg {

struct ExprError {
  std::string code;  // a policy error code, e.g. BG-P020
  size_t offset = 0;
  std::string message;
};

// NameResolver::lexicon() for a declared lexicon whose phrases did not compile.
inline constexpr int kLexiconDoesNotCompile = -2;

// What names mean in a policy. Implemented by the policy compiler.
class NameResolver {
 public:
  struct Field {
    int id = -1;
    ValueType type = ValueType::boolean;
    const std::vector<std::string>* allowed = nullptr;  // for enumerated text fields
  };
  virtual ~NameResolver() = default;
  virtual std::optional<Field> field(std::string_view name) const = 0;
  virtual std::shared_ptr<const StringSet> list(std::string_view name) = 0;  // marks it used
  // The lexicon's index; -1: none; kLexiconDoesNotCompile: declared, its error already reported.
  virtual int lexicon(std::string_view name) = 0;
  // The classifier's index; -1: none; kLexiconDoesNotCompile: declared, its model unreadable.
  virtual int classifier(std::string_view name) = 0;
  // A macro's compiled condition; nullopt when no such macro. Sets `error` on a cycle.
  virtual std::optional<Expr> macro(std::string_view name, std::string& error) = 0;
  // Every name an identifier could have meant, for "did you mean".
  virtual std::vector<std::string> known_names() const = 0;
};

// Returns the compiled boolean condition, or nullptr with `error` set.
Expr parse_condition(std::string_view text, NameResolver& names, ExprError& error,
                     size_t max_depth = 64);

// The closest of `candidates` to `name` (edit distance), if close enough to suggest.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

}  // namespace bg
