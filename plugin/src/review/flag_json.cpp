#include "review/flag_json.h"

#include "review/time_display.h"

namespace bg::review {

std::string dump_json(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Json flag_json(const Flag& f, const std::string& reader_zone) {
  Json j;
  j["audit_id"] = f.audit_id;
  j["event_id"] = f.event_id;
  j["event_type"] = f.event_type;
  j["status"] = f.open ? "open" : "resolved";
  j["state"] = f.state;
  j["severity"] = name_of(f.severity);
  j["categories"] = f.categories();
  j["decision"] = f.decision;
  j["therapist"] = f.therapist;
  j["client"] = f.client;
  j["supervisor"] = f.supervisor;
  j["event_time_utc"] = f.event_time_utc;
  j["therapist_time"] = zoned_label(f.event_time_utc, f.therapist_zone);
  j["therapist_zone"] = f.therapist_zone;
  j["client_time"] = zoned_label(f.event_time_utc, f.client_zone);
  j["client_zone"] = f.client_zone;
  j["policy"] = f.policy;
  j["engine_version"] = f.engine_version;
  j["recorded_at"] = f.entry->record.recorded_at;
  auto& findings = j["findings"] = Json::array();
  for (const auto& ff : f.findings) {
    Json x;
    x["rule"] = ff.rule;
    x["category"] = ff.category;
    x["severity"] = ff.severity;
    x["decision"] = ff.decision;
    x["citations"] = ff.citations;
    x["explanation"] = ff.explanation;
    x["evidence"] = ff.evidence;
    if (!ff.suppressed_by.empty()) x["suppressed_by"] = ff.suppressed_by;
    findings.push_back(std::move(x));
  }
  j["evidence_mode"] = f.evidence_mode.empty() ? "spans" : f.evidence_mode;
  if (!f.excerpts.empty()) j["excerpts"] = f.excerpts;
  if (f.full_text) j["text"] = *f.full_text;
  auto& outcomes = j["outcomes"] = Json::array();
  for (const auto& o : f.outcomes) {
    Json x;
    x["audit_id"] = o.entry->record.audit_id;
    x["outcome"] = o.name;
    if (!o.justification.empty()) x["justification"] = o.justification;
    x["at_utc"] = o.at_utc;
    x["therapist_time"] = zoned_label(o.at_utc, f.therapist_zone);
    outcomes.push_back(std::move(x));
  }
  auto& dispositions = j["dispositions"] = Json::array();
  for (const auto& d : f.dispositions) {
    Json x;
    x["audit_id"] = d.entry->record.audit_id;
    x["disposition"] = d.name;
    x["by"] = d.by;
    x["at_utc"] = d.at_utc;
    x["at"] = zoned_label(d.at_utc, reader_zone);
    if (!d.note.empty()) x["note"] = d.note;
    if (!d.reason.empty()) x["reason"] = d.reason;
    dispositions.push_back(std::move(x));
  }
  return j;
}

}  // namespace bg::review
