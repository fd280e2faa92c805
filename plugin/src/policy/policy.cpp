#include "policy/policy.h"

namespace bg {

const Rule* Policy::rule(const std::string& id) const {
  for (const auto& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string Policy::label() const { return name + "@" + version + "#" + sha256.substr(0, 12); }

}  // namespace bg
