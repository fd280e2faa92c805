#include "audit/entry_bodies.h"

#include <nlohmann/json.hpp>

#include "audit/audit_record.h"
#include "audit/evidence_excerpt.h"
#include "engine/verdict_json.h"

namespace bg {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

const char* outcome_name(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::sent:
      return "sent";
    case OutcomeKind::edited:
      return "edited";
    case OutcomeKind::cancelled:
      return "cancelled";
    case OutcomeKind::sent_anyway:
      return "sent_anyway";
  }
  return "sent";
}

}  // namespace

std::string verdict_body(const VerdictEntry& entry, const std::string& engine_version) {
  const Verdict& v = *entry.verdict;
  std::string body;
  body.reserve(1024);
  JsonWriter out{body};
  // The v1 fields first, in v1's order, so that old and new entries read alike.
  out.begin_object()
      .field("event_type", name_of(v.event_type))
      .field("therapist", entry.therapist)
      .field("client", entry.client)
      .field("event_time_utc", format_utc(entry.event_time))
      .field("therapist_zone", entry.therapist_zone)
      .field("client_zone", entry.client_zone)
      .field("policy", v.policy)
      .field("engine_version", engine_version);
  out.key("verdict");
  write_verdict_json(out, v, "");  // an entry cannot hold its own id
  // Added in schema v2.
  out.field("event_id", v.event_id);
  out.key("finding_notices").begin_array();
  for (const auto& f : v.findings) out.string(f.notice);
  out.end_array().field("supervisor", entry.supervisor);
  if (!entry.policy_sha256.empty()) out.field("policy_sha256", entry.policy_sha256);
  out.field("evidence_mode", name_of(entry.evidence));
  switch (entry.evidence) {
    case EvidenceMode::spans:
      break;  // the findings' spans (in the verdict) are all that is kept
    case EvidenceMode::window: {
      std::vector<Evidence> spans;
      for (const auto& f : v.findings)
        spans.insert(spans.end(), f.evidence.begin(), f.evidence.end());
      out.key("excerpts").begin_array();
      for (const auto& e : evidence_excerpts(entry.text, spans, entry.evidence_window_chars))
        write_span_json(out, e.start, e.end, e.text);
      out.end_array();
      break;
    }
    case EvidenceMode::full:
      out.field("text", entry.text);
      break;
  }
  out.end_object();
  return body;
}

std::string outcome_body(const OutcomeEntry& entry, const std::string& verdict_audit_id) {
  Json body;
  body["outcome"] = outcome_name(entry.kind);
  if (!entry.justification.empty()) body["justification"] = entry.justification;
  body["at_utc"] = format_utc(entry.at);
  body["verdict"] = verdict_audit_id;
  return dump(body);
}

std::string policy_body(const PolicyEntry& entry) {
  Json body;
  body["change"] = entry.reload ? "reloaded" : "loaded";
  body["policy"] = entry.label;
  body["name"] = entry.name;
  body["version"] = entry.version;
  body["sha256"] = entry.sha256;
  body["evidence_mode"] = name_of(entry.evidence);
  body["evidence_window_chars"] = entry.evidence_window_chars;
  body["retention_years"] = entry.retention_years;
  return dump(body);
}

std::optional<LoggedVerdict> logged_verdict_from_body(const std::string& body,
                                                      const std::string& audit_id) {
  auto j = Json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("verdict") || !j["verdict"].is_object()) {
    return std::nullopt;
  }
  LoggedVerdict out;
  // ordered_json keeps the keys in the order they were written, so the verdict comes back byte
  // for byte as it was first returned.
  j["verdict"]["audit_id"] = audit_id;
  out.json = dump(j["verdict"]);
  if (j.contains("finding_notices") && j["finding_notices"].is_array()) {
    for (const auto& n : j["finding_notices"]) {
      out.finding_notices.push_back(n.is_string() ? n.get<std::string>() : std::string{});
    }
  }
  return out;
}

}  // namespace bg
