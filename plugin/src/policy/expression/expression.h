// A compiled condition: a typed tree, checked at load time, evaluated per event.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "policy/expression/value.h"

namespace re2 {
class RE2;
}

namespace bg {

struct ExprNode {
  enum class Kind {
    constant,
    field,
    lexicon,
    classifier,
    not_,
    and_,
    or_,
    compare,
    in_list,
    contains,
    matches
  };
  Kind kind = Kind::constant;
  ValueType type = ValueType::boolean;
  size_t offset = 0;  // in the condition text, for error messages

  Value constant;
  std::string constant_text;  // owns constant.text
  int field = -1;             // vocabulary field id
  int lexicon = -1;           // lexicon index in the policy
  int classifier = -1;        // classifier index in the policy
  std::string op;             // "==", "!=", "<", ...
  bool negated = false;       // "not in"
  std::shared_ptr<const StringSet> list;
  std::shared_ptr<const re2::RE2> regex;
  std::vector<std::shared_ptr<const ExprNode>> kids;  // `and`, `or`: every operand of a chain
  // With macros expanded: the longest path to a leaf, and the number of nodes (saturating).
  // The parser bounds both, so evaluating a condition needs bounded stack and time.
  size_t height = 1;
  size_t weight = 1;
};

using Expr = std::shared_ptr<const ExprNode>;

// Lexicon indexes referenced by `expr` outside any `not`: their matches are a finding's evidence.
void collect_positive_lexicons(const ExprNode& expr, std::vector<int>& out);
// Likewise for classifiers: their strongest spans are the finding's evidence.
void collect_positive_classifiers(const ExprNode& expr, std::vector<int>& out);

}  // namespace bg
