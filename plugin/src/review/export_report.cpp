// `audit export`: every selected finding as CSV (one row per finding) or every selected flag as
// JSON Lines, for a practice's own records or analysis.
#include "review/flag_json.h"
#include "review/review_api.h"
#include "review/text_table.h"
#include "review/time_display.h"

namespace bg::review {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string spans(const Json& evidence) {
  std::vector<std::string> out;
  for (const auto& s : evidence) {
    if (!s.is_object()) continue;
    out.push_back(std::to_string(s.value("start", 0)) + "-" + std::to_string(s.value("end", 0)) +
                  ":" + s.value("text", std::string{}));
  }
  return joined(out, "; ");
}

std::string render_csv(const std::vector<const Flag*>& flags, const std::string& zone) {
  std::string out = csv_row({"audit_id",       "event_id",       "event_type",     "therapist",
                             "client",         "supervisor",     "event_time_utc", "therapist_time",
                             "therapist_zone", "client_time",    "client_zone",    "rule",
                             "category",       "severity",       "decision",       "citations",
                             "explanation",    "evidence",       "suppressed_by",  "status",
                             "state",          "disposed_by",    "disposed_at",    "outcomes",
                             "policy",         "engine_version", "recorded_at"});
  for (const Flag* f : flags) {
    std::vector<std::string> outcomes;
    for (const auto& o : f->outcomes) outcomes.push_back(o.name);
    const FlagAction* last = f->dispositions.empty() ? nullptr : &f->dispositions.back();
    for (const auto& ff : f->findings) {
      out += csv_row({f->audit_id,
                      f->event_id,
                      f->event_type,
                      f->therapist,
                      f->client,
                      f->supervisor,
                      f->event_time_utc,
                      zoned_label(f->event_time_utc, f->therapist_zone),
                      f->therapist_zone,
                      zoned_label(f->event_time_utc, f->client_zone),
                      f->client_zone,
                      ff.rule,
                      ff.category,
                      ff.severity,
                      ff.decision,
                      joined(ff.citations, "; "),
                      ff.explanation,
                      spans(ff.evidence),
                      ff.suppressed_by,
                      f->open ? "open" : "resolved",
                      f->state,
                      last ? last->by : "",
                      last ? zoned_label(last->at_utc, zone) : "",
                      joined(outcomes, "; "),
                      f->policy,
                      f->engine_version,
                      f->entry->record.recorded_at});
    }
  }
  return out;
}

}  // namespace

ReviewReport export_report(const std::string& path, const ReviewRequest& request,
                           std::string_view format) {
  if (format != "csv" && format != "jsonl") {
    return {Status::invalid_argument, "format must be \"csv\" or \"jsonl\""};
  }
  return guarded_review([&]() -> ReviewReport {
    const ReviewLog log = load_review_log(path);
    const auto flags = select_flags(log, request.filter);
    if (format == "csv") return {Status::ok, render_csv(flags, request.zone)};
    std::string out;
    for (const Flag* f : flags) out += dump_json(flag_json(*f, request.zone)) + "\n";
    return {Status::ok, out};
  });
}

}  // namespace bg::review
