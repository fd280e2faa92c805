#include "table_sink.h"

#include <algorithm>
#include <cstdio>

#include "event_facts.h"

namespace boundaryctl {
namespace {

constexpr size_t kMaxListedRejections = 50;

// A value wider than its column pushes the rest of the row right rather than being cut.
void print_row(const char* event, const char* time, const char* decision, const char* categories,
               const char* rules) {
  std::printf("%-14s %-23s %-8s %-36s %s\n", event, time, decision, categories, rules);
}

// "a, b" from the findings, each named once; a suppressed one marked with '*'.
template <typename Name>
std::string joined(const std::vector<boundary_guard::Finding>& findings, Name name) {
  std::vector<std::string> seen;
  for (const auto& f : findings) {
    std::string item = name(f) + (f.suppressed() ? "*" : "");
    if (std::find(seen.begin(), seen.end(), item) == seen.end()) seen.push_back(std::move(item));
  }
  std::string out;
  for (const auto& item : seen) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

void TableSink::print_header() {
  if (header_printed_) return;
  header_printed_ = true;
  print_row("EVENT", "TIME (sender's zone)", "DECISION", "CATEGORIES", "RULES");
}

void TableSink::on_verdict(uint64_t, std::string_view line, const boundary_guard::Verdict& verdict,
                           bg_status) {
  if (verdict.finding_count() == 0) return;
  if (!shown_.insert(std::string{verdict.event_id()}).second) return;
  print_header();
  ++rows_;
  const EventFacts facts = read_event_facts(line);
  const auto findings = verdict.findings();
  const std::string id{verdict.event_id()};
  const std::string categories =
      joined(findings, [](const boundary_guard::Finding& f) { return f.category; });
  const std::string rules =
      joined(findings, [](const boundary_guard::Finding& f) { return f.rule; });
  print_row(id.c_str(), local_time_label(facts.time).c_str(),
            boundary_guard::decision_name(verdict.decision()), categories.c_str(), rules.c_str());
}

void TableSink::on_rejected(uint64_t line_number, std::string_view, std::string_view message) {
  ++rejected_;
  if (rejections_.size() < kMaxListedRejections) {
    rejections_.push_back("  line " + std::to_string(line_number) + ": " + std::string{message});
  }
}

void TableSink::finish() {
  if (rows_ == 0) std::printf("No findings.\n");
  std::printf(
      "\n%llu event(s) with findings; * marks a finding suppressed by an extension or "
      "exception.\n",
      static_cast<unsigned long long>(rows_));
  if (rejected_ == 0) return;
  std::printf("\n%llu line(s) rejected:\n", static_cast<unsigned long long>(rejected_));
  for (const auto& r : rejections_) std::printf("%s\n", r.c_str());
  if (rejected_ > rejections_.size()) {
    std::printf("  ... and %llu more\n",
                static_cast<unsigned long long>(rejected_ - rejections_.size()));
  }
}

}  // namespace boundaryctl
