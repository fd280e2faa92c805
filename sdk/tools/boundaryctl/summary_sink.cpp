#include "summary_sink.h"

#include <algorithm>
#include <cstdio>

#include "event_facts.h"

namespace boundaryctl {
namespace {

using boundary_guard::Finding;

constexpr size_t kMaxListedRejections = 20;
constexpr size_t kWrapColumn = 100;

unsigned long long ull(uint64_t n) { return static_cast<unsigned long long>(n); }

void print_rule(const char* title) {
  std::printf("\n%s\n", title);
  for (const char* c = title; *c != '\0'; ++c) std::fputc('-', stdout);
  std::fputc('\n', stdout);
}

// Prints `text` wrapped at word boundaries, each line starting with `indent` spaces; a newline
// in `text` starts a new paragraph.
void print_wrapped(std::string_view text, size_t indent) {
  const std::string pad(indent, ' ');
  const size_t width = kWrapColumn - indent;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    size_t take = std::min(text.size(), newline);
    if (take > width) {
      take = text.rfind(' ', width);
      if (take == std::string_view::npos || take == 0) take = width;
    }
    std::printf("%s%.*s\n", pad.c_str(), static_cast<int>(take), text.data());
    text.remove_prefix(take);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  }
}

// How the listing names an event with its client, e.g. "message to c-042".
std::string what(const std::string& type, const std::string& client) {
  const std::string who = client.empty() ? std::string{"?"} : client;
  if (type == "message") return "message to " + who;
  if (type == "appointment") return "session with " + who;
  if (type == "social") return "social action toward " + who;
  if (type == "payment") return "payment with " + who;
  return type + " with " + who;
}

// "a, b (suppressed)": each category once; `mark` adds which findings are suppressed.
std::string categories_of(const std::vector<Finding>& findings, bool mark) {
  std::vector<std::string> seen;
  for (const auto& f : findings) {
    std::string item = f.category + (mark && f.suppressed() ? " (suppressed)" : "");
    if (std::find(seen.begin(), seen.end(), item) == seen.end()) seen.push_back(std::move(item));
  }
  std::string out;
  for (const auto& item : seen) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

void SummarySink::on_verdict(uint64_t, std::string_view line,
                             const boundary_guard::Verdict& verdict, bg_status status) {
  const EventFacts facts = read_event_facts(line);
  if (facts.is_roster()) {
    ++roster_;
    if (facts.type == "therapist" && !facts.therapist.empty()) {
      therapists_[facts.therapist].supervisor = facts.supervisor;
    }
    return;
  }
  // A repeated id is the same event (the plugin returns its first verdict): count it once.
  if (!observed_ids_.insert(std::string{verdict.event_id()}).second) {
    ++repeated_;
    return;
  }
  ++observed_;
  if (status != BG_OK) ++fail_safe_;
  if (verdict.finding_count() == 0) return;
  if (facts.client_acted) {
    ++client_context_;
    return;
  }

  const auto findings = verdict.findings();
  Therapist& therapist = therapists_[facts.therapist.empty() ? "(unknown)" : facts.therapist];
  bool any_active = false;
  bg_severity highest = BG_SEVERITY_INFO;
  std::string suppressed_by;
  for (const auto& f : findings) {
    Counts& category = categories_[f.category];
    if (f.suppressed()) {
      ++category.suppressed;
      ++therapist.counts.suppressed;
      if (suppressed_by.find(f.suppressed_by) == std::string::npos) {
        suppressed_by += (suppressed_by.empty() ? "" : ", ") + f.suppressed_by;
      }
    } else {
      ++category.findings;
      ++therapist.counts.findings;
      any_active = true;
      highest = std::max(highest, f.severity);
    }
  }
  if (any_active) {
    ++flagged_;
    ++therapist.counts.flagged_events;
  } else {
    ++suppressed_only_;
  }

  FlaggedEvent event;
  event.id = verdict.event_id();
  event.what = what(facts.type, facts.client);
  event.time = local_time_label(facts.time);
  event.decision = boundary_guard::decision_name(verdict.decision());
  event.severity = any_active ? boundary_guard::severity_name(highest) : "";
  event.categories = categories_of(findings, any_active);
  event.notice = verdict.notice();
  event.audit_id = verdict.audit_id();
  if (!any_active) event.suppressed_by = suppressed_by;
  therapist.events.push_back(std::move(event));
}

void SummarySink::on_rejected(uint64_t line_number, std::string_view, std::string_view message) {
  ++rejected_;
  if (rejections_.size() < kMaxListedRejections) {
    rejections_.push_back("line " + std::to_string(line_number) + ": " + std::string{message});
  }
}

void SummarySink::finish() {
  print_totals();
  print_therapist_table();
  print_category_table();
  print_events();
}

void SummarySink::print_totals() const {
  const std::string title = "Boundary Guard replay summary: " + input_;
  std::printf("%s\n%s\n", title.c_str(), std::string(title.size(), '=').c_str());
  std::printf("Lines:           %llu evaluated, %llu rejected (blank lines skipped)\n",
              ull(roster_ + observed_ + repeated_), ull(rejected_));
  std::printf("Events:          %llu roster, %llu observed", ull(roster_), ull(observed_));
  if (repeated_ > 0) std::printf(" (%llu repeated id(s) counted once)", ull(repeated_));
  std::printf("\n");
  std::printf("Flagged:         %llu event(s) with a finding for supervision\n", ull(flagged_));
  std::printf(
      "Suppressed only: %llu event(s) whose findings a documented extension or exception "
      "covers\n",
      ull(suppressed_only_));
  std::printf(
      "Client context:  %llu client message(s) or action(s) noted for the therapist "
      "(context, not flags; not listed)\n",
      ull(client_context_));
  if (fail_safe_ > 0) {
    std::printf(
        "NOT CHECKED:     %llu event(s) got a fail-safe verdict because evaluation "
        "failed (see the error output)\n",
        ull(fail_safe_));
  }
  if (rejected_ > 0) {
    std::printf("\nRejected lines (fix the input and replay them):\n");
    for (const auto& r : rejections_) std::printf("  %s\n", r.c_str());
    if (rejected_ > rejections_.size()) {
      std::printf("  ... and %llu more\n", ull(rejected_ - rejections_.size()));
    }
  }
}

void SummarySink::print_therapist_table() const {
  print_rule("Findings per therapist (the therapist's own messages, bookings and actions)");
  std::printf("%-16s %-14s %8s %9s %11s\n", "THERAPIST", "SUPERVISOR", "FLAGGED", "FINDINGS",
              "SUPPRESSED");
  for (const auto& [id, t] : therapists_) {
    std::printf("%-16s %-14s %8llu %9llu %11llu\n", id.c_str(),
                t.supervisor.empty() ? "-" : t.supervisor.c_str(), ull(t.counts.flagged_events),
                ull(t.counts.findings), ull(t.counts.suppressed));
  }
}

void SummarySink::print_category_table() const {
  print_rule("Findings per category");
  if (categories_.empty()) {
    std::printf("(none)\n");
    return;
  }
  std::printf("%-26s %9s %11s\n", "CATEGORY", "FINDINGS", "SUPPRESSED");
  for (const auto& [name, c] : categories_) {
    std::printf("%-26s %9llu %11llu\n", name.c_str(), ull(c.findings), ull(c.suppressed));
  }
}

void SummarySink::print_events() const {
  print_rule("Flagged events by therapist (time in the sender's zone)");
  bool any = false;
  for (const auto& [id, t] : therapists_) {
    if (t.events.empty()) continue;
    any = true;
    std::printf("\n%s", id.c_str());
    if (!t.supervisor.empty()) std::printf(" (supervisor %s)", t.supervisor.c_str());
    std::printf(": %llu flagged, %llu suppressed finding(s)\n", ull(t.counts.flagged_events),
                ull(t.counts.suppressed));
    for (const auto& e : t.events) {
      std::string head = "  " + (e.time.empty() ? std::string{"(no time)"} : e.time) + "  " + e.id +
                         "  " + e.what + "  ";
      if (e.suppressed_by.empty()) {
        head += e.decision + ", " + e.severity;
      } else {
        head += "suppressed by " + e.suppressed_by;
      }
      head += ": " + e.categories;
      if (!e.audit_id.empty()) head += "  [" + e.audit_id + "]";
      std::printf("%s\n", head.c_str());
      if (!e.notice.empty()) print_wrapped(e.notice, 6);
    }
  }
  if (!any) std::printf("No flagged events.\n");
}

}  // namespace boundaryctl
