// A problem found while loading a policy: a stable code, where it is (file:line:col and the
// item it belongs to), what is wrong, and the offending line with a caret under it.
#pragma once

#include <string>
#include <vector>

#include "policy/policy.h"

namespace bg {

struct PolicyProblem {
  std::string code;
  bool is_error = true;
  SourcePosition where;
  std::string item;  // "rule personal-text-off-hours", "settings.default_hours", ...
  std::string message;
  std::string snippet;  // the source line, when known

  // file:line:col: error BG-P020 (rule x): message
  //     the source line
  //         ^
  std::string describe() const;
};

// Text for people (each problem, then a count) and JSON for tools.
std::string render_problems_text(const std::vector<PolicyProblem>& problems);
std::string render_problems_json(const std::vector<PolicyProblem>& problems);
bool has_errors(const std::vector<PolicyProblem>& problems);

}  // namespace bg
