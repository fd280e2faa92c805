// --format summary: after the replay, what a clinical supervisor wants to read: totals, findings
// per therapist and per category (suppressed counted apart), then each flagged event's notice
// grouped by therapist. Findings on a client's own message are context for the therapist, never
// a flag: they are counted once and not listed.
#pragma once

#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "replay_sink.h"

namespace boundaryctl {

class SummarySink final : public ReplaySink {
 public:
  explicit SummarySink(std::string input) : input_(std::move(input)) {}
  void on_verdict(uint64_t line_number, std::string_view line,
                  const boundary_guard::Verdict& verdict, bg_status status) override;
  void on_rejected(uint64_t line_number, std::string_view line, std::string_view message) override;
  void finish() override;

 private:
  struct Counts {
    uint64_t flagged_events = 0;  // with at least one unsuppressed finding
    uint64_t findings = 0;        // unsuppressed
    uint64_t suppressed = 0;
  };
  struct FlaggedEvent {
    std::string id;
    std::string what;  // e.g. "message to c-042"
    std::string time;  // the event's own local time: `at`, or a session's start
    std::string decision;
    std::string severity;  // the highest, among unsuppressed findings
    std::string categories;
    std::string notice;
    std::string audit_id;
    std::string suppressed_by;  // set when every finding is suppressed
  };
  struct Therapist {
    std::string supervisor;
    Counts counts;
    std::vector<FlaggedEvent> events;
  };

  void print_totals() const;
  void print_therapist_table() const;
  void print_category_table() const;
  void print_events() const;

  std::string input_;
  uint64_t roster_ = 0;
  uint64_t observed_ = 0;  // distinct ids
  uint64_t repeated_ = 0;  // lines repeating an observed id
  uint64_t flagged_ = 0;
  uint64_t suppressed_only_ = 0;
  uint64_t client_context_ = 0;
  uint64_t fail_safe_ = 0;
  uint64_t rejected_ = 0;
  std::vector<std::string> rejections_;  // the first few
  std::unordered_set<std::string> observed_ids_;
  std::map<std::string, Therapist> therapists_;
  std::map<std::string, Counts> categories_;
};

}  // namespace boundaryctl
