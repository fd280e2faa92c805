// `audit show ID`: one flag as a supervisor reads it before supervision.
#include "review/flag_json.h"
#include "review/review_api.h"
#include "review/time_display.h"

namespace bg::review {
namespace {

std::string quoted_spans(const Json& spans) {
  std::string out;
  for (const auto& s : spans) {
    if (!s.is_object()) continue;
    if (!out.empty()) out += "; ";
    out += "\"" + s.value("text", std::string{}) + "\" (bytes " +
           std::to_string(s.value("start", 0)) + "-" + std::to_string(s.value("end", 0)) + ")";
  }
  return out.empty() ? "none (the finding rests on time, channel or setting)" : out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::vector<const Flag*> pair_history(const ReviewLog& log, const Flag& flag) {
  std::vector<const Flag*> out;
  for (const auto& f : log.flags) {
    if (&f != &flag && f.therapist == flag.therapist && f.client == flag.client) {
      out.push_back(&f);
    }
  }
  return out;
}

std::string render_text(const ReviewLog& log, const Flag& f, const std::string& zone) {
  std::string out = "Flag " + f.audit_id + ": " + (f.open ? "open" : "resolved") + " (" + f.state +
                    "), severity " + std::string{name_of(f.severity)} + "\n";
  out += "Event      " + f.event_id + " (" + f.event_type + "), decision " + f.decision + "\n";
  out += "Therapist  " + f.therapist +
         (f.supervisor.empty() ? "" : ", supervisor " + f.supervisor) + ": " +
         zoned_label(f.event_time_utc, f.therapist_zone) + " (" + f.therapist_zone + ")\n";
  out += "Client     " + f.client + ": " + zoned_label(f.event_time_utc, f.client_zone) + " (" +
         f.client_zone + ")\n";
  out += "Policy     " + f.policy + ", engine " + f.engine_version + "; recorded " +
         zoned_label(f.entry->record.recorded_at, zone) + "\n";
  out += "\nFindings\n";
  int n = 0;
  for (const auto& ff : f.findings) {
    out += "  " + std::to_string(++n) + ". " + ff.rule + "  [" + ff.category + ", " + ff.severity +
           ", " + ff.decision + "]\n";
    out += "     " + ff.explanation + "\n";
    if (!ff.citations.empty()) out += "     Standards: " + joined(ff.citations) + "\n";
    out += "     Evidence: " + quoted_spans(ff.evidence) + "\n";
    if (!ff.suppressed_by.empty()) out += "     Suppressed by " + ff.suppressed_by + "\n";
  }
  const std::string mode = f.evidence_mode.empty() ? "spans" : f.evidence_mode;
  if (f.full_text) {
    out += "\nText kept (evidence: full)\n  \"" + *f.full_text + "\"\n";
  } else if (!f.excerpts.empty()) {
    out += "\nEvidence kept (window): " + quoted_spans(f.excerpts) + "\n";
  } else {
    out += "\nEvidence kept (" + mode + "): the matched words above only\n";
  }
  out += "\nTherapist's outcomes\n";
  if (f.outcomes.empty()) out += "  none recorded\n";
  for (const auto& o : f.outcomes) {
    out += "  " + zoned_label(o.at_utc, f.therapist_zone) + "  " + o.name +
           (o.justification.empty() ? "" : ": \"" + o.justification + "\"") + "  (" +
           o.entry->record.audit_id + ")\n";
  }
  out += "\nDispositions\n";
  if (f.dispositions.empty()) out += "  none yet\n";
  for (const auto& d : f.dispositions) {
    out += "  " + zoned_label(d.at_utc, zone) + "  " + d.name + " by " + d.by;
    if (!d.reason.empty()) out += "; reason: " + d.reason;
    if (!d.note.empty()) out += "; note: " + d.note;
    out += "  (" + d.entry->record.audit_id + ")\n";
  }
  const auto history = pair_history(log, f);
  out += "\nOther flags for " + f.therapist + " with " + f.client + "\n";
  if (history.empty()) out += "  none\n";
  for (const Flag* h : history) {
    out += "  " + h->audit_id + "  " + zoned_label(h->event_time_utc, h->therapist_zone) + "  " +
           joined(h->categories()) + "  " + std::string{name_of(h->severity)} + "  " +
           (h->open ? "open" : "resolved") + " (" + h->state + ")\n";
  }
  return out;
}

}  // namespace

ReviewReport show_report(const std::string& path, const std::string& audit_id,
                         const ReviewRequest& request, std::string_view format) {
  if (format != "text" && format != "json") {
    return {Status::invalid_argument, "format must be \"text\" or \"json\""};
  }
  return guarded_review([&]() -> ReviewReport {
    const ReviewLog log = load_review_log(path);
    const Flag* f = log.find(audit_id);
    if (f == nullptr) return {Status::not_found, "no flag " + audit_id + " in " + path};
    if (format == "text") return {Status::ok, render_text(log, *f, request.zone)};
    Json j = flag_json(*f, request.zone);
    auto& history = j["pair_history"] = Json::array();
    for (const Flag* h : pair_history(log, *f)) {
      history.push_back({{"audit_id", h->audit_id},
                         {"therapist_time", zoned_label(h->event_time_utc, h->therapist_zone)},
                         {"categories", h->categories()},
                         {"severity", name_of(h->severity)},
                         {"status", h->open ? "open" : "resolved"},
                         {"state", h->state}});
    }
    return {Status::ok, dump_json(j) + "\n"};
  });
}

}  // namespace bg::review
