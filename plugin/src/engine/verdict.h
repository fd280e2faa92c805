// Findings and verdicts (verdict schema v1, docs/events.md).
#pragma once

#include <string>
#include <vector>

#include "model/evidence.h"
#include "model/vocabulary.h"

namespace bg {

struct Finding {
  std::string rule;
  Category category{};
  Severity severity{};
  Decision decision{};
  std::vector<std::string> citations;
  std::string explanation;
  std::string notice;
  std::vector<Evidence> evidence;
  std::string suppressed_by;  // empty unless suppressed
};

struct Verdict {
  std::string event_id;
  EventType event_type{};
  Decision decision = Decision::allow;
  std::vector<Finding> findings;
  std::string notice;
  std::string audit_id;
  std::string policy;      // Policy::label() of the policy that produced it
  bool fail_safe = false;  // produced because evaluation failed, not by the rules
  std::string json;        // the rendered verdict line, set by render() or finalize()

  // Computes decision and notice from the findings (unless fail_safe set them).
  void decide();
  // Renders json from the verdict as it stands. Call once, last: the engine renders after the
  // audit log has given the verdict its audit_id, so a logged verdict is rendered only once.
  void render();
  // decide() then render(), for verdicts that are not logged.
  void finalize() {
    decide();
    render();
  }
};

std::string render_verdict_json(const Verdict& verdict);

}  // namespace bg
