#include "review/flags.h"

#include <algorithm>

#include "audit/audit_record.h"
#include "review/disposition.h"

namespace bg::review {
namespace {

std::string str(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::optional<Flag> read_flag(const ChainedEntry& e) {
  const auto body = Json::parse(e.record.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const auto verdict = body.find("verdict");
  if (verdict == body.end() || !verdict->is_object()) return std::nullopt;
  Flag f;
  f.entry = &e;
  f.audit_id = e.record.audit_id;
  f.event_id = e.record.event_id;
  f.event_type = str(body, "event_type");
  f.therapist = str(body, "therapist");
  f.client = str(body, "client");
  f.supervisor = str(body, "supervisor");
  f.therapist_zone = str(body, "therapist_zone");
  f.client_zone = str(body, "client_zone");
  f.event_time_utc = str(body, "event_time_utc");
  f.event_time = parse_rfc3339(f.event_time_utc);
  f.policy = str(body, "policy");
  f.engine_version = str(body, "engine_version");
  f.evidence_mode = str(body, "evidence_mode");
  if (body.contains("excerpts") && body["excerpts"].is_array()) f.excerpts = body["excerpts"];
  if (body.contains("text") && body["text"].is_string())
    f.full_text = body["text"].get<std::string>();
  f.decision = str(*verdict, "decision");
  const auto findings = verdict->find("findings");
  if (findings != verdict->end() && findings->is_array()) {
    for (const auto& j : *findings) {
      if (!j.is_object()) continue;
      FlagFinding ff;
      ff.rule = str(j, "rule");
      ff.category = str(j, "category");
      ff.severity = str(j, "severity");
      ff.decision = str(j, "decision");
      ff.explanation = str(j, "explanation");
      ff.suppressed_by = str(j, "suppressed_by");
      if (j.contains("citations") && j["citations"].is_array()) {
        for (const auto& c : j["citations"]) {
          if (c.is_string()) ff.citations.push_back(c.get<std::string>());
        }
      }
      if (j.contains("evidence") && j["evidence"].is_array()) ff.evidence = j["evidence"];
      f.findings.push_back(std::move(ff));
    }
  }
  return f;
}

void derive_state(Flag& f) {
  bool any_active = false;
  Severity highest = Severity::info, highest_active = Severity::info;
  for (const auto& ff : f.findings) {
    const Severity s = parse_name<Severity>(ff.severity).value_or(Severity::info);
    highest = most_restrictive(highest, s);
    if (ff.suppressed_by.empty()) {
      any_active = true;
      highest_active = most_restrictive(highest_active, s);
    }
  }
  f.suppressed = !f.findings.empty() && !any_active;
  f.severity = any_active ? highest_active : highest;
  if (!f.dispositions.empty()) {
    f.state = f.dispositions.back().name;
    f.open = !closes_flag(f.state);
  } else if (f.suppressed) {
    f.state = "suppressed";
    f.open = false;
  } else {
    f.state = "new";
    f.open = true;
  }
}

}  // namespace

std::vector<std::string> Flag::categories() const {
  std::vector<std::string> out;
  for (const auto& ff : findings) {
    if (std::find(out.begin(), out.end(), ff.category) == out.end()) out.push_back(ff.category);
  }
  return out;
}

const Flag* ReviewLog::find(const std::string& audit_id) const {
  const auto it = by_audit_id.find(audit_id);
  return it == by_audit_id.end() ? nullptr : &flags[it->second];
}

ReviewLog derive_flags(StoredLog stored) {
  ReviewLog out;
  out.log = std::move(stored);
  std::unordered_map<std::string, size_t> by_event;
  for (const auto& e : out.log.entries) {
    const std::string& kind = e.record.kind;
    if (kind == entry_kind::kVerdict) {
      if (auto flag = read_flag(e)) {
        by_event[flag->event_id] = out.flags.size();
        out.by_audit_id[flag->audit_id] = out.flags.size();
        out.flags.push_back(std::move(*flag));
      }
      continue;
    }
    const auto body = Json::parse(e.record.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) continue;
    if (kind == entry_kind::kPolicy) {
      PolicyChange p;
      p.entry = &e;
      p.label = str(body, "policy");
      if (body.contains("retention_years") && body["retention_years"].is_number_integer()) {
        p.retention_years = body["retention_years"].get<int>();
      }
      out.policies.push_back(std::move(p));
      continue;
    }
    FlagAction a;
    a.entry = &e;
    a.at_utc = str(body, "at_utc");
    a.note = str(body, "note");
    if (kind == entry_kind::kOutcome) {
      // v1 outcomes name their event only.
      const auto it = by_event.find(e.record.event_id);
      if (it == by_event.end()) continue;
      a.name = str(body, "outcome");
      a.justification = str(body, "justification");
      out.flags[it->second].outcomes.push_back(std::move(a));
    } else if (kind == entry_kind::kDisposition) {
      const auto it = out.by_audit_id.find(str(body, "target"));
      if (it == out.by_audit_id.end()) continue;
      a.name = str(body, "disposition");
      a.by = str(body, "by");
      a.reason = str(body, "reason");
      out.flags[it->second].dispositions.push_back(std::move(a));
    }
  }
  for (auto& f : out.flags) derive_state(f);
  return out;
}

ReviewLog load_review_log(const std::string& path) { return derive_flags(read_stored_log(path)); }

}  // namespace bg::review
