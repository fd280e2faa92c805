#include "policy/expression/evaluator.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

namespace bg {
namespace {

Value eval(const ExprNode& e, const FactSource& facts);

bool equal(const Value& a, const Value& b) {
  switch (a.type) {
    case ValueType::boolean:
      return a.boolean == b.boolean;
    case ValueType::number:
      return a.number == b.number;
    case ValueType::string:
      return a.text == b.text;
    case ValueType::list:
      return false;
  }
  return false;
}

// Case-insensitive (ASCII) substring search; the needle is already lower case.
bool contains_folded(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  const auto it =
      std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                  [](char h, char n) { return std::tolower(static_cast<unsigned char>(h)) == n; });
  return it != haystack.end();
}

bool compare(const ExprNode& e, const FactSource& facts) {
  const Value a = eval(*e.kids[0], facts);
  const Value b = eval(*e.kids[1], facts);
  const std::string& op = e.op;
  if (op == "==") return equal(a, b);
  if (op == "!=") return !equal(a, b);
  if (op == "<") return a.number < b.number;
  if (op == "<=") return a.number <= b.number;
  if (op == ">") return a.number > b.number;
  return a.number >= b.number;
}

Value eval(const ExprNode& e, const FactSource& facts) {
  switch (e.kind) {
    case ExprNode::Kind::constant:
      return e.constant;
    case ExprNode::Kind::field:
      return facts.field(e.field);
    case ExprNode::Kind::lexicon:
      return Value::of(facts.lexicon_matches(e.lexicon));
    case ExprNode::Kind::classifier:
      return Value::of(facts.classifier_says(e.classifier));
    case ExprNode::Kind::not_:
      return Value::of(!eval(*e.kids[0], facts).boolean);
    case ExprNode::Kind::and_:  // every operand of the chain, left to right, short-circuit
      for (const auto& kid : e.kids) {
        if (!eval(*kid, facts).boolean) return Value::of(false);
      }
      return Value::of(true);
    case ExprNode::Kind::or_:
      for (const auto& kid : e.kids) {
        if (eval(*kid, facts).boolean) return Value::of(true);
      }
      return Value::of(false);
    case ExprNode::Kind::compare:
      return Value::of(compare(e, facts));
    case ExprNode::Kind::in_list: {
      const Value v = eval(*e.kids[0], facts);
      const bool found = e.list->find(v.text) != e.list->end();
      return Value::of(found != e.negated);
    }
    case ExprNode::Kind::contains:
      return Value::of(contains_folded(eval(*e.kids[0], facts).text, e.constant_text));
    case ExprNode::Kind::matches: {
      const Value v = eval(*e.kids[0], facts);
      return Value::of(RE2::PartialMatch(re2::StringPiece{v.text.data(), v.text.size()}, *e.regex));
    }
  }
  return Value::of(false);
}

}  // namespace

bool evaluate_condition(const ExprNode& expr, const FactSource& facts) {
  return eval(expr, facts).boolean;
}

}  // namespace bg
