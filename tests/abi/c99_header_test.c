/*
 * The public header as a strict C99 compiler sees it. This file is built with
 * -std=c99 -Wall -Wextra -Wpedantic -Werror, so the build fails if boundary_guard.h stops being
 * C99. It names every type and macro of the header, and pins the ABI 1.0 layout on LP64
 * platforms: a field moved, removed or resized breaks the build or this test.
 *
 * Run without arguments it checks the values of the macros and the layout and exits 0.
 * Run with --layout it prints "sizeof <struct> <n>" and "offsetof <struct> <field> <n>" for
 * every struct, which the Python host compares with its ctypes definitions. The opaque bg_text
 * (ABI 1.1) is named too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "boundary_guard/boundary_guard.h"

/* Compile-time checks (C99 has no _Static_assert). */
#define BG_CHECK(name, condition) typedef char bg_check_##name[(condition) ? 1 : -1]

BG_CHECK(abi_major, BG_ABI_MAJOR == 1u);
BG_CHECK(abi_minor_known, BG_ABI_MINOR >= 1u);
BG_CHECK(status_is_int32, sizeof(bg_status) == 4);
BG_CHECK(decision_is_int32, sizeof(bg_decision) == 4);
BG_CHECK(severity_is_int32, sizeof(bg_severity) == 4);
BG_CHECK(role_is_int32, sizeof(bg_role) == 4);
BG_CHECK(event_type_is_int32, sizeof(bg_event_type) == 4);
BG_CHECK(outcome_kind_is_int32, sizeof(bg_outcome_kind) == 4);
/* Every input struct and the table start with struct_size. */
BG_CHECK(config_size_first, offsetof(bg_engine_config, struct_size) == 0);
BG_CHECK(therapist_size_first, offsetof(bg_therapist_event, struct_size) == 0);
BG_CHECK(client_size_first, offsetof(bg_client_event, struct_size) == 0);
BG_CHECK(extension_size_first, offsetof(bg_extension_event, struct_size) == 0);
BG_CHECK(message_size_first, offsetof(bg_message_event, struct_size) == 0);
BG_CHECK(appointment_size_first, offsetof(bg_appointment_event, struct_size) == 0);
BG_CHECK(social_size_first, offsetof(bg_social_event, struct_size) == 0);
BG_CHECK(payment_size_first, offsetof(bg_payment_event, struct_size) == 0);
BG_CHECK(finding_size_first, offsetof(bg_finding, struct_size) == 0);
BG_CHECK(outcome_size_first, offsetof(bg_outcome, struct_size) == 0);
BG_CHECK(api_size_first, offsetof(bg_api, struct_size) == 0);

#if defined(__LP64__) || defined(_LP64)
/* The ABI 1.0 layout on LP64 (x86_64, aarch64). Structs only grow at the end: a new field
   changes a sizeof here (update it), never an offset. */
BG_CHECK(str_layout, sizeof(bg_str) == 16 && offsetof(bg_str, size) == 8);
BG_CHECK(config_layout, sizeof(bg_engine_config) == 56 &&
                            offsetof(bg_engine_config, policy_path) == 8 &&
                            offsetof(bg_engine_config, audit_path) == 24 &&
                            offsetof(bg_engine_config, options_json) == 40);
BG_CHECK(party_layout, sizeof(bg_party) == 24 && offsetof(bg_party, id) == 8);
BG_CHECK(therapist_layout, sizeof(bg_therapist_event) == 64 &&
                               offsetof(bg_therapist_event, id) == 8 &&
                               offsetof(bg_therapist_event, time_zone) == 24 &&
                               offsetof(bg_therapist_event, supervisor) == 40 &&
                               offsetof(bg_therapist_event, hours_mon_to_sun) == 56);
BG_CHECK(client_layout, sizeof(bg_client_event) == 88 && offsetof(bg_client_event, id) == 8 &&
                            offsetof(bg_client_event, therapist) == 24 &&
                            offsetof(bg_client_event, time_zone) == 40 &&
                            offsetof(bg_client_event, status) == 56 &&
                            offsetof(bg_client_event, terminated_on) == 72);
