// The effective policy after `extends` and overrides, each rule with the pack, file and line it
// came from and where later packs changed it. For `boundaryctl policy explain`.
#pragma once

#include <string>

#include "policy/policy.h"

namespace bg {

// `rule_id` empty: everything; otherwise that rule only (empty string result: no such rule).
std::string explain_policy_text(const Policy& policy, const std::string& rule_id);
std::string explain_policy_json(const Policy& policy, const std::string& rule_id);

}  // namespace bg
