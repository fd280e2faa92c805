// The C ABI: the one exported symbol and the function table behind it. Every entry point
// catches everything; no exception leaves this file.
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <unordered_map>

#include "abi/abi_text.h"
#include "abi/audit_api.h"
#include "abi/struct_events.h"
#include "adapters/adapter_service.h"
#include "boundary_guard/boundary_guard.h"
#include "engine/engine.h"
#include "policy/policy_loader.h"
#include "tools/policy_explainer.h"
#include "tools/policy_test_runner.h"
#include "util/library_pins.h"

namespace {

// A number for the calling thread that is never reused, unlike std::thread::id, so a new thread
// never sees the message of a finished one. Trivially destructible: no thread-exit hook that
// would pin the plugin in memory after dlclose.
uint64_t thread_serial() noexcept {
  static std::atomic<uint64_t> next{1};
  thread_local const uint64_t serial = next.fetch_add(1, std::memory_order_relaxed);
  return serial;
}

}  // namespace

struct bg_engine {
  std::unique_ptr<bg::Engine> engine;
  mutable std::mutex errors_mutex;
  // Per calling thread; unordered_map nodes are stable, so a returned view survives other
  // threads' calls.
  mutable std::unordered_map<uint64_t, std::string> errors;

  void set_error(std::string message) const {
    std::lock_guard lock{errors_mutex};
    errors[thread_serial()] = std::move(message);
  }
};

struct bg_verdict {
  std::shared_ptr<const bg::Verdict> verdict;
  std::vector<std::vector<bg_str>> citations;  // per finding
  std::vector<std::vector<bg_evidence>> evidence;
};

namespace {

bg_str view(const std::string& s) { return bg_str{s.c_str(), s.size()}; }

std::string copy(bg_str s) {
  return s.data == nullptr ? std::string{} : std::string{s.data, s.size};
}

bool valid(bg_str s) { return s.data != nullptr || s.size == 0; }

bg_status code(bg::Status s) { return static_cast<bg_status>(s); }

// Runs `body`, turning any exception into a status and the engine's error message.
template <typename Body>
bg_status guarded(const bg_engine* engine, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    if (engine) {
      try {
        engine->set_error("out of memory");
      } catch (...) {
      }
    }
    return BG_E_NO_MEMORY;
  } catch (const std::exception& e) {
    if (engine) {
      try {
        engine->set_error(std::string{"internal error: "} + e.what());
      } catch (...) {
      }
    }
    return BG_E_INTERNAL;
  } catch (...) {
    if (engine) {
      try {
        engine->set_error("internal error");
      } catch (...) {
      }
    }
    return BG_E_INTERNAL;
  }
}

bg_verdict* wrap(std::shared_ptr<const bg::Verdict> verdict) {
  auto* handle = new bg_verdict;
  handle->verdict = std::move(verdict);
  for (const auto& f : handle->verdict->findings) {
    auto& cites = handle->citations.emplace_back();
    for (const auto& c : f.citations) cites.push_back(view(c));
    auto& spans = handle->evidence.emplace_back();
    for (const auto& e : f.evidence) {
      spans.push_back(
          bg_evidence{static_cast<uint32_t>(e.start), static_cast<uint32_t>(e.end), view(e.text)});
    }
  }
  return handle;
}

bg_status finish_evaluation(bg_engine* engine, bg::EvaluateResult result, bg_verdict** out) {
  engine->set_error(result.error);
  if (result.verdict) *out = wrap(std::move(result.verdict));
  return code(result.status);
}

const char* api_version() { return bg::Engine::version(); }