BG_CHECK(extension_layout, sizeof(bg_extension_event) == 136 &&
                               offsetof(bg_extension_event, id) == 8 &&
                               offsetof(bg_extension_event, therapist) == 24 &&
                               offsetof(bg_extension_event, client) == 40 &&
                               offsetof(bg_extension_event, covers) == 56 &&
                               offsetof(bg_extension_event, covers_count) == 64 &&
                               offsetof(bg_extension_event, reason) == 72 &&
                               offsetof(bg_extension_event, approved_by) == 88 &&
                               offsetof(bg_extension_event, from) == 104 &&
                               offsetof(bg_extension_event, until) == 120);
BG_CHECK(message_layout,
         sizeof(bg_message_event) == 128 && offsetof(bg_message_event, id) == 8 &&
             offsetof(bg_message_event, at_ms) == 24 && offsetof(bg_message_event, from) == 32 &&
             offsetof(bg_message_event, to) == 56 && offsetof(bg_message_event, channel) == 80 &&
             offsetof(bg_message_event, text) == 96 && offsetof(bg_message_event, platform) == 112);
BG_CHECK(appointment_layout, sizeof(bg_appointment_event) == 152 &&
                                 offsetof(bg_appointment_event, id) == 8 &&
                                 offsetof(bg_appointment_event, action) == 24 &&
                                 offsetof(bg_appointment_event, start_ms) == 40 &&
                                 offsetof(bg_appointment_event, end_ms) == 48 &&
                                 offsetof(bg_appointment_event, therapist) == 56 &&
                                 offsetof(bg_appointment_event, client) == 72 &&
                                 offsetof(bg_appointment_event, location_kind) == 88 &&
                                 offsetof(bg_appointment_event, location_name) == 104 &&
                                 offsetof(bg_appointment_event, location_address) == 120 &&
                                 offsetof(bg_appointment_event, service) == 136);
BG_CHECK(social_layout,
         sizeof(bg_social_event) == 112 && offsetof(bg_social_event, id) == 8 &&
             offsetof(bg_social_event, at_ms) == 24 && offsetof(bg_social_event, platform) == 32 &&
             offsetof(bg_social_event, action) == 48 && offsetof(bg_social_event, actor) == 64 &&
             offsetof(bg_social_event, target) == 88);
BG_CHECK(payment_layout,
         sizeof(bg_payment_event) == 136 && offsetof(bg_payment_event, id) == 8 &&
             offsetof(bg_payment_event, at_ms) == 24 && offsetof(bg_payment_event, from) == 32 &&
             offsetof(bg_payment_event, to) == 56 && offsetof(bg_payment_event, kind) == 80 &&
             offsetof(bg_payment_event, amount_value) == 96 &&
             offsetof(bg_payment_event, amount_currency) == 104 &&
             offsetof(bg_payment_event, description) == 120);
BG_CHECK(evidence_layout, sizeof(bg_evidence) == 24 && offsetof(bg_evidence, end) == 4 &&
                              offsetof(bg_evidence, text) == 8);
BG_CHECK(finding_layout,
         sizeof(bg_finding) == 128 && offsetof(bg_finding, rule) == 8 &&
             offsetof(bg_finding, category) == 24 && offsetof(bg_finding, severity) == 40 &&
             offsetof(bg_finding, decision) == 44 && offsetof(bg_finding, explanation) == 48 &&
             offsetof(bg_finding, notice) == 64 && offsetof(bg_finding, suppressed_by) == 80 &&
             offsetof(bg_finding, citations) == 96 && offsetof(bg_finding, citation_count) == 104 &&
             offsetof(bg_finding, evidence) == 112 && offsetof(bg_finding, evidence_count) == 120);
