// Merges packs (base first) into one policy and compiles it: settings per key, lists, lexicons,
// macros, rules, exceptions and overrides; then checks and compiles every condition.
#pragma once

#include <memory>
#include <vector>

#include "policy/pack_reader.h"
#include "policy/policy.h"

namespace bg {

// `text_models`: false leaves classifiers' model files unread (see PolicyLoadOptions).
std::shared_ptr<Policy> compile_policy(const std::vector<RawPack>& packs, ProblemSink& sink,
                                       bool text_models = true);

}  // namespace bg
