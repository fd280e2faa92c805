// Header-only C++17 wrapper over the Boundary Guard C ABI (boundary_guard.h).
//
// It owns handles with RAII and turns failures into boundary_guard::Error. It is compiled into
// the host, never into the plugin, so exceptions here never cross the C ABI. It works on the
// function table a host obtained from bg_plugin_get_api() (see plugin_loader.hpp), so the same
// code runs against any plugin build that implements ABI 1.x.
//
// Threads: an Engine may be used from many threads at once (as the ABI allows), except for
// construction, assignment and destruction. A Verdict belongs to one thread at a time.
#ifndef BOUNDARY_GUARD_HPP
#define BOUNDARY_GUARD_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "boundary_guard/boundary_guard.h"

namespace boundary_guard {

// The stable name of a status code, e.g. "BG_E_BAD_EVENT"; "BG_E_UNKNOWN" for a code this
// header does not know (codes may be added).
inline const char* status_name(bg_status status) noexcept {
  switch (status) {
    case BG_OK:
      return "BG_OK";
    case BG_E_INVALID_ARGUMENT:
      return "BG_E_INVALID_ARGUMENT";
    case BG_E_BAD_EVENT:
      return "BG_E_BAD_EVENT";
    case BG_E_POLICY:
      return "BG_E_POLICY";
    case BG_E_AUDIT:
      return "BG_E_AUDIT";
    case BG_E_NOT_FOUND:
      return "BG_E_NOT_FOUND";
    case BG_E_UNSUPPORTED:
      return "BG_E_UNSUPPORTED";
    case BG_E_NO_MEMORY:
      return "BG_E_NO_MEMORY";
    case BG_E_INTERNAL:
      return "BG_E_INTERNAL";
    default:
      return "BG_E_UNKNOWN";
  }
}

// "allow", "warn", "hold", "block" (the verdict schema's spelling); "unknown" otherwise.
inline const char* decision_name(bg_decision decision) noexcept {
  switch (decision) {
    case BG_DECISION_ALLOW:
      return "allow";
    case BG_DECISION_WARN:
      return "warn";
    case BG_DECISION_HOLD:
      return "hold";
    case BG_DECISION_BLOCK:
      return "block";
    default:
      return "unknown";
  }
}

// "info", "low", "medium", "high", "critical"; "unknown" otherwise.
inline const char* severity_name(bg_severity severity) noexcept {
  switch (severity) {
    case BG_SEVERITY_INFO:
      return "info";
    case BG_SEVERITY_LOW:
      return "low";
    case BG_SEVERITY_MEDIUM:
      return "medium";
    case BG_SEVERITY_HIGH:
      return "high";
    case BG_SEVERITY_CRITICAL:
      return "critical";
    default:
      return "unknown";
  }
}

// A failed call: the plugin's status code and its message (what() returns the message).
class Error : public std::runtime_error {
 public:
  Error(bg_status status, const std::string& message)
      : std::runtime_error(message.empty() ? std::string{status_name(status)} : message),
        status_(status) {}
  bg_status status() const noexcept { return status_; }

 private:
  bg_status status_;
};

namespace detail {

inline std::string_view view(bg_str s) noexcept {
  return s.data == nullptr ? std::string_view{} : std::string_view{s.data, s.size};
}

inline bg_str str(std::string_view s) noexcept { return bg_str{s.data(), s.size()}; }

// The end of the ABI 1.0 function table: every pointer this wrapper calls lies before it.
constexpr size_t kApiV1_0Size = offsetof(bg_api, flush) + sizeof(bg_api::flush);

// Throws Error(BG_E_INVALID_ARGUMENT) unless `api` is a usable ABI 1.x table.
inline void check_api(const bg_api* api) {
  if (api == nullptr) throw Error(BG_E_INVALID_ARGUMENT, "the plugin's function table is NULL");
  if (api->abi_major != BG_ABI_MAJOR || api->struct_size < kApiV1_0Size) {
    throw Error(BG_E_UNSUPPORTED, "the plugin's function table is not ABI 1.x");
  }
}

template <typename Event>
struct EventTypeOf;
template <>
struct EventTypeOf<bg_therapist_event> {
  static constexpr bg_event_type value = BG_EVENT_THERAPIST;
};
template <>
struct EventTypeOf<bg_client_event> {
  static constexpr bg_event_type value = BG_EVENT_CLIENT;
};
template <>
struct EventTypeOf<bg_extension_event> {
  static constexpr bg_event_type value = BG_EVENT_EXTENSION;
};
template <>
struct EventTypeOf<bg_message_event> {
  static constexpr bg_event_type value = BG_EVENT_MESSAGE;
};
template <>
struct EventTypeOf<bg_appointment_event> {
  static constexpr bg_event_type value = BG_EVENT_APPOINTMENT;
};
template <>
struct EventTypeOf<bg_social_event> {
  static constexpr bg_event_type value = BG_EVENT_SOCIAL;
};
template <>
struct EventTypeOf<bg_payment_event> {
  static constexpr bg_event_type value = BG_EVENT_PAYMENT;
};

}  // namespace detail

// One span of evidence: byte offsets into the event's text (UTF-8, end exclusive).
struct Evidence {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;
};

// A finding, copied out of its verdict (so it outlives it).
struct Finding {
  std::string rule;
  std::string category;
  bg_severity severity = BG_SEVERITY_INFO;
  bg_decision decision = BG_DECISION_ALLOW;  // the rule's own decision
  std::string explanation;
  std::string notice;
  std::string suppressed_by;  // empty unless an extension or policy exception covers it
  std::vector<std::string> citations;
  std::vector<Evidence> evidence;