BG_CHECK(outcome_layout, sizeof(bg_outcome) == 56 && offsetof(bg_outcome, event_id) == 8 &&
                             offsetof(bg_outcome, kind) == 24 &&
                             offsetof(bg_outcome, justification) == 32 &&
                             offsetof(bg_outcome, at_ms) == 48);
/* bg_api is append-only: the 1.0 pointers never move; each minor appends after them. The
   checks for a minor are compiled when the header declares it. */
BG_CHECK(api_layout_1_0,
         offsetof(bg_api, abi_major) == 4 && offsetof(bg_api, abi_minor) == 8 &&
             offsetof(bg_api, version) == 16 && offsetof(bg_api, engine_open) == 24 &&
             offsetof(bg_api, engine_close) == 32 && offsetof(bg_api, last_error) == 40 &&
             offsetof(bg_api, evaluate_json) == 48 && offsetof(bg_api, evaluate_struct) == 56 &&
             offsetof(bg_api, verdict_free) == 64 && offsetof(bg_api, verdict_event_id) == 72 &&
             offsetof(bg_api, verdict_decision) == 80 && offsetof(bg_api, verdict_notice) == 88 &&
             offsetof(bg_api, verdict_audit_id) == 96 &&
             offsetof(bg_api, verdict_finding_count) == 104 &&
             offsetof(bg_api, verdict_finding) == 112 && offsetof(bg_api, verdict_json) == 120 &&
             offsetof(bg_api, record_outcome) == 128 && offsetof(bg_api, reload_policy) == 136 &&
             offsetof(bg_api, flush) == 144);
BG_CHECK(api_layout_1_1, offsetof(bg_api, text_view) == 152 && offsetof(bg_api, text_free) == 160 &&
                             offsetof(bg_api, policy_check) == 168 &&
                             offsetof(bg_api, policy_explain) == 176 &&
                             offsetof(bg_api, policy_test) == 184 && sizeof(bg_api) >= 192);
#if BG_ABI_MINOR >= 2
BG_CHECK(api_layout_1_2, offsetof(bg_api, convert) == 192 &&
                             offsetof(bg_api, evaluate_fhir) == 200 && sizeof(bg_api) >= 208);
#endif
#if BG_ABI_MINOR >= 3
BG_CHECK(disposition_layout,
         sizeof(bg_disposition) == 88 && offsetof(bg_disposition, audit_id) == 8 &&
             offsetof(bg_disposition, kind) == 24 && offsetof(bg_disposition, by) == 32 &&
             offsetof(bg_disposition, note) == 48 && offsetof(bg_disposition, reason) == 64 &&
             offsetof(bg_disposition, at_ms) == 80);
BG_CHECK(api_layout_1_3,
         offsetof(bg_api, audit_verify) == 208 && offsetof(bg_api, audit_list) == 216 &&
             offsetof(bg_api, audit_show) == 224 && offsetof(bg_api, audit_resolve) == 232 &&
             offsetof(bg_api, audit_export) == 240 && offsetof(bg_api, audit_bundle) == 248 &&
             offsetof(bg_api, audit_stats) == 256 && offsetof(bg_api, audit_purge) == 264 &&
             sizeof(bg_api) >= 272);
BG_CHECK(api_layout_1_4, offsetof(bg_api, policy_watch_status) == 272 && sizeof(bg_api) >= 280);
#endif
#endif

/* The function-pointer type of the one exported symbol, and a declaration using BG_EXPORT. */
static bg_plugin_get_api_fn g_get_api = NULL;
BG_EXPORT const bg_api* bg_c99_header_test_unused(uint32_t abi_major);
const bg_api* bg_c99_header_test_unused(uint32_t abi_major) {
  return g_get_api != NULL ? g_get_api(abi_major) : NULL;
}

static int g_failures = 0;

static void check(int condition, const char* what) {
  if (!condition) {
    ++g_failures;
    fprintf(stderr, "FAIL: %s\n", what);
  }
}

