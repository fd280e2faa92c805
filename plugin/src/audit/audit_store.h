// Where flagged verdicts and therapist outcomes are recorded. An interface, so that a server
// database can replace the embedded SQLite store for multi-site practices.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "engine/verdict.h"
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
  std::string therapist_zone;
  std::string client_zone;
  Instant event_time{};
};

enum class OutcomeKind { sent = 1, edited = 2, cancelled = 3, sent_anyway = 4 };

struct OutcomeEntry {
  std::string event_id;
  OutcomeKind kind = OutcomeKind::sent;
  std::string justification;
  Instant at{};
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Appends the verdict and returns its audit id. Throws AuditFailure.
  virtual std::string append_verdict(const VerdictEntry& entry) = 0;
  // The logged verdict line for an event id, if the event was flagged. Throws AuditFailure.
  virtual std::optional<std::string> find_verdict(const std::string& event_id) = 0;
  // Appends an outcome for a logged event; false when no verdict for it is logged.
  virtual bool append_outcome(const OutcomeEntry& entry) = 0;
  // Makes everything appended so far durable. Throws AuditFailure.
  virtual void flush() = 0;
};

}  // namespace bg
