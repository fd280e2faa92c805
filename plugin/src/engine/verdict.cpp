#include "engine/verdict.h"

#include <algorithm>

#include "engine/verdict_json.h"

namespace bg {

void Verdict::decide() {
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
}

void Verdict::render() { json = render_verdict_json(*this); }

void write_span_json(JsonWriter& out, size_t start, size_t end, std::string_view text) {
  out.begin_object().field("start", uint64_t{start}).field("end", uint64_t{end});
  out.field("text", text).end_object();
}

void write_verdict_json(JsonWriter& out, const Verdict& v, std::string_view audit_id) {
  out.begin_object().field("event", v.event_id).field("decision", name_of(v.decision));
  out.key("findings").begin_array();
  for (const auto& f : v.findings) {
    out.begin_object()
        .field("rule", f.rule)
        .field("category", name_of(f.category))
        .field("severity", name_of(f.severity))
        .field("decision", name_of(f.decision));
    out.key("citations").begin_array();
    for (const auto& c : f.citations) out.string(c);
    out.end_array().field("explanation", f.explanation);
    out.key("evidence").begin_array();
    for (const auto& e : f.evidence) write_span_json(out, e.start, e.end, e.text);
    out.end_array();
    if (!f.suppressed_by.empty()) out.field("suppressed_by", f.suppressed_by);
    out.end_object();
  }
  out.end_array().field("notice", v.notice).field("audit_id", audit_id);
  if (!v.policy.empty()) out.field("policy", v.policy);
  if (v.fail_safe) out.key("fail_safe").boolean(true);
  out.end_object();
}

std::string render_verdict_json(const Verdict& v) {
  std::string json;
  json.reserve(256);
  JsonWriter out{json};
  write_verdict_json(out, v, v.audit_id);
  return json;
}

}  // namespace bg
