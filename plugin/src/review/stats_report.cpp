// `audit stats`: flags per therapist (with how many are open and how many were false positives),
// findings per category, and flags per ISO week in the therapist's zone.
#include <map>

#include "review/flag_json.h"
#include "review/review_api.h"
#include "review/text_table.h"
#include "review/time_display.h"

namespace bg::review {
namespace {

struct Counts {
  size_t flags = 0;
  size_t open = 0;
  size_t high = 0;  // severity high or critical
  size_t false_positive = 0;
};

struct Stats {
  std::map<std::string, Counts> by_therapist;
  std::map<std::string, Counts> by_category;  // counts findings' flags per category
  std::map<std::string, Counts> by_week;
};

void count(Counts& c, const Flag& f) {
  ++c.flags;
  c.open += f.open ? 1u : 0u;
  c.high += static_cast<int>(f.severity) >= static_cast<int>(Severity::high) ? 1u : 0u;
  c.false_positive += f.state == "false_positive" ? 1u : 0u;
}

Stats gather(const std::vector<const Flag*>& flags) {
  Stats s;
  for (const Flag* f : flags) {
    count(s.by_therapist[f->therapist], *f);
    for (const auto& category : f->categories()) count(s.by_category[category], *f);
    count(s.by_week[f->event_time ? iso_week_label(*f->event_time, f->therapist_zone) : "?"], *f);
  }
  return s;
}

struct Section {
  const char* name;
  const char* header;
  std::map<std::string, Counts> Stats::*member;
};

const Section kSections[] = {
    {"therapist", "THERAPIST", &Stats::by_therapist},
    {"category", "CATEGORY", &Stats::by_category},
    {"week", "WEEK", &Stats::by_week},
};

std::string render_table(const Stats& s, size_t total) {
  std::string out;
  for (const auto& [name, header, member] : kSections) {
    TextTable table{{header, "FLAGS", "OPEN", "HIGH+", "FALSE POSITIVES"}};
    for (const auto& [key, c] : s.*member) {
      table.add({key, std::to_string(c.flags), std::to_string(c.open), std::to_string(c.high),
                 std::to_string(c.false_positive)});
    }
    out += "Flags per " + std::string{name} + "\n" + table.render() + "\n";
  }
  return out + std::to_string(total) + " flags in all\n";
}

std::string render_csv(const Stats& s) {
  std::string out =
      csv_row({"dimension", "key", "flags", "open", "high_or_critical", "false_positives"});
  for (const auto& [name, header, member] : kSections) {
    for (const auto& [key, c] : s.*member) {
      out += csv_row({name, key, std::to_string(c.flags), std::to_string(c.open),
                      std::to_string(c.high), std::to_string(c.false_positive)});
    }
  }
  return out;
}

std::string render_json(const Stats& s, size_t total) {
  Json j;
  j["flags"] = total;
  for (const auto& [name, header, member] : kSections) {
    auto& section = j[std::string{"by_"} + name] = Json::object();
    for (const auto& [key, c] : s.*member) {
      section[key] = {{"flags", c.flags},
                      {"open", c.open},
                      {"high_or_critical", c.high},
                      {"false_positives", c.false_positive}};
    }
  }
  return dump_json(j) + "\n";
}

}  // namespace

ReviewReport stats_report(const std::string& path, const ReviewRequest& request,
                          std::string_view format) {
  if (format != "table" && format != "json" && format != "csv") {
    return {Status::invalid_argument, "format must be \"table\", \"json\" or \"csv\""};
  }
  return guarded_review([&]() -> ReviewReport {
    const ReviewLog log = load_review_log(path);
    const auto flags = select_flags(log, request.filter);
    const Stats s = gather(flags);
    if (format == "csv") return {Status::ok, render_csv(s)};
    if (format == "json") return {Status::ok, render_json(s, flags.size())};
    return {Status::ok, render_table(s, flags.size())};
  });
}

}  // namespace bg::review
