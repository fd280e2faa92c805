// Fuzz target: evaluation end to end through the C ABI (evaluate_json and the verdict
// accessors), as a host calls it, with the default pack and a small roster. The input is a
// stream of JSON Lines; each line is evaluated in turn on one long-lived engine. Every call
// must return OK with a well-formed verdict or BG_E_BAD_EVENT with a message: never another
// status, a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "boundary_guard/boundary_guard.h"

namespace {

constexpr size_t kMaxLinesPerInput = 64;

constexpr const char* kRoster[] = {
    R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","supervisor":"s-lee","hours":{"mon":["09:00-17:00"],"tue":["09:00-12:00","13:00-17:00"],"wed":["09:00-17:00"],"fri":["09:00-13:00"]}})",
    R"({"type":"therapist","id":"t-cruz","time_zone":"America/Los_Angeles"})",
    R"({"type":"client","id":"c-042","therapist":"t-ana","time_zone":"America/Denver"})",
    R"({"type":"client","id":"c-017","therapist":"t-ana","status":"terminated","terminated_on":"2025-11-01"})",
    R"({"type":"boundary_extension","id":"bx-3","therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"crisis safety plan","approved_by":"s-lee","from":"2026-03-01","until":"2026-03-31"})",
};

const bg_api& api() {
  static const bg_api* table = bg_plugin_get_api(BG_ABI_MAJOR);
  if (table == nullptr) std::abort();
  return *table;
}

bg_engine* engine() {
  static bg_engine* shared = [] {
    bg_engine_config config{};
    config.struct_size = sizeof config;
    const std::string options = R"({"seen_event_capacity":4096})";
    config.options_json = bg_str{options.data(), options.size()};
    char error[1024] = {0};
    bg_engine* e = nullptr;
    if (api().engine_open(&config, &e, error, sizeof error) != BG_OK) std::abort();
    for (const char* line : kRoster) {
      bg_verdict* v = nullptr;
      if (api().evaluate_json(e, bg_str{line, std::string_view{line}.size()}, &v) != BG_OK)
        std::abort();
      api().verdict_free(v);
    }
    return e;
  }();
  return shared;
}

void check_verdict(const bg_verdict* v) {
  if (v == nullptr) std::abort();
  const bg_str json = api().verdict_json(v);
  if (json.size == 0 || json.data[json.size] != '\0') std::abort();
  if (!nlohmann::json::accept(std::string_view{json.data, json.size})) std::abort();
  (void)api().verdict_event_id(v);
  (void)api().verdict_notice(v);
  (void)api().verdict_audit_id(v);
  const bg_decision decision = api().verdict_decision(v);
  if (decision < BG_DECISION_ALLOW || decision > BG_DECISION_BLOCK) std::abort();
  const size_t count = api().verdict_finding_count(v);
  for (size_t i = 0; i < count; ++i) {
    bg_finding f{};
    f.struct_size = sizeof f;
    if (api().verdict_finding(v, i, &f) != BG_OK) std::abort();
    for (size_t k = 0; k < f.evidence_count; ++k) {
      if (f.evidence[k].start > f.evidence[k].end) std::abort();
    }
  }
  bg_finding past_the_end{};
  past_the_end.struct_size = sizeof past_the_end;
  if (api().verdict_finding(v, count, &past_the_end) != BG_E_INVALID_ARGUMENT) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bg_engine* e = engine();
  std::string_view rest{reinterpret_cast<const char*>(data), size};
  for (size_t n = 0; n < kMaxLinesPerInput; ++n) {
    const size_t newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    bg_verdict* v = nullptr;
    const bg_status status = api().evaluate_json(e, bg_str{line.data(), line.size()}, &v);
    if (status == BG_OK) {
      check_verdict(v);
    } else if (status != BG_E_BAD_EVENT || v != nullptr || api().last_error(e).size == 0) {
      std::abort();  // only a rejected line may fail, and it says why
    }
    api().verdict_free(v);
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  return 0;
}