  bool suppressed() const noexcept { return !suppressed_by.empty(); }
};

// Owns one bg_verdict. Move-only; an empty (default or moved-from) Verdict reads as no verdict:
// "" strings, allow, no findings. The string_views it returns live as long as the handle.
class Verdict {
 public:
  Verdict() noexcept = default;
  // Adopts `handle` (freed with api->verdict_free). `api` must outlive the Verdict.
  Verdict(const bg_api* api, bg_verdict* handle) noexcept : api_(api), handle_(handle) {}
  Verdict(Verdict&& other) noexcept
      : api_(other.api_), handle_(std::exchange(other.handle_, nullptr)) {}
  Verdict& operator=(Verdict&& other) noexcept {
    if (this != &other) {
      reset();
      api_ = other.api_;
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  Verdict(const Verdict&) = delete;
  Verdict& operator=(const Verdict&) = delete;
  ~Verdict() { reset(); }

  explicit operator bool() const noexcept { return handle_ != nullptr; }
  bg_verdict* get() const noexcept { return handle_; }
  // Gives up ownership; the caller frees the handle with api->verdict_free.
  bg_verdict* release() noexcept { return std::exchange(handle_, nullptr); }
  void reset() noexcept {
    if (handle_ != nullptr) api_->verdict_free(std::exchange(handle_, nullptr));
  }

  // The event's id, as given in the event.
  std::string_view event_id() const noexcept {
    return get_str(api_ ? api_->verdict_event_id : nullptr);
  }
  // The most restrictive decision among unsuppressed findings (allow when there are none).
  bg_decision decision() const noexcept {
    return handle_ ? api_->verdict_decision(handle_) : BG_DECISION_ALLOW;
  }
  // The text for the therapist, "" when there is nothing to say.
  std::string_view notice() const noexcept {
    return get_str(api_ ? api_->verdict_notice : nullptr);
  }
  // The audit log entry, "" when nothing was logged.
  std::string_view audit_id() const noexcept {
    return get_str(api_ ? api_->verdict_audit_id : nullptr);
  }
  // The verdict as one line of JSON (verdict schema v1), no trailing newline.
  std::string_view json() const noexcept { return get_str(api_ ? api_->verdict_json : nullptr); }

  // Findings, suppressed ones included.
  size_t finding_count() const noexcept {
    return handle_ ? api_->verdict_finding_count(handle_) : 0;
  }
  // Copies finding `index`. Throws Error(BG_E_INVALID_ARGUMENT) when it is out of range.
  Finding finding(size_t index) const {
    bg_finding raw{};
    raw.struct_size = static_cast<uint32_t>(sizeof raw);
    const bg_status status =
        handle_ ? api_->verdict_finding(handle_, index, &raw) : BG_E_INVALID_ARGUMENT;
    if (status != BG_OK) throw Error(status, "no finding " + std::to_string(index));
    Finding out;
    out.rule = detail::view(raw.rule);
    out.category = detail::view(raw.category);
    out.severity = raw.severity;
    out.decision = raw.decision;
    out.explanation = detail::view(raw.explanation);
    out.notice = detail::view(raw.notice);
    out.suppressed_by = detail::view(raw.suppressed_by);
    out.citations.reserve(raw.citation_count);
    for (size_t i = 0; i < raw.citation_count; ++i) {
      out.citations.emplace_back(detail::view(raw.citations[i]));
    }
    out.evidence.reserve(raw.evidence_count);
    for (size_t i = 0; i < raw.evidence_count; ++i) {
      const bg_evidence& e = raw.evidence[i];
      out.evidence.push_back(Evidence{e.start, e.end, std::string{detail::view(e.text)}});
    }
    return out;
  }
  // Copies every finding, in the plugin's order.
  std::vector<Finding> findings() const {
    std::vector<Finding> out;
    const size_t n = finding_count();
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) out.push_back(finding(i));
    return out;
  }

 private:
  std::string_view get_str(bg_str (*accessor)(const bg_verdict*)) const noexcept {
    return handle_ ? detail::view(accessor(handle_)) : std::string_view{};
  }

  const bg_api* api_ = nullptr;
  bg_verdict* handle_ = nullptr;
};

// The result of an evaluation. The plugin may fail AND return a verdict: BG_E_INTERNAL,
// BG_E_AUDIT or BG_E_NO_MEMORY come with its fail-safe verdict, which the host should still
// act on (show its notice, apply its decision). BG_E_BAD_EVENT comes without one.
struct Evaluation {
  bg_status status = BG_OK;
  std::string message;  // the plugin's last_error() text, "" on BG_OK
  Verdict verdict;      // empty only when the plugin returned none

