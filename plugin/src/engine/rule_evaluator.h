// Evaluates the policy's rules for one event and builds its findings: evidence, explanation,
// notice, and the caps no policy can lift (a client's own message is at most low severity and
// never stopped; after-the-fact events are at most warned about). Extensions and exceptions
// suppress findings, which are still reported.
#pragma once

#include <vector>

#include "engine/evaluation_context.h"
#include "engine/verdict.h"

namespace bg {

void evaluate_rules(const EvaluationContext& context, std::vector<Finding>& out);

}  // namespace bg
