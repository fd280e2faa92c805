// The fields a policy condition can read, with their types, the event types that set them and
// what they mean. docs/policy-reference.md lists the same table; a test keeps the two in step.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluation_context.h"
#include "policy/expression/value.h"

namespace bg {

struct FieldSpec {
  std::string name;
  ValueType type;
  EventTypeSet events;               // the observed event types that set it
  std::vector<std::string> allowed;  // the possible values of an enumerated text field
  std::string description;
  Value (*read)(const EvaluationContext&);
  // For fields backed by words in the text: the spans that made it true (else nullptr).
  const std::vector<Evidence>& (*evidence)(const EvaluationContext&) = nullptr;
};

const std::vector<FieldSpec>& field_vocabulary();

// The index of a field by name, or -1.
int find_field(std::string_view name);

// A field's value for display in an explanation or notice ("Wed 23:15", "true", "12").
std::string format_value(const Value& value);

}  // namespace bg
