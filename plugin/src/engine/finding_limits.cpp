#include "engine/finding_limits.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace bg {

size_t bound_findings(std::vector<Finding>& findings) {
  for (auto& f : findings) {
    if (f.evidence.size() > kMaxEvidencePerFinding) f.evidence.resize(kMaxEvidencePerFinding);
  }
  if (findings.size() <= kMaxFindingsPerEvent) return 0;
  std::vector<size_t> order(findings.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const auto weight = [&](size_t i) {
    const Finding& f = findings[i];
    return std::make_tuple(f.suppressed_by.empty(), static_cast<int>(f.decision),
                           static_cast<int>(f.severity));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return weight(a) > weight(b); });
  std::vector<bool> keep(findings.size(), false);
  for (size_t k = 0; k < kMaxFindingsPerEvent; ++k) keep[order[k]] = true;
  std::vector<Finding> kept;
  kept.reserve(kMaxFindingsPerEvent);
  for (size_t i = 0; i < findings.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(findings[i]));
  }
  const size_t dropped = findings.size() - kept.size();
  findings = std::move(kept);
  return dropped;
}

}  // namespace bg
