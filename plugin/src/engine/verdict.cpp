#include "engine/verdict.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace bg {

void Verdict::finalize() {
  if (!fail_safe) {
    decision = Decision::allow;
    std::vector<const Finding*> active;
    for (const auto& f : findings) {
      if (!f.suppressed_by.empty()) continue;
      decision = most_restrictive(decision, f.decision);
      active.push_back(&f);
    }
    // Most severe first, so the notice leads with what matters most.
    std::stable_sort(active.begin(), active.end(), [](const Finding* a, const Finding* b) {
      return static_cast<int>(a->severity) > static_cast<int>(b->severity);
    });
    notice.clear();
    for (const Finding* f : active) {
      if (f->notice.empty() || notice.find(f->notice) != std::string::npos) continue;
      if (!notice.empty()) notice += "\n";
      notice += f->notice;
    }
  }
  json = render_verdict_json(*this);
}

std::string render_verdict_json(const Verdict& v) {
  nlohmann::ordered_json out;
  out["event"] = v.event_id;
  out["decision"] = name_of(v.decision);
  auto& findings = out["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : v.findings) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule;
    j["category"] = name_of(f.category);
    j["severity"] = name_of(f.severity);
    j["decision"] = name_of(f.decision);
    j["citations"] = f.citations;
    j["explanation"] = f.explanation;
    auto& evidence = j["evidence"] = nlohmann::ordered_json::array();
    for (const auto& e : f.evidence) {
      evidence.push_back({{"start", e.start}, {"end", e.end}, {"text", e.text}});
    }
    if (!f.suppressed_by.empty()) j["suppressed_by"] = f.suppressed_by;
    findings.push_back(std::move(j));
  }
  out["notice"] = v.notice;
  out["audit_id"] = v.audit_id;
  if (!v.policy.empty()) out["policy"] = v.policy;
  if (v.fail_safe) out["fail_safe"] = true;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace bg
