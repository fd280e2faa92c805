#include "policy/policy.h"

#include <algorithm>

namespace bg {

bool Rule::matches(const Signal& s) const {
  if (!enabled || s.kind != signal) return false;
  return content.empty() || std::find(content.begin(), content.end(), s.content) != content.end();
}

std::string Policy::label() const { return name + "@" + version + "#" + sha256.substr(0, 12); }

}  // namespace bg
