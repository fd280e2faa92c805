// How the SQLite audit store trades latency for durability (docs/audit.md, "Modes").
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "time/timestamp.h"

namespace spdlog {
class logger;
}

namespace bg {

enum class AuditMode {
  // A verdict returns once its entry is in the journal (a plain write): a crash of the process
  // loses nothing; the writer commits and syncs within commit_delay, so a power loss can lose
  // at most that window.
  journal,
  // A verdict returns once its entry is committed and synced (group commit).
  durable,
};

struct AuditStoreOptions {
  AuditMode mode = AuditMode::journal;
  std::chrono::milliseconds commit_delay{100};
  size_t queue_capacity = 10000;
  // How long a caller waits for room in a full queue or (durable) for its commit.
  std::chrono::milliseconds wait_limit{10000};
  std::string key_file;                 // empty: $BOUNDARY_GUARD_AUDIT_KEY_FILE / _KEY, else no key
  std::function<Instant()> clock;       // null: the system clock (tests set it)
  std::shared_ptr<spdlog::logger> log;  // null: no diagnostics
};

}  // namespace bg
