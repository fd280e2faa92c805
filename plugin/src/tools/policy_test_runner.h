// Runs the test files kept beside a policy pack (<pack>/tests/*.yaml): each holds a roster and
// cases, every case an event with the decision, categories and rules it should produce.
//
//   roster:
//     - {type: therapist, id: t-ana, time_zone: America/Chicago}
//   cases:
//     - name: a personal text at 23:15 is flagged
//       event: {type: message, id: m-1, at: "2026-03-04T23:15:00-06:00", ...}
//       expect: {decision: warn, categories: [off_hours], rules: [personal-text-off-hours]}
//
// `expect` may also list `suppressed_by` (the ids that should suppress findings). Keys left out
// are not checked; `rules: []` checks that nothing fires.
#pragma once

#include <string>
#include <vector>

#include "policy/policy_problem.h"

namespace bg {

struct PolicyTestCaseResult {
  std::string file;
  int line = 0;
  std::string name;
  bool passed = false;
  std::vector<std::string> differences;  // "rules: expected [a], got [a, b]"
};

struct PolicyTestReport {
  std::vector<PolicyProblem> problems;  // loading the pack or the test files
  std::vector<PolicyTestCaseResult> cases;
  std::vector<std::string> untested_rules;  // enabled rules no case expects
  size_t passed = 0;
  size_t failed = 0;

  bool ok() const { return failed == 0 && !has_errors(problems) && !cases.empty(); }
  std::string render_text() const;
  std::string render_json() const;
};

// `pack_path` is a pack folder or file; tests are read from its folder's tests/ subfolder, or
// from `tests_dir` when given.
PolicyTestReport run_policy_tests(const std::string& pack_path, const std::string& tests_dir = "");

}  // namespace bg
