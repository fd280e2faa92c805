// Evaluates the policy's rules for one event and builds its findings: evidence, explanation,
// notice, and the caps no policy can lift (a client's own message is at most low severity and
// never stopped; after-the-fact events are at most warned about). Extensions and exceptions
// suppress findings, which are still reported.
#pragma once

#include <vector>

#include "engine/evaluation_context.h"
#include "engine/verdict.h"

namespace bg {

// Rules of category `pattern` read the pair's history (EvaluationContext::pair_history), so
// they run in a second pass once the other findings are known. A pattern finding's severity is
// one step above the highest severity among the events it lists, and at least the rule's own.
enum class RulePass { regular, pattern };

void evaluate_rules(const EvaluationContext& context, RulePass pass, std::vector<Finding>& out);

}  // namespace bg