  bool ok() const noexcept { return status == BG_OK; }
  // The verdict of a successful evaluation; throws Error(status, message) on any failure,
  // including one that came with a fail-safe verdict (use `verdict` directly to keep that).
  Verdict value() && {
    if (status != BG_OK || !verdict) throw Error(status, message);
    return std::move(verdict);
  }
};

// ---- Adapters (ABI 1.2) -----------------------------------------------------------------

// What an adapter call returned: the plugin's status, its output (events or verdicts, JSON
// Lines) and its per-record report (JSON Lines; see bg_api::convert).
struct Conversion {
  bg_status status = BG_OK;
  std::string message;  // last_error() for evaluate_fhir, the report's text for a bad argument
  std::string output;   // convert: events; evaluate_fhir: verdicts
  std::string report;

  bool ok() const noexcept { return status == BG_OK; }
};

namespace detail {

// Throws Error(BG_E_UNSUPPORTED) when the plugin predates ABI 1.2 (no adapters).
inline void require_adapters(const bg_api* api) {
  check_api(api);
  if (api->abi_minor < 2 ||
      api->struct_size < offsetof(bg_api, evaluate_fhir) + sizeof(api->evaluate_fhir)) {
    throw Error(BG_E_UNSUPPORTED, "the plugin predates ABI 1.2 and has no adapters");
  }
}

// Takes ownership of the two texts an adapter call returns.
inline Conversion take_conversion(const bg_api* api, bg_status status, bg_text* output,
                                  bg_text* report) {
  Conversion out;
  out.status = status;
  out.output = std::string{view(api->text_view(output))};
  out.report = std::string{view(api->text_view(report))};
  api->text_free(output);
  api->text_free(report);
  if (status == BG_E_INVALID_ARGUMENT) out.message = out.report;
  if (status == BG_E_NO_MEMORY && out.message.empty()) out.message = "out of memory";
  return out;
}

}  // namespace detail

// Converts `input` in `format` ("fhir", "ics", "twilio", "jsonl") to schema-v1 events through
// the mapping file (empty: built-in defaults). `options_json`: see bg_api::convert. Never
// throws for a plugin failure (check status); throws Error(BG_E_UNSUPPORTED) before ABI 1.2.
inline Conversion convert(const bg_api* api, std::string_view format, std::string_view input,
                          std::string_view mapping_path = {}, std::string_view options_json = {}) {
  detail::require_adapters(api);
  bg_text* events = nullptr;
  bg_text* report = nullptr;
  const bg_status status =
      api->convert(detail::str(format), detail::str(mapping_path), detail::str(input),
                   detail::str(options_json), &events, &report);
  return detail::take_conversion(api, status, events, report);
}

// Where an engine gets its policy, audit log and options (see bg_engine_config).
struct EngineConfig {
  std::string_view policy_path = {};   // empty: the plugin's bundled default pack
  std::string_view audit_path = {};    // empty: no audit log (tests and dry runs only)
  std::string_view options_json = {};  // a JSON object of options, empty for none
};

// Owns one bg_engine. Move-only. Calls on an empty (default, moved-from or closed) Engine fail
// with BG_E_INVALID_ARGUMENT.
class Engine {
 public:
  Engine() noexcept = default;
  // Opens an engine (policy, audit log, options). Throws Error with the plugin's status
  // (BG_E_POLICY, BG_E_AUDIT, BG_E_INVALID_ARGUMENT, ...) and message. `api` must outlive it.
  explicit Engine(const bg_api* api, const EngineConfig& config = {}) : api_(api) {
    detail::check_api(api);
    bg_engine_config raw{};
    raw.struct_size = static_cast<uint32_t>(sizeof raw);
    raw.policy_path = detail::str(config.policy_path);
    raw.audit_path = detail::str(config.audit_path);
    raw.options_json = detail::str(config.options_json);
    std::string error(4096, '\0');
    const bg_status status = api->engine_open(&raw, &handle_, error.data(), error.size());
    if (status != BG_OK || handle_ == nullptr) {
      error.resize(std::min(error.find('\0'), error.size()));
      throw Error(status == BG_OK ? BG_E_INTERNAL : status, error);
    }
  }
  Engine(Engine&& other) noexcept
      : api_(other.api_), handle_(std::exchange(other.handle_, nullptr)) {}
  Engine& operator=(Engine&& other) noexcept {
    if (this != &other) {
      close();
      api_ = other.api_;
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  // Flushes the audit log and closes the engine; no other call may be running.
  ~Engine() { close(); }

  explicit operator bool() const noexcept { return handle_ != nullptr; }
  const bg_api* api() const noexcept { return api_; }
  bg_engine* get() const noexcept { return handle_; }
  // Flushes and closes now (as the destructor does); the Engine becomes empty.
  void close() noexcept {
    if (handle_ != nullptr) api_->engine_close(std::exchange(handle_, nullptr));
  }
  // The plugin's version string, e.g. "1.0.0".
  const char* plugin_version() const noexcept { return api_ ? api_->version() : ""; }

  // Evaluates one JSON Lines event. Never throws for a plugin failure (only std::bad_alloc):
  // check Evaluation::status, and keep Evaluation::verdict even when the status is an error.
  Evaluation evaluate_json(std::string_view event_json) const {
    if (handle_ == nullptr) return closed_evaluation();
    bg_verdict* out = nullptr;
    const bg_status status = api_->evaluate_json(handle_, detail::str(event_json), &out);
    return finish(status, out);
  }

  // The same for an event given as one of the bg_*_event structs; a struct_size of 0 is taken
  // to mean sizeof(Event) as this header knows it.
  template <typename Event, bg_event_type kType = detail::EventTypeOf<Event>::value>
  Evaluation evaluate(const Event& event) const {
    if (handle_ == nullptr) return closed_evaluation();
    Event sized = event;
    if (sized.struct_size == 0) sized.struct_size = static_cast<uint32_t>(sizeof(Event));
    bg_verdict* out = nullptr;
    const bg_status status = api_->evaluate_struct(handle_, kType, &sized, &out);
    return finish(status, out);
  }

  // Records what the therapist did after a flagged event (at_ms 0: now). Throws Error:
  // BG_E_NOT_FOUND for an unknown event id, BG_E_INVALID_ARGUMENT for a missing justification.
  void record_outcome(std::string_view event_id, bg_outcome_kind kind,
                      std::string_view justification = {}, int64_t at_ms = 0) const {
    bg_outcome raw{};
    raw.struct_size = static_cast<uint32_t>(sizeof raw);
    raw.event_id = detail::str(event_id);
    raw.kind = kind;
    raw.justification = detail::str(justification);
    raw.at_ms = at_ms;
    check(handle_ ? api_->record_outcome(handle_, &raw) : BG_E_INVALID_ARGUMENT);
  }

  // Compiles the policy at `path` (empty: the current path again) and swaps it in. Throws
  // Error(BG_E_POLICY) listing the problems; the previous policy then stays active.
  void reload_policy(std::string_view path = {}) const {
    check(handle_ ? api_->reload_policy(handle_, detail::str(path)) : BG_E_INVALID_ARGUMENT);
  }

  // Returns once every finding reported so far is in the audit log. Throws Error(BG_E_AUDIT).
  void flush() const { check(handle_ ? api_->flush(handle_) : BG_E_INVALID_ARGUMENT); }

  // The calling thread's message for its last failed call on this engine, "" for none.
  std::string_view last_error() const noexcept {
    return handle_ ? detail::view(api_->last_error(handle_)) : std::string_view{};
  }

  // Converts a FHIR R4 resource, Bundle or NDJSON and evaluates every event (ABI 1.2; see
  // bg_api::evaluate_fhir): `output` holds one verdict line per event. Never throws for a
  // plugin failure (check status); throws Error(BG_E_UNSUPPORTED) before ABI 1.2.
  Conversion evaluate_fhir(std::string_view fhir_json, std::string_view mapping_path = {}) const {
    if (handle_ == nullptr) {
      return Conversion{BG_E_INVALID_ARGUMENT, "the engine is closed", {}, {}};
    }
    detail::require_adapters(api_);
    bg_text* verdicts = nullptr;
    bg_text* report = nullptr;
    const bg_status status = api_->evaluate_fhir(handle_, detail::str(mapping_path),
                                                 detail::str(fhir_json), &verdicts, &report);
    Conversion out = detail::take_conversion(api_, status, verdicts, report);
    if (status != BG_OK && out.message.empty()) out.message = std::string{last_error()};
    return out;
  }

 private:
  Evaluation finish(bg_status status, bg_verdict* out) const {
    Evaluation result{status, {}, Verdict{api_, out}};
    if (status != BG_OK) result.message = std::string{last_error()};
    return result;
  }
  static Evaluation closed_evaluation() {
    return Evaluation{BG_E_INVALID_ARGUMENT, "the engine is closed", Verdict{}};
  }
  void check(bg_status status) const {
    if (status == BG_OK) return;
    throw Error(status, handle_ ? std::string{last_error()} : "the engine is closed");
  }

  const bg_api* api_ = nullptr;
  bg_engine* handle_ = nullptr;
};

// ---- Policy tools (ABI 1.1) -------------------------------------------------------------

// A report from a policy tool: the plugin's status and the text (or JSON) it wrote.
struct Report {
  bg_status status = BG_OK;
  std::string text;
};

namespace detail {

// Throws Error(BG_E_UNSUPPORTED) when the plugin predates ABI 1.1.
inline void require_policy_tools(const bg_api* api) {
  check_api(api);
  if (api->abi_minor < 1 ||
      api->struct_size < offsetof(bg_api, policy_test) + sizeof(api->policy_test)) {
    throw Error(BG_E_UNSUPPORTED, "the plugin predates ABI 1.1 and has no policy tools");
  }
}

// Takes ownership of a plugin report and copies its text out.
inline Report take_report(const bg_api* api, bg_status status, bg_text* text) {
  Report report{status, std::string{view(api->text_view(text))}};
  api->text_free(text);
  if (status == BG_E_NO_MEMORY && report.text.empty()) report.text = "out of memory";
  return report;
}

}  // namespace detail

// Checks a policy (pack file or folder). `format` is "text" or "json". Status BG_OK when it is
// valid, BG_E_POLICY when it has errors. Thread-safe; throws only for a pre-1.1 plugin.
inline Report policy_check(const bg_api* api, std::string_view path,
                           std::string_view format = "text") {
  detail::require_policy_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->policy_check(detail::str(path), detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// The effective policy, or one rule of it (BG_E_NOT_FOUND when there is no such rule).
inline Report policy_explain(const bg_api* api, std::string_view path,
                             std::string_view rule_id = {}, std::string_view format = "text") {
  detail::require_policy_tools(api);
  bg_text* text = nullptr;
  const bg_status status =
      api->policy_explain(detail::str(path), detail::str(rule_id), detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// Runs the pack's policy tests. BG_OK when every case passes.
inline Report policy_test(const bg_api* api, std::string_view path,
                          std::string_view format = "text") {
  detail::require_policy_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->policy_test(detail::str(path), detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// ---- The audit log (ABI 1.3) ------------------------------------------------------------
// Supervisors' review of an audit database, by path (docs/audit.md). `request_json` is a JSON
// object of filters and options (therapist, client, supervisor, category, severity, status,
// from, until, ids, zone, key_file; by and retention_years for purge), empty for none. Each
// returns the plugin's status and report; none throws for a plugin failure, only
// Error(BG_E_UNSUPPORTED) when the plugin predates ABI 1.3. Thread-safe.

namespace detail {

inline void require_audit_tools(const bg_api* api) {
  check_api(api);
  if (api->abi_minor < 3 ||
      api->struct_size < offsetof(bg_api, audit_purge) + sizeof(api->audit_purge)) {
    throw Error(BG_E_UNSUPPORTED, "the plugin predates ABI 1.3 and has no audit review");
  }
}

}  // namespace detail

// The chain end to end ("text" or "json"). BG_OK intact; BG_E_AUDIT tampered (the report names
// the first bad entry); BG_E_INVALID_ARGUMENT when a keyed log needs its key.
inline Report audit_verify(const bg_api* api, std::string_view audit_path,
                           std::string_view request_json = {}, std::string_view format = "text") {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->audit_verify(detail::str(audit_path), detail::str(request_json),
                                             detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// Flags matching the request ("table", "json" or "csv").
inline Report audit_list(const bg_api* api, std::string_view audit_path,
                         std::string_view request_json = {}, std::string_view format = "table") {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->audit_list(detail::str(audit_path), detail::str(request_json),
                                           detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// One flag ("text" or "json"); BG_E_NOT_FOUND for an id that is not a flag.
inline Report audit_show(const bg_api* api, std::string_view audit_path, std::string_view audit_id,
                         std::string_view request_json = {}, std::string_view format = "text") {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->audit_show(detail::str(audit_path), detail::str(audit_id),
                                           detail::str(request_json), detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// A supervisor's disposition of a flag (see bg_disposition).
struct Disposition {
  std::string_view audit_id;
  bg_disposition_kind kind = BG_DISPOSITION_ACKNOWLEDGED;
  std::string_view by;
  std::string_view note = {};
  std::string_view reason = {};  // required for BG_DISPOSITION_FALSE_POSITIVE
  int64_t at_ms = 0;             // 0: now
};

// Appends the disposition; the report names the new entry.
inline Report audit_resolve(const bg_api* api, std::string_view audit_path,
                            const Disposition& disposition, std::string_view request_json = {}) {
  detail::require_audit_tools(api);
  bg_disposition raw{};
  raw.struct_size = static_cast<uint32_t>(sizeof raw);
  raw.audit_id = detail::str(disposition.audit_id);
  raw.kind = disposition.kind;
  raw.by = detail::str(disposition.by);
  raw.note = detail::str(disposition.note);
  raw.reason = detail::str(disposition.reason);
  raw.at_ms = disposition.at_ms;
  bg_text* text = nullptr;
  const bg_status status =
      api->audit_resolve(detail::str(audit_path), &raw, detail::str(request_json), &text);
  return detail::take_report(api, status, text);
}

// The selected flags as "csv" (one row per finding) or "jsonl" (one flag per line).
inline Report audit_export(const bg_api* api, std::string_view audit_path,
                           std::string_view request_json = {}, std::string_view format = "csv") {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->audit_export(detail::str(audit_path), detail::str(request_json),
                                             detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// An evidence bundle (JSON) for a licensing board; BG_E_AUDIT when the chain does not verify.
inline Report audit_bundle(const bg_api* api, std::string_view audit_path,
                           std::string_view request_json = {}) {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status =
      api->audit_bundle(detail::str(audit_path), detail::str(request_json), &text);
  return detail::take_report(api, status, text);
}

// Flags per therapist, category and week ("table", "json" or "csv").
inline Report audit_stats(const bg_api* api, std::string_view audit_path,
                          std::string_view request_json = {}, std::string_view format = "table") {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->audit_stats(detail::str(audit_path), detail::str(request_json),
                                            detail::str(format), &text);
  return detail::take_report(api, status, text);
}

// Deletes entries recorded before `before_date` (YYYY-MM-DD) and leaves a retention
// checkpoint; BG_E_INVALID_ARGUMENT (nothing deleted) for a date inside the retention period.
// The request must name who purges: {"by":"..."}.
inline Report audit_purge(const bg_api* api, std::string_view audit_path,
                          std::string_view before_date, std::string_view request_json) {
  detail::require_audit_tools(api);
  bg_text* text = nullptr;
  const bg_status status = api->audit_purge(detail::str(audit_path), detail::str(before_date),
                                            detail::str(request_json), &text);
  return detail::take_report(api, status, text);
}

}  // namespace boundary_guard

#endif  // BOUNDARY_GUARD_HPP
