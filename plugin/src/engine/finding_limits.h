// Bounds on what one event can produce, whatever the policy and the text: a verdict stays small
// enough to show, log and keep in memory (docs/events.md, "Limits").
#pragma once

#include <cstddef>
#include <vector>

#include "engine/verdict.h"

namespace bg {

constexpr size_t kMaxFindingsPerEvent = 64;
constexpr size_t kMaxEvidencePerFinding = 32;

// Keeps at most kMaxEvidencePerFinding spans per finding (the first ones in the text) and at
// most kMaxFindingsPerEvent findings: unsuppressed ones first, then the most restrictive
// decision and the highest severity, so the verdict's decision and notice are what they would
// have been; kept findings stay in policy order. Returns how many findings were dropped.
size_t bound_findings(std::vector<Finding>& findings);

}  // namespace bg
