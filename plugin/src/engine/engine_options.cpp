#include "engine/engine_options.h"

#include <nlohmann/json.hpp>

namespace bg {

bool parse_engine_options(std::string_view json, EngineOptions& out, std::string& error) {
  out = EngineOptions{};
  if (json.empty()) return true;
  const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "options must be a JSON object";
    return false;
  }
  for (const auto& [key, value] : doc.items()) {
    if (key == "fail_mode") {
      if (value == "open") {
        out.fail_mode = FailMode::open;
      } else if (value == "closed") {
        out.fail_mode = FailMode::closed;
      } else {
        error = "option fail_mode must be \"open\" or \"closed\"";
        return false;
      }
    } else if (key == "max_text_bytes" || key == "seen_event_capacity") {
      if (!value.is_number_unsigned() || value.get<uint64_t>() == 0 ||
          value.get<uint64_t>() > (64ull << 20)) {
        error = "option " + key + " must be a whole number from 1 to 67108864";
        return false;
      }
      (key == "max_text_bytes" ? out.max_text_bytes : out.seen_event_capacity) =
          value.get<size_t>();
    } else if (key == "diagnostic_log" || key == "fault_injection" || key == "audit_key_file") {
      if (!value.is_string()) {
        error = "option " + key + " must be a string";
        return false;
      }
      (key == "diagnostic_log"   ? out.diagnostic_log
       : key == "audit_key_file" ? out.audit_key_file
                                 : out.fault_injection) = value.get<std::string>();
    } else if (key == "audit_mode") {
      if (value == "journal") {
        out.audit_mode = AuditMode::journal;
      } else if (value == "durable") {
        out.audit_mode = AuditMode::durable;
      } else {
        error = "option audit_mode must be \"journal\" or \"durable\"";
        return false;
      }
    } else if (key == "audit_commit_delay_ms" || key == "audit_queue_capacity") {
      const uint64_t limit = key == "audit_commit_delay_ms" ? 60000 : 1000000;
      if (!value.is_number_unsigned() || value.get<uint64_t>() == 0 ||
          value.get<uint64_t>() > limit) {
        error = "option " + key + " must be a whole number from 1 to " + std::to_string(limit);
        return false;
      }
      (key == "audit_commit_delay_ms" ? out.audit_commit_delay_ms : out.audit_queue_capacity) =
          value.get<size_t>();
    } else if (key == "watch_policy_ms") {
      // Polling: below 50 ms it costs more than it saves; above an hour it is no watch.
      if (!value.is_number_unsigned() ||
          (value.get<uint64_t>() != 0 &&
           (value.get<uint64_t>() < 50 || value.get<uint64_t>() > 3600000))) {
        error = "option watch_policy_ms must be 0 (off) or a whole number from 50 to 3600000";
        return false;
      }
      out.watch_policy_ms = value.get<size_t>();
    } else {
      error = "unknown option \"" + key + "\"";
      return false;
    }
  }
  if (!out.fault_injection.empty() && out.fault_injection != "detector" &&
      out.fault_injection != "bad_alloc" && out.fault_injection != "audit") {
    error = "option fault_injection must be \"detector\", \"bad_alloc\" or \"audit\"";
    return false;
  }
  return true;
}

}  // namespace bg
