/* A fake plugin that holds every event, whoever sent it: a real plugin never holds a client's
 * message, so this is how the eval tests see `boundaryctl eval` catch one (exit 1). Every
 * verdict has decision `hold` and one unsuppressed `off_hours` finding from rule
 * "fake-hold-everything". It keeps no state and implements only the ABI 1.0 table. */
#include <stddef.h>
#include <string.h>

#include "boundary_guard/boundary_guard.h"

struct bg_engine {
  int unused;
};
struct bg_verdict {
  int unused;
};

static bg_engine the_engine;
static bg_verdict the_verdict;

static bg_str text(const char* s) {
  bg_str out;
  out.data = s;
  out.size = strlen(s);
  return out;
}

static const char* fake_version(void) { return "0.0.0-holding"; }

static bg_status fake_engine_open(const bg_engine_config* config, bg_engine** out, char* error_buf,
                                  size_t error_buf_size) {
  (void)config;
  (void)error_buf;
  (void)error_buf_size;
  *out = &the_engine;
  return BG_OK;
}

static void fake_engine_close(bg_engine* engine) { (void)engine; }

static bg_str fake_last_error(const bg_engine* engine) {
  (void)engine;
  return text("");
}

static bg_status fake_evaluate_json(bg_engine* engine, bg_str event_json, bg_verdict** out) {
  (void)engine;
  (void)event_json;
  *out = &the_verdict;
  return BG_OK;
}

static bg_status fake_evaluate_struct(bg_engine* engine, bg_event_type type, const void* event,
                                      bg_verdict** out) {
  (void)engine;
  (void)type;
  (void)event;
  *out = &the_verdict;
  return BG_OK;
}

static void fake_verdict_free(bg_verdict* verdict) { (void)verdict; }

static bg_str fake_verdict_event_id(const bg_verdict* verdict) {
  (void)verdict;
  return text("");
}

static bg_decision fake_verdict_decision(const bg_verdict* verdict) {
  (void)verdict;
  return BG_DECISION_HOLD;
}

static bg_str fake_verdict_empty(const bg_verdict* verdict) {
  (void)verdict;
  return text("");
}

static size_t fake_verdict_finding_count(const bg_verdict* verdict) {
  (void)verdict;
  return 1;
}

static bg_status fake_verdict_finding(const bg_verdict* verdict, size_t index, bg_finding* out) {
  (void)verdict;
  if (index != 0 || out == NULL) return BG_E_INVALID_ARGUMENT;
  out->rule = text("fake-hold-everything");
  out->category = text("off_hours");
  out->severity = BG_SEVERITY_MEDIUM;
  out->decision = BG_DECISION_HOLD;
  out->explanation = text("");
  out->notice = text("");
  out->suppressed_by = text("");
  out->citations = NULL;
  out->citation_count = 0;
  out->evidence = NULL;
  out->evidence_count = 0;
  return BG_OK;
}

static bg_str fake_verdict_json(const bg_verdict* verdict) {
  (void)verdict;
  return text("{\"event\":\"\",\"decision\":\"hold\",\"findings\":[]}");
}

static bg_status fake_record_outcome(bg_engine* engine, const bg_outcome* outcome) {
  (void)engine;
  (void)outcome;
  return BG_E_NOT_FOUND;
}

static bg_status fake_reload_policy(bg_engine* engine, bg_str policy_path) {
  (void)engine;
  (void)policy_path;
  return BG_OK;
}

static bg_status fake_flush(bg_engine* engine) {
  (void)engine;
  return BG_OK;
}

static const bg_api kTable = {
    .struct_size = offsetof(bg_api, flush) + sizeof(((bg_api*)NULL)->flush),
    .abi_major = 1,
    .abi_minor = 0,
    .version = fake_version,
    .engine_open = fake_engine_open,
    .engine_close = fake_engine_close,
    .last_error = fake_last_error,
    .evaluate_json = fake_evaluate_json,
    .evaluate_struct = fake_evaluate_struct,
    .verdict_free = fake_verdict_free,
    .verdict_event_id = fake_verdict_event_id,
    .verdict_decision = fake_verdict_decision,
    .verdict_notice = fake_verdict_empty,
    .verdict_audit_id = fake_verdict_empty,
    .verdict_finding_count = fake_verdict_finding_count,
    .verdict_finding = fake_verdict_finding,
    .verdict_json = fake_verdict_json,
    .record_outcome = fake_record_outcome,
    .reload_policy = fake_reload_policy,
    .flush = fake_flush,
};

BG_EXPORT const bg_api* bg_plugin_get_api(uint32_t abi_major) {
  return abi_major == 1 ? &kTable : NULL;
}