bg_status api_engine_open(const bg_engine_config* config, bg_engine** out, char* error_buf,
                          size_t error_buf_size) {
  auto report = [&](bg_status status, const std::string& message) noexcept {
    if (error_buf != nullptr && error_buf_size > 0) {
      const size_t n = std::min(message.size(), error_buf_size - 1);
      std::memcpy(error_buf, message.data(), n);
      error_buf[n] = '\0';
    }
    return status;
  };
  if (out == nullptr) return report(BG_E_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  try {
    bg_engine_config c{};
    std::string error;
    const auto status = bg::read_versioned(config, sizeof c, sizeof c, &c, error);
    if (status != bg::Status::ok) return report(code(status), error);
    if (!valid(c.policy_path) || !valid(c.audit_path) || !valid(c.options_json)) {
      return report(BG_E_INVALID_ARGUMENT, "a bg_str has data NULL and a non-zero size");
    }
    bg::EngineConfig engine_config;
    engine_config.policy_path = copy(c.policy_path);
    engine_config.audit_path = copy(c.audit_path);
    if (!bg::parse_engine_options(copy(c.options_json), engine_config.options, error)) {
      return report(BG_E_INVALID_ARGUMENT, error);
    }
    auto handle = std::make_unique<bg_engine>();
    try {
      handle->engine = std::make_unique<bg::Engine>(std::move(engine_config));
    } catch (const bg::AuditFailure& e) {
      return report(BG_E_AUDIT, e.what());
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      return report(BG_E_POLICY, e.what());
    }
    *out = handle.release();
    return report(BG_OK, "");
  } catch (const std::bad_alloc&) {
    return report(BG_E_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return report(BG_E_INTERNAL, std::string{"internal error: "} + e.what());
  } catch (...) {
    return report(BG_E_INTERNAL, "internal error");
  }
}

void api_engine_close(bg_engine* engine) {
  try {
    delete engine;
  } catch (...) {
  }
}

bg_str api_last_error(const bg_engine* engine) {
  static const char kEmpty[] = "";
  if (engine == nullptr) return bg_str{kEmpty, 0};
  try {
    std::lock_guard lock{engine->errors_mutex};
    const auto it = engine->errors.find(thread_serial());
    if (it == engine->errors.end()) return bg_str{kEmpty, 0};
    return view(it->second);
  } catch (...) {
    return bg_str{kEmpty, 0};
  }
}

bg_status api_evaluate_json(bg_engine* engine, bg_str json, bg_verdict** out) {
  if (engine == nullptr || out == nullptr) return BG_E_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded(engine, [&] {
    if (!valid(json)) {
      engine->set_error("event_json has data NULL and a non-zero size");
      return BG_E_INVALID_ARGUMENT;
    }
    return finish_evaluation(engine, engine->engine->evaluate_json({json.data, json.size}), out);
  });
}

bg_status api_evaluate_struct(bg_engine* engine, bg_event_type type, const void* event,
                              bg_verdict** out) {
  if (engine == nullptr || out == nullptr) return BG_E_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded(engine, [&] {
    std::string json, error;
    const auto status = bg::struct_event_to_json(type, event, json, error);
    if (status != bg::Status::ok) {
      engine->set_error(error);
      return code(status);
    }
    return finish_evaluation(engine, engine->engine->evaluate_json(json), out);
  });
}

void api_verdict_free(bg_verdict* verdict) { delete verdict; }

bg_str api_verdict_event_id(const bg_verdict* v) {
  return v ? view(v->verdict->event_id) : bg_str{"", 0};
}
bg_decision api_verdict_decision(const bg_verdict* v) {
  return v ? static_cast<bg_decision>(v->verdict->decision) : BG_DECISION_ALLOW;
}
bg_str api_verdict_notice(const bg_verdict* v) {
  return v ? view(v->verdict->notice) : bg_str{"", 0};
}
bg_str api_verdict_audit_id(const bg_verdict* v) {
  return v ? view(v->verdict->audit_id) : bg_str{"", 0};
}
size_t api_verdict_finding_count(const bg_verdict* v) {
  return v ? v->verdict->findings.size() : 0;
}

bg_status api_verdict_finding(const bg_verdict* v, size_t index, bg_finding* out) {
  if (v == nullptr || out == nullptr || index >= v->verdict->findings.size()) {
    return BG_E_INVALID_ARGUMENT;
  }
  // The caller's struct may be older (smaller) than ours: fill only what it has room for.
  const uint32_t caller_size = out->struct_size;
  if (caller_size < offsetof(bg_finding, evidence_count) + sizeof(size_t))
    return BG_E_INVALID_ARGUMENT;
  const auto& f = v->verdict->findings[index];
  bg_finding full{};
  full.struct_size = static_cast<uint32_t>(sizeof full);
  full.rule = view(f.rule);
  const auto category = bg::name_of(f.category);
  full.category = bg_str{category.data(), category.size()};
  full.severity = static_cast<bg_severity>(f.severity);
  full.decision = static_cast<bg_decision>(f.decision);
  full.explanation = view(f.explanation);
  full.notice = view(f.notice);
  full.suppressed_by = view(f.suppressed_by);
  full.citations = v->citations[index].data();
  full.citation_count = v->citations[index].size();
  full.evidence = v->evidence[index].data();
  full.evidence_count = v->evidence[index].size();
  std::memcpy(out, &full, std::min<size_t>(caller_size, sizeof full));
  out->struct_size = caller_size;
  return BG_OK;
}

bg_str api_verdict_json(const bg_verdict* v) { return v ? view(v->verdict->json) : bg_str{"", 0}; }

bg_status api_record_outcome(bg_engine* engine, const bg_outcome* outcome) {
  if (engine == nullptr) return BG_E_INVALID_ARGUMENT;
  return guarded(engine, [&] {
    bg_outcome o{};
    std::string error;
    auto status = bg::read_versioned(outcome, sizeof o, sizeof o, &o, error);
    if (status == bg::Status::ok && (!valid(o.event_id) || !valid(o.justification))) {
      error = "a bg_str has data NULL and a non-zero size";
      status = bg::Status::invalid_argument;
    }
    if (status == bg::Status::ok && (o.kind < BG_OUTCOME_SENT || o.kind > BG_OUTCOME_SENT_ANYWAY)) {
      error = "kind must be one of BG_OUTCOME_SENT, _EDITED, _CANCELLED or _SENT_ANYWAY";
      status = bg::Status::invalid_argument;
    }
    if (status == bg::Status::ok) {
      bg::OutcomeEntry entry;
      entry.event_id = copy(o.event_id);
      entry.kind = static_cast<bg::OutcomeKind>(o.kind);
      entry.justification = copy(o.justification);
      entry.at = o.at_ms != 0 ? bg::Instant{std::chrono::milliseconds{o.at_ms}}
                              : std::chrono::time_point_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now());
      status = engine->engine->record_outcome(entry, error);
    }
    engine->set_error(status == bg::Status::ok ? std::string{} : error);
    return code(status);
  });
}

bg_status api_reload_policy(bg_engine* engine, bg_str path) {
  if (engine == nullptr) return BG_E_INVALID_ARGUMENT;
  return guarded(engine, [&] {
    if (!valid(path)) {
      engine->set_error("policy_path has data NULL and a non-zero size");
      return BG_E_INVALID_ARGUMENT;
    }
    std::string error;
    const auto status = engine->engine->reload_policy(copy(path), error);
    engine->set_error(error);
    return code(status);
  });
}

bg_status api_policy_watch_status(bg_engine* engine) {
  if (engine == nullptr) return BG_E_INVALID_ARGUMENT;
  return guarded(engine, [&] {
    std::string error;
    const auto status = engine->engine->policy_watch_status(error);
    engine->set_error(error);
    return code(status);
  });
}

bg_status api_flush(bg_engine* engine) {
  if (engine == nullptr) return BG_E_INVALID_ARGUMENT;
  return guarded(engine, [&] {
    std::string error;
    const auto status = engine->engine->flush(error);
    engine->set_error(error);
    return code(status);
  });
}

bg_str api_text_view(const bg_text* t) { return t ? view(t->text) : bg_str{"", 0}; }

void api_text_free(bg_text* t) { delete t; }

// Runs a policy tool that writes a report; no exception escapes.
template <typename Tool>
bg_status report_tool(bg_text** report, Tool&& tool) noexcept {
  if (report == nullptr) return BG_E_INVALID_ARGUMENT;
  *report = nullptr;
  try {
    auto text = std::make_unique<bg_text>();
    const bg_status status = tool(text->text);
    *report = text.release();
    return status;
  } catch (const std::bad_alloc&) {
    return BG_E_NO_MEMORY;
  } catch (const std::exception& e) {
    *report = new (std::nothrow) bg_text{std::string{"internal error: "} + e.what()};
    return BG_E_INTERNAL;
  } catch (...) {
    return BG_E_INTERNAL;
  }
}

// Reads the format argument: "text" (or empty) is false, "json" is true.
bool read_format(bg_str format, bool& json) {
  const std::string f = copy(format);
  json = f == "json";
  return f.empty() || f == "text" || f == "json";
}

bg_status api_policy_check(bg_str path, bg_str format, bg_text** report) {
  return report_tool(report, [&](std::string& out) -> bg_status {
    bool json = false;
    if (!valid(path) || !valid(format) || !read_format(format, json)) {
      out = "format must be \"text\" or \"json\"";
      return BG_E_INVALID_ARGUMENT;
    }
    const auto result = bg::load_policy(copy(path));
    out = json ? bg::render_problems_json(result.problems)
               : bg::render_problems_text(result.problems);
    return result.policy ? BG_OK : BG_E_POLICY;
  });
}

bg_status api_policy_explain(bg_str path, bg_str rule_id, bg_str format, bg_text** report) {
  return report_tool(report, [&](std::string& out) -> bg_status {
    bool json = false;
    if (!valid(path) || !valid(rule_id) || !valid(format) || !read_format(format, json)) {
      out = "format must be \"text\" or \"json\"";
      return BG_E_INVALID_ARGUMENT;
    }
    const auto result = bg::load_policy(copy(path));
    if (!result.policy) {
      out = json ? bg::render_problems_json(result.problems)
                 : bg::render_problems_text(result.problems);
      return BG_E_POLICY;
    }
    const std::string id = copy(rule_id);
    out = json ? bg::explain_policy_json(*result.policy, id)
               : bg::explain_policy_text(*result.policy, id);
    if (out.empty()) {
      out = "no rule \"" + id + "\" in this policy";
      return BG_E_NOT_FOUND;
    }
    return BG_OK;
  });
}

bg_status api_policy_test(bg_str path, bg_str format, bg_text** report) {
  return report_tool(report, [&](std::string& out) -> bg_status {
    bool json = false;
    if (!valid(path) || !valid(format) || !read_format(format, json)) {
      out = "format must be \"text\" or \"json\"";
      return BG_E_INVALID_ARGUMENT;
    }
    const auto result = bg::run_policy_tests(copy(path));
    out = json ? result.render_json() : result.render_text();
    return result.ok() ? BG_OK : BG_E_POLICY;
  });
}

// Runs an adapter that writes two texts (events or verdicts, and a report); no exception
// escapes. On a failure before the adapter ran, `output` is "" and `report` says why.
template <typename Adapter>
bg_status adapter_tool(const bg_engine* engine, bg_text** output, bg_text** report,
                       Adapter&& adapter) noexcept {
  if (output == nullptr || report == nullptr) return BG_E_INVALID_ARGUMENT;
  *output = nullptr;
  *report = nullptr;
  try {
    auto out = std::make_unique<bg_text>();
    auto rep = std::make_unique<bg_text>();
    bg::adapters::ServiceResult result = adapter();
    out->text = std::move(result.output);
    rep->text = std::move(result.report);
    if (engine != nullptr) engine->set_error(result.error);
    *output = out.release();
    *report = rep.release();
    return code(result.status);
  } catch (const std::bad_alloc&) {
    return BG_E_NO_MEMORY;
  } catch (const std::exception& e) {
    const std::string message = std::string{"internal error: "} + e.what();
    *output = new (std::nothrow) bg_text{};
    *report = new (std::nothrow) bg_text{message};
    if (engine != nullptr) {
      try {
        engine->set_error(message);
      } catch (...) {
      }
    }
    return BG_E_INTERNAL;
  } catch (...) {
    return BG_E_INTERNAL;
  }
}

bg::adapters::ServiceResult bad_string() {
  bg::adapters::ServiceResult result;
  result.status = bg::Status::invalid_argument;
  result.report = result.error = "a bg_str has data NULL and a non-zero size";
  return result;
}

bg_status api_convert(bg_str format, bg_str mapping_path, bg_str input, bg_str options_json,
                      bg_text** events, bg_text** report) {
  return adapter_tool(nullptr, events, report, [&] {
    if (!valid(format) || !valid(mapping_path) || !valid(input) || !valid(options_json)) {
      return bad_string();
    }
    return bg::adapters::convert_input(copy(format), copy(mapping_path), {input.data, input.size},
                                       {options_json.data, options_json.size});
  });
}

bg_status api_evaluate_fhir(bg_engine* engine, bg_str mapping_path, bg_str fhir_json,
                            bg_text** verdicts, bg_text** report) {
  if (engine == nullptr) {
    if (verdicts != nullptr) *verdicts = nullptr;
    if (report != nullptr) *report = nullptr;
    return BG_E_INVALID_ARGUMENT;
  }
  return adapter_tool(engine, verdicts, report, [&] {
    if (!valid(mapping_path) || !valid(fhir_json)) return bad_string();
    return bg::adapters::evaluate_fhir(*engine->engine, copy(mapping_path),
                                       {fhir_json.data, fhir_json.size});
  });
}

constexpr bg_api kApi = {
    sizeof(bg_api),
    BG_ABI_MAJOR,
    BG_ABI_MINOR,
    api_version,
    api_engine_open,
    api_engine_close,
    api_last_error,
    api_evaluate_json,
    api_evaluate_struct,
    api_verdict_free,
    api_verdict_event_id,
    api_verdict_decision,
    api_verdict_notice,
    api_verdict_audit_id,
    api_verdict_finding_count,
    api_verdict_finding,
    api_verdict_json,
    api_record_outcome,
    api_reload_policy,
    api_flush,
    api_text_view,
    api_text_free,
    api_policy_check,
    api_policy_explain,
    api_policy_test,
    api_convert,
    api_evaluate_fhir,
    bg::abi::audit_verify,
    bg::abi::audit_list,
    bg::abi::audit_show,
    bg::abi::audit_resolve,
    bg::abi::audit_export,
    bg::abi::audit_bundle,
    bg::abi::audit_stats,
    bg::abi::audit_purge,
    api_policy_watch_status,
};

}  // namespace

extern "C" BG_EXPORT const bg_api* bg_plugin_get_api(uint32_t abi_major) {
  bg::pin_caching_libraries();
  return abi_major == BG_ABI_MAJOR ? &kApi : nullptr;
}