#define PRINT_SIZE(T) printf("sizeof %s %lu\n", #T, (unsigned long)sizeof(T))
#define PRINT_OFFSET(T, F) printf("offsetof %s %s %lu\n", #T, #F, (unsigned long)offsetof(T, F))

static void print_layout(void) {
  PRINT_SIZE(bg_str);
  PRINT_OFFSET(bg_str, data);
  PRINT_OFFSET(bg_str, size);
  PRINT_SIZE(bg_engine_config);
  PRINT_OFFSET(bg_engine_config, struct_size);
  PRINT_OFFSET(bg_engine_config, policy_path);
  PRINT_OFFSET(bg_engine_config, audit_path);
  PRINT_OFFSET(bg_engine_config, options_json);
  PRINT_SIZE(bg_party);
  PRINT_OFFSET(bg_party, role);
  PRINT_OFFSET(bg_party, id);
  PRINT_SIZE(bg_therapist_event);
  PRINT_OFFSET(bg_therapist_event, struct_size);
  PRINT_OFFSET(bg_therapist_event, id);
  PRINT_OFFSET(bg_therapist_event, time_zone);
  PRINT_OFFSET(bg_therapist_event, supervisor);
  PRINT_OFFSET(bg_therapist_event, hours_mon_to_sun);
  PRINT_SIZE(bg_client_event);
  PRINT_OFFSET(bg_client_event, struct_size);
  PRINT_OFFSET(bg_client_event, id);
  PRINT_OFFSET(bg_client_event, therapist);
  PRINT_OFFSET(bg_client_event, time_zone);
  PRINT_OFFSET(bg_client_event, status);
  PRINT_OFFSET(bg_client_event, terminated_on);
  PRINT_SIZE(bg_extension_event);
  PRINT_OFFSET(bg_extension_event, struct_size);
  PRINT_OFFSET(bg_extension_event, id);
  PRINT_OFFSET(bg_extension_event, therapist);
  PRINT_OFFSET(bg_extension_event, client);
  PRINT_OFFSET(bg_extension_event, covers);
  PRINT_OFFSET(bg_extension_event, covers_count);
  PRINT_OFFSET(bg_extension_event, reason);
  PRINT_OFFSET(bg_extension_event, approved_by);
  PRINT_OFFSET(bg_extension_event, from);
  PRINT_OFFSET(bg_extension_event, until);
  PRINT_SIZE(bg_message_event);
  PRINT_OFFSET(bg_message_event, struct_size);
  PRINT_OFFSET(bg_message_event, id);
  PRINT_OFFSET(bg_message_event, at_ms);
  PRINT_OFFSET(bg_message_event, from);
  PRINT_OFFSET(bg_message_event, to);
  PRINT_OFFSET(bg_message_event, channel);
  PRINT_OFFSET(bg_message_event, text);
  PRINT_OFFSET(bg_message_event, platform);
  PRINT_SIZE(bg_appointment_event);
  PRINT_OFFSET(bg_appointment_event, struct_size);
  PRINT_OFFSET(bg_appointment_event, id);
  PRINT_OFFSET(bg_appointment_event, action);
  PRINT_OFFSET(bg_appointment_event, start_ms);
  PRINT_OFFSET(bg_appointment_event, end_ms);
  PRINT_OFFSET(bg_appointment_event, therapist);
  PRINT_OFFSET(bg_appointment_event, client);
  PRINT_OFFSET(bg_appointment_event, location_kind);
  PRINT_OFFSET(bg_appointment_event, location_name);
  PRINT_OFFSET(bg_appointment_event, location_address);
  PRINT_OFFSET(bg_appointment_event, service);
  PRINT_SIZE(bg_social_event);
  PRINT_OFFSET(bg_social_event, struct_size);
  PRINT_OFFSET(bg_social_event, id);
  PRINT_OFFSET(bg_social_event, at_ms);
  PRINT_OFFSET(bg_social_event, platform);
  PRINT_OFFSET(bg_social_event, action);
  PRINT_OFFSET(bg_social_event, actor);
  PRINT_OFFSET(bg_social_event, target);
  PRINT_SIZE(bg_payment_event);
  PRINT_OFFSET(bg_payment_event, struct_size);
  PRINT_OFFSET(bg_payment_event, id);
  PRINT_OFFSET(bg_payment_event, at_ms);
  PRINT_OFFSET(bg_payment_event, from);
  PRINT_OFFSET(bg_payment_event, to);
  PRINT_OFFSET(bg_payment_event, kind);
  PRINT_OFFSET(bg_payment_event, amount_value);
  PRINT_OFFSET(bg_payment_event, amount_currency);
  PRINT_OFFSET(bg_payment_event, description);
  PRINT_SIZE(bg_evidence);
  PRINT_OFFSET(bg_evidence, start);
  PRINT_OFFSET(bg_evidence, end);
  PRINT_OFFSET(bg_evidence, text);
  PRINT_SIZE(bg_finding);
  PRINT_OFFSET(bg_finding, struct_size);
  PRINT_OFFSET(bg_finding, rule);
  PRINT_OFFSET(bg_finding, category);
  PRINT_OFFSET(bg_finding, severity);
  PRINT_OFFSET(bg_finding, decision);
  PRINT_OFFSET(bg_finding, explanation);
  PRINT_OFFSET(bg_finding, notice);
  PRINT_OFFSET(bg_finding, suppressed_by);
  PRINT_OFFSET(bg_finding, citations);
  PRINT_OFFSET(bg_finding, citation_count);
  PRINT_OFFSET(bg_finding, evidence);
  PRINT_OFFSET(bg_finding, evidence_count);
  PRINT_SIZE(bg_outcome);
  PRINT_OFFSET(bg_outcome, struct_size);
  PRINT_OFFSET(bg_outcome, event_id);
  PRINT_OFFSET(bg_outcome, kind);
  PRINT_OFFSET(bg_outcome, justification);
  PRINT_OFFSET(bg_outcome, at_ms);
  PRINT_SIZE(bg_api);
  PRINT_OFFSET(bg_api, struct_size);
  PRINT_OFFSET(bg_api, abi_major);
  PRINT_OFFSET(bg_api, abi_minor);
  PRINT_OFFSET(bg_api, version);
  PRINT_OFFSET(bg_api, engine_open);
  PRINT_OFFSET(bg_api, engine_close);
  PRINT_OFFSET(bg_api, last_error);
  PRINT_OFFSET(bg_api, evaluate_json);
  PRINT_OFFSET(bg_api, evaluate_struct);
  PRINT_OFFSET(bg_api, verdict_free);
  PRINT_OFFSET(bg_api, verdict_event_id);
  PRINT_OFFSET(bg_api, verdict_decision);
  PRINT_OFFSET(bg_api, verdict_notice);
  PRINT_OFFSET(bg_api, verdict_audit_id);
  PRINT_OFFSET(bg_api, verdict_finding_count);
  PRINT_OFFSET(bg_api, verdict_finding);
  PRINT_OFFSET(bg_api, verdict_json);
  PRINT_OFFSET(bg_api, record_outcome);
  PRINT_OFFSET(bg_api, reload_policy);
  PRINT_OFFSET(bg_api, flush);
  PRINT_OFFSET(bg_api, text_view);
  PRINT_OFFSET(bg_api, text_free);
  PRINT_OFFSET(bg_api, policy_check);
  PRINT_OFFSET(bg_api, policy_explain);
  PRINT_OFFSET(bg_api, policy_test);
#if BG_ABI_MINOR >= 2
  PRINT_OFFSET(bg_api, convert);
  PRINT_OFFSET(bg_api, evaluate_fhir);
#endif
#if BG_ABI_MINOR >= 3
  PRINT_OFFSET(bg_api, audit_verify);
  PRINT_OFFSET(bg_api, audit_list);
  PRINT_OFFSET(bg_api, audit_show);
  PRINT_OFFSET(bg_api, audit_resolve);
  PRINT_OFFSET(bg_api, audit_export);
  PRINT_OFFSET(bg_api, audit_bundle);
  PRINT_OFFSET(bg_api, audit_stats);
  PRINT_OFFSET(bg_api, audit_purge);
  PRINT_OFFSET(bg_api, policy_watch_status);
  PRINT_SIZE(bg_disposition);
  PRINT_OFFSET(bg_disposition, struct_size);
  PRINT_OFFSET(bg_disposition, audit_id);
  PRINT_OFFSET(bg_disposition, kind);
  PRINT_OFFSET(bg_disposition, by);
  PRINT_OFFSET(bg_disposition, note);
  PRINT_OFFSET(bg_disposition, reason);
  PRINT_OFFSET(bg_disposition, at_ms);
#endif
}

