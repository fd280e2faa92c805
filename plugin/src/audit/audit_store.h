// Where flagged verdicts, therapist outcomes and policy changes are recorded. An interface, so
// that a server database can replace the embedded SQLite store for multi-site practices.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/verdict.h"
#include "policy/policy.h"
#include "time/timestamp.h"

namespace bg {

struct AuditFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A flagged verdict with the metadata a reviewer needs and nothing more.
struct VerdictEntry {
  const Verdict* verdict = nullptr;
  std::string therapist;
  std::string client;
  std::string supervisor;  // the therapist's supervisor of record, "" when none
  std::string therapist_zone;
  std::string client_zone;
  Instant event_time{};
  // The text the evidence offsets point into (a message's text, a location's name, ...); what
  // is kept of it follows `evidence` (principle 2: spans and a short window by default).
  std::string_view text;
  EvidenceMode evidence = EvidenceMode::window;
  int evidence_window_chars = 40;
  std::string policy_sha256;
};

// A verdict read back from the log: the line as first returned, and each finding's notice
// (verdict JSON carries only the verdict's combined notice; hosts read findings' own through the
// ABI). Entries written before schema v2 have no finding notices.
struct LoggedVerdict {
  std::string json;
  std::vector<std::string> finding_notices;
};

// A logged verdict with the pair and time it concerns, for rebuilding state on start.
struct LoggedFlag {
  std::string audit_id;
  std::string therapist;
  std::string client;
  Instant event_time{};
  std::string verdict_json;
};

enum class OutcomeKind { sent = 1, edited = 2, cancelled = 3, sent_anyway = 4 };

struct OutcomeEntry {
  std::string event_id;
  OutcomeKind kind = OutcomeKind::sent;
  std::string justification;
  Instant at{};
};

// The policy an engine runs with: recorded when it differs from the last one recorded.
struct PolicyEntry {
  std::string label;  // name@version#sha-prefix, as verdicts cite it
  std::string name;
  std::string version;
  std::string sha256;
  EvidenceMode evidence = EvidenceMode::window;
  int evidence_window_chars = 40;
  int retention_years = 6;
  bool reload = false;  // false: loaded when the engine opened
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Appends the verdict and returns its audit id. Throws AuditFailure (nothing was recorded
  // then). Call await_verdict before the verdict is released to the host.
  virtual std::string append_verdict(const VerdictEntry& entry) = 0;
  // Returns once the verdict logged for `event_id` is as safe as the store promises before a
  // verdict is released: in the journal (journal mode, so at once) or committed and synced
  // (durable mode). Separate from append_verdict so that callers can wait without holding their
  // own locks, and concurrent verdicts share one sync. Throws AuditFailure when it is not safe
  // within the store's wait limit.
  virtual void await_verdict(const std::string& event_id) = 0;
  // The logged verdict for an event id, if the event was flagged. Throws AuditFailure.
  virtual std::optional<LoggedVerdict> find_verdict(const std::string& event_id) = 0;
  // Appends an outcome for a logged event (durable mode: waits for its commit); false when no
  // verdict for it is logged.
  virtual bool append_outcome(const OutcomeEntry& entry) = 0;
  // Records the policy when its hash differs from the last policy recorded; returns whether it
  // appended an entry. Throws AuditFailure.
  virtual bool append_policy(const PolicyEntry& entry) = 0;
  // Returns once everything appended so far is committed and synced. Throws AuditFailure.
  virtual void flush() = 0;
  // The logged verdicts whose event time is within `window` of the latest event time logged
  // (not of the clock: a log of past events is read as of its own end), oldest event first.
  // Used once, when an engine opens. Throws AuditFailure.
  virtual std::vector<LoggedFlag> recent_flags(std::chrono::hours window) = 0;
};

}  // namespace bg
