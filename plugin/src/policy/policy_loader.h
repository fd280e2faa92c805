// Reads a policy file (YAML) and compiles it, collecting every problem rather than the first.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "policy/policy.h"
#include "policy/policy_error.h"

namespace bg {

struct PolicyLoadResult {
  std::shared_ptr<const Policy> policy;  // null when any problem is an error
  std::vector<PolicyProblem> problems;   // errors and warnings, in file order
};

// `path` is a policy file, or a folder holding policy.yaml.
PolicyLoadResult load_policy_file(const std::string& path);

// Compiles policy text as if read from `display_name` (used by tests and load_policy_file).
PolicyLoadResult load_policy_text(const std::string& text, const std::string& display_name);

// The bundled default pack: next to the installed plugin, else the source tree's policies/.
std::string default_policy_path();

}  // namespace bg
