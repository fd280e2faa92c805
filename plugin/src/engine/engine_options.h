// The engine's options, given by the host as a JSON object (docs/sdk.md lists the keys).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "audit/audit_store_options.h"

namespace bg {

enum class FailMode { open, closed };

struct EngineOptions {
  FailMode fail_mode = FailMode::open;
  size_t max_text_bytes = 64 * 1024;
  std::string diagnostic_log;  // a file path; empty: no diagnostic log
  size_t seen_event_capacity = 10000;
  // Test hook: "detector" (an exception inside detection), "bad_alloc", or "audit" (the audit
  // store fails). Documented so that hosts can test their own error handling.
  std::string fault_injection;
  // The audit log (docs/audit.md): "journal" (default) or "durable", the writer's bounded delay
  // in journal mode, the queue's capacity, and a file holding the chain's HMAC key.
  AuditMode audit_mode = AuditMode::journal;
  size_t audit_commit_delay_ms = 100;
  size_t audit_queue_capacity = 10000;
  std::string audit_key_file;
  // Reload the policy when one of its files changes, checking every this many milliseconds
  // (0: no file watch; the host calls reload_policy itself).
  size_t watch_policy_ms = 0;
};

// Parses `json` (empty means defaults). Unknown keys are errors, so that a typo in a key is
// not silently ignored. Returns false and fills `error` on failure.
bool parse_engine_options(std::string_view json, EngineOptions& out, std::string& error);

}  // namespace bg
