// Evaluates a compiled condition against one event's facts.
#pragma once

#include "policy/expression/expression.h"

namespace bg {

// Where a condition reads the event's fields and lexicon matches from.
class FactSource {
 public:
  virtual ~FactSource() = default;
  virtual Value field(int id) const = 0;
  virtual bool lexicon_matches(int index) const = 0;
  // Whether the classifier's score for the event is above its threshold.
  virtual bool classifier_says(int index) const = 0;
};

bool evaluate_condition(const ExprNode& expr, const FactSource& facts);

}  // namespace bg
