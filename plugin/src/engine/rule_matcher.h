// Turns detector signals into findings through the policy's rules, and applies the brief's
// invariants that no rule can override: a client's own message is at most low severity and
// never stopped; after-the-fact events are at most warned about; an extension suppresses.
#pragma once

#include <vector>

#include "detectors/signal.h"
#include "engine/evaluation_context.h"
#include "engine/verdict.h"

namespace bg {

void match_rules(const EvaluationContext& context, const Roster& roster,
                 const std::vector<Signal>& signals, std::vector<Finding>& out);

// Replaces {name} placeholders with values; {citations} with the rule's citations. Unknown
// placeholders are left as they are.
std::string render_notice(const std::string& text, const std::vector<TemplateVar>& vars,
                          const std::vector<std::string>& citations);

}  // namespace bg
