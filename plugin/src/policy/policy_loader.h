// Loads a policy: reads the pack and everything it extends, applies overrides, checks every
// condition against the event vocabulary and compiles it. All problems are collected.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "policy/policy.h"
#include "policy/policy_problem.h"

namespace bg {

struct PolicyLoadResult {
  std::shared_ptr<const Policy> policy;  // null when any problem is an error
  std::vector<PolicyProblem> problems;   // errors and warnings
};

struct PolicyLoadOptions {
  // false: classifiers are declared but their models are not read, and `classifier.NAME` is
  // always false. For the model trainer, which must work when the models it replaces are
  // missing or stale; never for evaluating events.
  bool text_models = true;
};

// `path` is a pack file or a pack folder (holding pack.yaml).
PolicyLoadResult load_policy(const std::string& path, PolicyLoadOptions options = {});

// The bundled default pack: beside the installed plugin, else the source tree's policies/.
std::string default_policy_path();

}  // namespace bg