int main(int argc, char** argv) {
  /* Every type of the header, initialised the way a C99 host would. */
  static const bg_str kHours[7] = {{"08:00-18:00", 11},
                                   {"08:00-18:00", 11},
                                   {"08:00-18:00", 11},
                                   {"08:00-18:00", 11},
                                   {"08:00-18:00", 11},
                                   {NULL, 0},
                                   {NULL, 0}};
  bg_engine* engine = NULL;
  bg_verdict* verdict = NULL;
  bg_text* report = NULL;
  bg_engine_config config;
  bg_party party;
  bg_therapist_event therapist;
  bg_client_event client;
  bg_extension_event extension;
  bg_message_event message;
  bg_appointment_event appointment;
  bg_social_event social;
  bg_payment_event payment;
  bg_evidence evidence;
  bg_finding finding;
  bg_outcome outcome;
  bg_api api;
  const bg_status statuses[] = {
      BG_OK,          BG_E_INVALID_ARGUMENT, BG_E_BAD_EVENT, BG_E_POLICY,  BG_E_AUDIT,
      BG_E_NOT_FOUND, BG_E_UNSUPPORTED,      BG_E_NO_MEMORY, BG_E_INTERNAL};
  const bg_decision decisions[] = {BG_DECISION_ALLOW, BG_DECISION_WARN, BG_DECISION_HOLD,
                                   BG_DECISION_BLOCK};
  const bg_severity severities[] = {BG_SEVERITY_INFO, BG_SEVERITY_LOW, BG_SEVERITY_MEDIUM,
                                    BG_SEVERITY_HIGH, BG_SEVERITY_CRITICAL};
  const bg_role roles[] = {BG_ROLE_THERAPIST, BG_ROLE_CLIENT};
  const bg_event_type types[] = {BG_EVENT_THERAPIST, BG_EVENT_CLIENT,      BG_EVENT_EXTENSION,
                                 BG_EVENT_MESSAGE,   BG_EVENT_APPOINTMENT, BG_EVENT_SOCIAL,
                                 BG_EVENT_PAYMENT};
  const bg_outcome_kind outcomes[] = {BG_OUTCOME_SENT, BG_OUTCOME_EDITED, BG_OUTCOME_CANCELLED,
                                      BG_OUTCOME_SENT_ANYWAY};
  size_t i;

  if (argc > 1 && strcmp(argv[1], "--layout") == 0) {
    print_layout();
    return 0;
  }

  /* Stable values: hosts compile them in. */
  for (i = 0; i < sizeof statuses / sizeof statuses[0]; ++i) {
    check(statuses[i] == (bg_status)i, "bg_status values are 0..8 in order");
  }
  for (i = 0; i < sizeof decisions / sizeof decisions[0]; ++i) {
    check(decisions[i] == (bg_decision)i, "bg_decision values are 0..3, least restrictive first");
  }
  for (i = 0; i < sizeof severities / sizeof severities[0]; ++i) {
    check(severities[i] == (bg_severity)i, "bg_severity values are 0..4, least severe first");
  }
  check(roles[0] == 1 && roles[1] == 2, "bg_role values are 1 and 2");
  for (i = 0; i < sizeof types / sizeof types[0]; ++i) {
    check(types[i] == (bg_event_type)(i + 1), "bg_event_type values are 1..7 in schema order");
  }
  for (i = 0; i < sizeof outcomes / sizeof outcomes[0]; ++i) {
    check(outcomes[i] == (bg_outcome_kind)(i + 1), "bg_outcome_kind values are 1..4");
  }

  memset(&config, 0, sizeof config);
  config.struct_size = (uint32_t)sizeof config;
  config.policy_path.data = "";
  memset(&party, 0, sizeof party);
  party.role = BG_ROLE_THERAPIST;
  memset(&therapist, 0, sizeof therapist);
  therapist.struct_size = (uint32_t)sizeof therapist;
  therapist.hours_mon_to_sun = kHours;
  memset(&client, 0, sizeof client);
  client.struct_size = (uint32_t)sizeof client;
  memset(&extension, 0, sizeof extension);
  extension.struct_size = (uint32_t)sizeof extension;
  extension.covers = kHours;
  extension.covers_count = 0;
  memset(&message, 0, sizeof message);
  message.struct_size = (uint32_t)sizeof message;
  message.from = party;
  message.to = party;
  message.at_ms = INT64_C(1772687700000);
  memset(&appointment, 0, sizeof appointment);
  appointment.struct_size = (uint32_t)sizeof appointment;
  memset(&social, 0, sizeof social);
  social.struct_size = (uint32_t)sizeof social;
  social.actor = party;
  memset(&payment, 0, sizeof payment);
  payment.struct_size = (uint32_t)sizeof payment;
  payment.amount_value = 25.0;
  memset(&evidence, 0, sizeof evidence);
  memset(&finding, 0, sizeof finding);
  finding.struct_size = (uint32_t)sizeof finding;
  finding.evidence = &evidence;
  memset(&outcome, 0, sizeof outcome);
  outcome.struct_size = (uint32_t)sizeof outcome;
  outcome.kind = BG_OUTCOME_SENT_ANYWAY;
  memset(&api, 0, sizeof api);
  api.struct_size = (uint32_t)sizeof api;
  api.abi_major = BG_ABI_MAJOR;
  api.abi_minor = BG_ABI_MINOR;

  check(engine == NULL && verdict == NULL && report == NULL, "opaque handles are plain pointers");
  check(g_get_api == NULL && bg_c99_header_test_unused(BG_ABI_MAJOR) == NULL,
        "bg_plugin_get_api_fn is callable through a pointer");
  check(therapist.hours_mon_to_sun[6].data == NULL, "hours are a pointer to 7 bg_str");
  check(api.abi_major == 1u, "BG_ABI_MAJOR");
#if BG_ABI_MINOR >= 3
  {
    const bg_disposition_kind kinds[] = {
        BG_DISPOSITION_ACKNOWLEDGED, BG_DISPOSITION_DISCUSSED_IN_SUPERVISION,
        BG_DISPOSITION_FALSE_POSITIVE, BG_DISPOSITION_ESCALATED, BG_DISPOSITION_REPORTED_TO_BOARD};
    bg_disposition disposition;
    memset(&disposition, 0, sizeof disposition);
    disposition.struct_size = (uint32_t)sizeof disposition;
    disposition.kind = BG_DISPOSITION_FALSE_POSITIVE;
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; ++i) {
      check(kinds[i] == (bg_disposition_kind)(i + 1), "bg_disposition_kind values are 1..5");
    }
    check(disposition.kind == 3, "bg_disposition");
  }
#endif
  check(api.text_view == NULL && api.policy_test == NULL, "1.1 pointers are part of bg_api");

  if (g_failures > 0) return 1;
  printf("boundary_guard.h: C99 types, macros and the ABI 1.x layout check out\n");
  return 0;
}
