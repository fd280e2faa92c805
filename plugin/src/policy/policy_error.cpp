#include "policy/policy_error.h"

namespace bg {

std::string PolicyProblem::describe() const {
  std::string out = where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  out += is_error ? ": error " : ": warning ";
  out += code;
  if (!item.empty()) out += " (" + item + ")";
  out += ": " + message;
  return out;
}

std::string describe_all(const std::vector<PolicyProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "\n";
    out += p.describe();
  }
  return out;
}

}  // namespace bg
