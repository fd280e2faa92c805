// Helpers for the ABI tests: they load the built plugin with dlopen() and use nothing but the
// function table of boundary_guard.h, as a host does. No plugin internals are linked.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "boundary_guard/boundary_guard.h"

namespace bgtest {

using Json = nlohmann::ordered_json;

// The plugin under test: $BOUNDARY_GUARD_PLUGIN, else the one this build produced.
std::string plugin_path();
// bg_plugin_get_api from the plugin, loaded once per process (never unloaded).
bg_plugin_get_api_fn get_api_function();
// The ABI 1 table; fails the calling test (and returns a static empty table) if it is missing.
const bg_api& api();

std::string default_policy_dir();                // policies/default in the source tree
std::string data_path(const std::string& name);  // tests/abi/data/<name>

inline bg_str view(std::string_view s) { return bg_str{s.data(), s.size()}; }
inline std::string text(bg_str s) {
  return s.data == nullptr ? std::string{} : std::string{s.data, s.size};
}

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct VerdictFree {
  void operator()(bg_verdict* v) const { api().verdict_free(v); }
};
using Verdict = std::unique_ptr<bg_verdict, VerdictFree>;

struct EngineClose {
  void operator()(bg_engine* e) const { api().engine_close(e); }
};
using EngineHandle = std::unique_ptr<bg_engine, EngineClose>;

struct OpenResult {
  bg_status status = BG_OK;
  EngineHandle engine;
  std::string error;  // error_buf
};

// engine_open with a config of exactly sizeof(bg_engine_config).
OpenResult open_engine(const std::string& policy_path = "", const std::string& audit_path = "",
                       const std::string& options_json = "");
// Opens an engine or fails the test (check with ASSERT_NE(engine, nullptr)).
EngineHandle must_open(const std::string& policy_path = "", const std::string& audit_path = "",
                       const std::string& options_json = "");

struct EvalResult {
  bg_status status = BG_OK;
  Verdict verdict;
  std::string error;  // last_error() right after the call
};

EvalResult evaluate_line(bg_engine* engine, std::string_view json_line);
EvalResult evaluate(bg_engine* engine, const Json& event);
EvalResult evaluate_struct(bg_engine* engine, bg_event_type type, const void* event);

// Accessors in one go.
std::string verdict_json(const bg_verdict* v);
struct FindingView {
  std::string rule, category, explanation, notice, suppressed_by;
  bg_severity severity = -1;
  bg_decision decision = -1;
  std::vector<std::string> citations;
  struct Span {
    uint32_t start, end;
    std::string text;
  };
  std::vector<Span> evidence;
};
std::vector<FindingView> findings(const bg_verdict* v);
std::vector<std::string> rules(const bg_verdict* v);
// The rules of the findings in the timing and channel categories (off_hours, personal_channel),
// in verdict order. Tests of those rules use it, so that detectors of other categories (tested
// on their own) do not change their expectations.
std::vector<std::string> timing_rules(const bg_verdict* v);
// The index of the first finding of `rule`, or SIZE_MAX.
size_t finding_index(const bg_verdict* v, const std::string& rule);
std::string last_error(const bg_engine* engine);

// The verdict JSON without the given top-level keys, re-serialised in its original order.
std::string json_without(const std::string& verdict_json, std::initializer_list<const char*> keys);

// Milliseconds since the epoch for "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)".
int64_t rfc3339_ms(const std::string& timestamp);

// An event given as a v1 JSON object, converted to its C struct (with all the storage the
// struct points into). Not copyable: the struct points into the object.
class StructEvent {
 public:
  explicit StructEvent(const Json& event);
  StructEvent(const StructEvent&) = delete;
  StructEvent& operator=(const StructEvent&) = delete;

  bg_event_type type() const { return type_; }
  const void* get() const;
  // The struct's bytes, for tests that resize or corrupt it.
  size_t size() const;

 private:
  bg_str keep(const Json& value);  // a string field; absent or null: {NULL, 0}
  bg_party party(const Json& value);

  bg_event_type type_ = 0;
  std::deque<std::string> strings_;
  std::vector<bg_str> list_;
  bg_therapist_event therapist_{};
  bg_client_event client_{};
  bg_extension_event extension_{};
  bg_message_event message_{};
  bg_appointment_event appointment_{};
  bg_social_event social_{};
  bg_payment_event payment_{};
};

// Counts rows of the audit database's `entries` table with the given kind (and event id, when
// not empty), through the sqlite3 C API, read-only.
int64_t count_entries(const std::string& audit_path, const std::string& kind,
                      const std::string& event_id = "");

// A small practice for most tests: t-ana (America/Chicago; Mon 09-17, Tue 09-12 and 13-17,
// Wed/Thu 09-17, Fri 09-13), t-cruz (America/Los_Angeles, policy default hours), clients c-042
// (America/Denver), c-050 (no zone), c-017 (terminated), c-301 (t-cruz's, America/New_York),
// c-808 (Pacific/Honolulu), and extension bx-3 covering off_hours for t-ana/c-050 in March 2026.
std::vector<Json> roster();
// Evaluates roster() on `engine`, failing the test on any error.
void load_roster(bg_engine* engine);

// Event builders (JSON objects, schema v1).
Json therapist_party(const std::string& id);
Json client_party(const std::string& id);
Json message(const std::string& id, const std::string& at, const Json& from, const Json& to,
             const std::string& channel, const char* text);
Json appointment(const std::string& id, const std::string& action, const std::string& start,
                 const std::string& end, const std::string& therapist, const std::string& client,
                 const std::string& location_kind);
Json social(const std::string& id, const std::string& at, const std::string& action,
            const Json& actor, const Json& target);
Json payment(const std::string& id, const std::string& at, const Json& from, const Json& to,
             const std::string& kind, double amount);

}  // namespace bgtest
