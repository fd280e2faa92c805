// One entry of the audit log: what the engine hands to the journal and the writer, and what the
// hash chain covers once the entry has its place (seq) in the log.
#pragma once

#include <cstdint>
#include <string>

#include "time/timestamp.h"

namespace bg {

// Entry kinds (the `kind` column). Schema v1 wrote only verdict and outcome.
namespace entry_kind {
inline constexpr const char* kVerdict = "verdict";          // a flagged event and its findings
inline constexpr const char* kOutcome = "outcome";          // what the therapist did next
inline constexpr const char* kPolicy = "policy";            // the policy in force changed
inline constexpr const char* kDisposition = "disposition";  // a supervisor's decision on a flag
inline constexpr const char* kCheckpoint = "checkpoint";    // a retention purge
}  // namespace entry_kind

struct AuditRecord {
  std::string audit_id;
  std::string kind;
  std::string event_id;     // "" when the entry is about no event
  std::string recorded_at;  // UTC with milliseconds, "2026-03-05T05:15:00.123Z"
  std::string body;         // a JSON object
};

// Chain formats (the `format` column): how an entry's hash is computed.
enum class ChainFormat : int {
  v1 = 1,        // schema v1: SHA-256 over the newline-joined fields
  v2 = 2,        // SHA-256 over the length-prefixed fields, seq included
  v2_keyed = 3,  // HMAC-SHA-256 with the practice's secret over the same bytes
};

struct ChainedEntry {
  int64_t seq = 0;
  AuditRecord record;
  ChainFormat format = ChainFormat::v2;
  std::string prev_hash;
  std::string hash;
};

// "2026-03-05T05:15:00.123Z".
std::string format_recorded_at(Instant instant);
Instant now_instant();

}  // namespace bg
