// Problems found while loading a policy, each pointing at its file, line and column.
#pragma once

#include <string>
#include <vector>

#include "policy/policy.h"

namespace bg {

struct PolicyProblem {
  std::string code;  // stable, e.g. "BG-P010"
  bool is_error = true;
  SourcePosition where;
  std::string item;  // e.g. "rule personal-text-off-hours"
  std::string message;

  // "policy.yaml:12:5: error BG-P010 (rule x): message"
  std::string describe() const;
};

std::string describe_all(const std::vector<PolicyProblem>& problems);

}  // namespace bg
