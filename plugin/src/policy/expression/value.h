// The types and values of the policy condition language.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace bg {

enum class ValueType { boolean, number, string, list };

constexpr std::string_view type_name(ValueType t) {
  switch (t) {
    case ValueType::boolean:
      return "boolean";
    case ValueType::number:
      return "number";
    case ValueType::string:
      return "text";
    case ValueType::list:
      return "list";
  }
  return "?";
}

// A value during evaluation. Strings are views into the event, the policy or the context, all
// of which outlive one evaluation.
struct Value {
  ValueType type = ValueType::boolean;
  bool boolean = false;
  double number = 0;
  std::string_view text;

  static Value of(bool b) { return Value{ValueType::boolean, b, 0, {}}; }
  static Value of(double n) { return Value{ValueType::number, false, n, {}}; }
  static Value of(std::string_view s) { return Value{ValueType::string, false, 0, s}; }
};

// Ordered with transparent comparison, so a lookup by string_view allocates nothing.
using StringSet = std::set<std::string, std::less<>>;

}  // namespace bg
