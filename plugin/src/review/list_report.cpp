// `audit list`: the supervisor's queue, as a table for people, JSON or CSV for tools.
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

std::string status_label(const Flag& f) {
  return std::string{f.open ? "open" : "resolved"} + (f.state == "new" ? "" : ": " + f.state);
}

std::vector<std::string> rules(const Flag& f) {
  std::vector<std::string> out;
  for (const auto& ff : f.findings) out.push_back(ff.rule);
  return out;
}

std::string render_table(const std::vector<const Flag*>& flags) {
  if (flags.empty()) return "no flags match\n";
  TextTable table{{"ID", "STATUS", "SEVERITY", "CATEGORIES", "THERAPIST", "CLIENT",
                   "THERAPIST'S TIME", "CLIENT'S TIME", "EVENT"}};
  size_t open = 0;
  for (const Flag* f : flags) {
    open += f->open ? 1u : 0u;
    table.add({f->audit_id, status_label(*f), std::string{name_of(f->severity)},
               joined(f->categories(), ", "), f->therapist, f->client,
               zoned_label(f->event_time_utc, f->therapist_zone),
               zoned_label(f->event_time_utc, f->client_zone), f->event_id});
  }
  return table.render() + std::to_string(flags.size()) + (flags.size() == 1 ? " flag" : " flags") +
         ", " + std::to_string(open) + " open\n";
}

std::string render_csv(const std::vector<const Flag*>& flags) {
  std::string out =
      csv_row({"audit_id", "status", "state", "severity", "categories", "rules", "decision",
               "therapist", "client", "supervisor", "therapist_time", "therapist_zone",
               "client_time", "client_zone", "event_time_utc", "event_id", "event_type", "policy"});
  for (const Flag* f : flags) {
    out += csv_row({f->audit_id, f->open ? "open" : "resolved", f->state,
                    std::string{name_of(f->severity)}, joined(f->categories(), ";"),
                    joined(rules(*f), ";"), f->decision, f->therapist, f->client, f->supervisor,
                    zoned_label(f->event_time_utc, f->therapist_zone), f->therapist_zone,
                    zoned_label(f->event_time_utc, f->client_zone), f->client_zone,
                    f->event_time_utc, f->event_id, f->event_type, f->policy});
  }
  return out;
}

}  // namespace

ReviewReport list_report(const std::string& path, const ReviewRequest& request,
                         std::string_view format) {
  if (format != "table" && format != "json" && format != "csv") {
    return {Status::invalid_argument, "format must be \"table\", \"json\" or \"csv\""};
  }
  return guarded_review([&]() -> ReviewReport {
    const ReviewLog log = load_review_log(path);
    const auto flags = select_flags(log, request.filter);
    if (format == "table") return {Status::ok, render_table(flags)};
    if (format == "csv") return {Status::ok, render_csv(flags)};
    Json j;
    j["count"] = flags.size();
    size_t open = 0;
    auto& list = j["flags"] = Json::array();
    for (const Flag* f : flags) {
      open += f->open ? 1u : 0u;
      list.push_back(flag_json(*f, request.zone));
    }
    j["open"] = open;
    return {Status::ok, dump_json(j) + "\n"};
  });
}

}  // namespace bg::review
