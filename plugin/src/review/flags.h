// Flags, as a supervisor reviews them: each verdict entry (a flagged event) with its findings,
// the therapist's outcomes and the supervisors' dispositions that refer to it. The current state
// of a flag is derived from those entries; nothing is ever updated in place.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/vocabulary.h"
#include "review/stored_log.h"
#include "time/timestamp.h"

namespace bg::review {

using Json = nlohmann::ordered_json;

struct FlagFinding {
  std::string rule;
  std::string category;
  std::string severity;
  std::string decision;
  std::vector<std::string> citations;
  std::string explanation;
  Json evidence = Json::array();  // [{start, end, text}]
  std::string suppressed_by;
};

// An outcome or a disposition that refers to a flag.
struct FlagAction {
  const ChainedEntry* entry = nullptr;
  std::string name;  // the outcome ("sent_anyway") or disposition ("false_positive")
  std::string by;    // dispositions: who decided
  std::string at_utc;
  std::string note;
  std::string reason;         // false_positive
  std::string justification;  // sent_anyway
};

struct Flag {
  const ChainedEntry* entry = nullptr;
  std::string audit_id;
  std::string event_id;
  std::string event_type;
  std::string therapist;
  std::string client;
  std::string supervisor;
  std::string therapist_zone;
  std::string client_zone;
  std::string event_time_utc;
  std::optional<Instant> event_time;
  std::string policy;
  std::string engine_version;
  std::string decision;
  std::string evidence_mode;  // "" for entries written before schema v2
  Json excerpts = Json::array();
  std::optional<std::string> full_text;
  std::vector<FlagFinding> findings;
  std::vector<FlagAction> outcomes;
  std::vector<FlagAction> dispositions;

  // Derived.
  Severity severity = Severity::info;  // the highest among unsuppressed findings (all if none)
  bool suppressed = false;             // every finding is covered by an extension or exception
  bool open = true;
  std::string state;  // "new", "suppressed", or the last disposition's name

  std::vector<std::string> categories() const;  // distinct, in finding order
};

struct PolicyChange {
  const ChainedEntry* entry = nullptr;
  std::string label;
  int retention_years = 0;
};

struct ReviewLog {
  StoredLog log;
  std::vector<Flag> flags;  // in chain order
  std::vector<PolicyChange> policies;
  std::unordered_map<std::string, size_t> by_audit_id;

  const Flag* find(const std::string& audit_id) const;
};

// Reads the log at `path` and derives its flags. Throws LogMissing / AuditFailure. Entries whose
// body cannot be read are skipped here (audit verify reports them).
ReviewLog load_review_log(const std::string& path);
// The same over a log already read.
ReviewLog derive_flags(StoredLog log);

}  // namespace bg::review
