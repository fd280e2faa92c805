// The evaluation engine behind the C ABI: decodes events, keeps the roster, runs the detectors,
// matches the policy's rules, logs flagged verdicts and answers repeated ids from memory.
// Every public method is thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audit/audit_store.h"
#include "codec/event_decoder.h"
#include "engine/engine_options.h"
#include "engine/evaluation_context.h"
#include "engine/pattern_tracker.h"
#include "engine/policy_watcher.h"
#include "engine/roster.h"
#include "engine/seen_events.h"
#include "engine/status.h"
#include "policy/policy_loader.h"

namespace spdlog {
class logger;
}

namespace bg {

struct EngineConfig {
  std::string policy_path;  // empty: the bundled default pack
  // Set: this policy, compiled already from policy_path, is used instead of loading it again
  // (the policy test runner opens one engine per test file on one compiled pack).
  std::shared_ptr<const Policy> policy;
  std::string audit_path;  // empty: no audit log
  EngineOptions options;
};

struct EvaluateResult {
  Status status = Status::ok;
  std::shared_ptr<const Verdict> verdict;  // null only for bad_event
  std::string error;
};

class Engine {
 public:
  // Throws std::runtime_error (policy problems, audit failures) with a message for the host.
  explicit Engine(EngineConfig config);
  ~Engine();

  EvaluateResult evaluate_json(std::string_view json);
  EvaluateResult evaluate(const Event& event);

  Status record_outcome(const OutcomeEntry& outcome, std::string& error);
  // On failure the current policy stays; `error` lists the problems.
  Status reload_policy(const std::string& path, std::string& error);
  // With the watch_policy_ms option: ok until an automatic reload after a file change fails,
  // then its status (policy, or audit when the change could not be recorded) with the problems
  // in `error`, until a later reload (automatic or not) succeeds. Thread-safe.
  Status policy_watch_status(std::string& error) const;
  Status flush(std::string& error);

  std::shared_ptr<const Policy> policy() const { return std::atomic_load(&policy_); }
  static const char* version();

 private:
  std::shared_ptr<const Verdict> run_detection(const Event& event, const Policy& policy);
  std::shared_ptr<const Verdict> fail_safe_verdict(const Event& event,
                                                   const std::string& why) const;
  // Runs the pattern rules once the regular findings are known; returns the event's highest
  // qualifying severity when it counts as a flagged event for its pair.
  std::optional<Severity> apply_pattern_rules(const EvaluationContext& context, Verdict& verdict);
  void log_verdict(const Event& event, Verdict& verdict, const EvaluationContext& context);
  // Refills the pattern tracker from the audit log's recent verdicts (on open).
  void rebuild_pattern_history();
  // The watcher's callback: reloads from the current path, records the outcome, and returns the
  // files to watch next.
  std::vector<std::string> reload_after_file_change();

  EngineConfig config_;
  std::shared_ptr<spdlog::logger> log_;
  EventDecoder decoder_;
  std::shared_ptr<const Policy> policy_;  // accessed with std::atomic_load/store
  Roster roster_;
  SeenEvents seen_;
  PatternTracker patterns_;
  std::unique_ptr<AuditStore> audit_;
  std::mutex commit_mutex_;  // check-log-remember of one new event id is atomic
  std::mutex reload_mutex_;  // guards config_.policy_path
  mutable std::mutex watch_mutex_;
  Status watch_status_ = Status::ok;  // the last automatic reload's, until a reload succeeds
  std::string watch_error_;
  std::unique_ptr<PolicyWatcher> watcher_;  // last: stopped before anything it calls is gone
};

}  // namespace bg
