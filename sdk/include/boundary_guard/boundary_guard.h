/*
 * Boundary Guard plugin ABI, version 1.
 *
 * The rules of this interface:
 *  - The plugin exports exactly one symbol, bg_plugin_get_api(). Every other entry point is a
 *    function pointer in the bg_api table it returns. The table is append-only: a minor version
 *    adds pointers at the end and never moves, removes or changes one. A host checks
 *    abi_minor (or struct_size) before using a pointer added after 1.0.
 *  - Handles (bg_engine, bg_verdict) are opaque. Each has one create and one destroy call.
 *  - Strings are UTF-8, passed as bg_str (pointer + length, not NUL-terminated on input).
 *    Strings the plugin hands out are also NUL-terminated for convenience; their lifetime is
 *    stated per function.
 *  - Input structs begin with `struct_size`, set by the caller to sizeof() of the struct it was
 *    compiled against. Structs only grow at the end. A caller that is older than the plugin
 *    passes a smaller size and the missing fields read as zero; a caller that is newer passes a
 *    larger size, and the plugin rejects the call with BG_E_UNSUPPORTED if any byte past the
 *    fields it knows is non-zero (a field it would otherwise silently ignore).
 *  - Every call returns a bg_status. On failure the engine keeps a message, readable with
 *    last_error(), that is valid until the calling thread's next call on that engine.
 *  - No C++ exception, signal or abort crosses this interface for any input. Internal failures
 *    come back as BG_E_INTERNAL with a message.
 *  - Unless a function says otherwise, functions taking a bg_engine may be called from many
 *    threads at once; bg_verdict handles belong to one thread at a time.
 *
 * The event and verdict JSON schemas are documented in docs/events.md; this ABI in docs/sdk.md.
 */
#ifndef BOUNDARY_GUARD_H
#define BOUNDARY_GUARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define BG_EXPORT __declspec(dllexport)
#else
#define BG_EXPORT __attribute__((visibility("default")))
#endif

#define BG_ABI_MAJOR 1u
#define BG_ABI_MINOR 4u

/* Status codes. Values are stable; new codes may be added. */
typedef int32_t bg_status;
#define BG_OK 0
#define BG_E_INVALID_ARGUMENT 1 /* a NULL handle, a bad enum value, an impossible struct size */
#define BG_E_BAD_EVENT 2        /* the event was rejected: last_error() names the field */
#define BG_E_POLICY 3           /* the policy could not be loaded; the previous one stays active */
#define BG_E_AUDIT 4            /* the audit log could not be opened or written */
#define BG_E_NOT_FOUND 5        /* e.g. an outcome for an event that was never flagged */
#define BG_E_UNSUPPORTED 6      /* a struct carries fields this plugin does not know */
#define BG_E_NO_MEMORY 7
#define BG_E_INTERNAL 8 /* a bug or an environment failure; a fail-safe verdict is returned */

/* A UTF-8 string view. `data` may be NULL only when `size` is 0. */
typedef struct bg_str {
  const char* data;
  size_t size;
} bg_str;

typedef struct bg_engine bg_engine;
typedef struct bg_verdict bg_verdict;
typedef struct bg_text bg_text; /* since 1.1: an owned UTF-8 text (a report) */

/* Decisions, least to most restrictive. */
typedef int32_t bg_decision;
#define BG_DECISION_ALLOW 0
#define BG_DECISION_WARN 1
#define BG_DECISION_HOLD 2
#define BG_DECISION_BLOCK 3

/* Severities, least to most severe. */
typedef int32_t bg_severity;
#define BG_SEVERITY_INFO 0
#define BG_SEVERITY_LOW 1
#define BG_SEVERITY_MEDIUM 2
#define BG_SEVERITY_HIGH 3
#define BG_SEVERITY_CRITICAL 4

/* ------------------------------------------------------------------------------------------ */
/* Engine configuration                                                                        */

typedef struct bg_engine_config {
  uint32_t struct_size;
  /* A policy file or folder. Empty: the default pack installed with the plugin. */
  bg_str policy_path;
  /* The audit database file. Empty: no audit log (for tests and dry runs only). */
  bg_str audit_path;
  /* Further options as a JSON object, empty for none. Keys are listed in docs/sdk.md, e.g.
     {"fail_mode":"closed","max_text_bytes":65536,"diagnostic_log":"/var/log/bg.log"}. */
  bg_str options_json;
} bg_engine_config;

/* ------------------------------------------------------------------------------------------ */
/* Events as C structs (the same schema v1 as the JSON form; see docs/events.md).            */
/* Times are milliseconds since 1970-01-01T00:00:00Z. Dates are "YYYY-MM-DD".                 */

typedef int32_t bg_role;
#define BG_ROLE_THERAPIST 1
#define BG_ROLE_CLIENT 2

typedef struct bg_party {
  bg_role role;
  bg_str id;
} bg_party;

typedef struct bg_therapist_event {
  uint32_t struct_size;
  bg_str id;
  bg_str time_zone; /* IANA zone, required */
  bg_str supervisor;
  /* Working hours for Monday..Sunday, each a comma-separated list of "HH:MM-HH:MM" ranges,
     empty for a day off. NULL: the policy's default hours. */
  const bg_str* hours_mon_to_sun;
} bg_therapist_event;

typedef struct bg_client_event {
  uint32_t struct_size;
  bg_str id;
  bg_str therapist;
  bg_str time_zone;     /* empty: the therapist's zone */
  bg_str status;        /* "active" or "terminated" */
  bg_str terminated_on; /* date, required when status is "terminated" */
} bg_client_event;

typedef struct bg_extension_event {
  uint32_t struct_size;
  bg_str id;
  bg_str therapist;
  bg_str client;
  const bg_str* covers; /* category names */
  size_t covers_count;
  bg_str reason;
  bg_str approved_by;
  bg_str from;  /* date, inclusive, in the therapist's zone */
  bg_str until; /* date, inclusive */
} bg_extension_event;

typedef struct bg_message_event {
  uint32_t struct_size;
  bg_str id;
  int64_t at_ms;
  bg_party from;
  bg_party to;
  bg_str channel; /* "portal", "practice_sms", ..., "personal_sms", "social_dm", "other" */
  bg_str text;    /* data NULL: no text (e.g. a phone call) */
  bg_str platform;
} bg_message_event;

typedef struct bg_appointment_event {
  uint32_t struct_size;
  bg_str id;
  bg_str action; /* "created", "updated", "cancelled" */
  int64_t start_ms;
  int64_t end_ms;
  bg_str therapist;
  bg_str client;
  bg_str location_kind; /* "office", "telehealth", "client_home", "community", "other" */
  bg_str location_name;
  bg_str location_address;
  bg_str service;
} bg_appointment_event;

typedef struct bg_social_event {
  uint32_t struct_size;
  bg_str id;
  int64_t at_ms;
  bg_str platform;
  bg_str action; /* "follow", "friend_request", "connection_accept", "message", ... */
  bg_party actor;
  bg_party target;
} bg_social_event;

typedef struct bg_payment_event {
  uint32_t struct_size;
  bg_str id;
  int64_t at_ms;
  bg_party from;
  bg_party to;
  bg_str kind; /* "fee", "copay", "refund", "gift", "loan", "barter", "tip", "other" */
  double amount_value;
  bg_str amount_currency; /* ISO 4217, e.g. "USD"; empty only when amount_value is 0 */
  bg_str description;
} bg_payment_event;

typedef int32_t bg_event_type;
#define BG_EVENT_THERAPIST 1   /* const bg_therapist_event* */
#define BG_EVENT_CLIENT 2      /* const bg_client_event* */
#define BG_EVENT_EXTENSION 3   /* const bg_extension_event* */
#define BG_EVENT_MESSAGE 4     /* const bg_message_event* */
#define BG_EVENT_APPOINTMENT 5 /* const bg_appointment_event* */
#define BG_EVENT_SOCIAL 6      /* const bg_social_event* */
#define BG_EVENT_PAYMENT 7     /* const bg_payment_event* */

/* ------------------------------------------------------------------------------------------ */
/* Verdicts                                                                                    */

typedef struct bg_evidence {
  uint32_t start; /* byte offsets into the event's original text (UTF-8), end exclusive */
  uint32_t end;
  bg_str text;
} bg_evidence;

/* Filled by verdict_finding(). The caller sets struct_size; every bg_str and array points into
   the verdict and lives as long as it. */
typedef struct bg_finding {
  uint32_t struct_size;
  bg_str rule;
  bg_str category;
  bg_severity severity;
  bg_decision decision; /* the rule's decision (capped for after-the-fact events) */
  bg_str explanation;
  bg_str notice;
  bg_str suppressed_by; /* empty unless an extension or exception covers the finding */
  const bg_str* citations;
  size_t citation_count;
  const bg_evidence* evidence;
  size_t evidence_count;
} bg_finding;

/* The therapist's outcome for a flagged event. */
typedef int32_t bg_outcome_kind;
#define BG_OUTCOME_SENT 1
#define BG_OUTCOME_EDITED 2
#define BG_OUTCOME_CANCELLED 3
#define BG_OUTCOME_SENT_ANYWAY 4 /* requires a justification */

typedef struct bg_outcome {
  uint32_t struct_size;
  bg_str event_id;
  bg_outcome_kind kind;
  bg_str justification; /* why the therapist proceeded; required for BG_OUTCOME_SENT_ANYWAY */
  int64_t at_ms;        /* 0: now */
} bg_outcome;

/* Since 1.3: a clinical supervisor's disposition of a flag (a flagged event's audit entry). */
typedef int32_t bg_disposition_kind;
#define BG_DISPOSITION_ACKNOWLEDGED 1
#define BG_DISPOSITION_DISCUSSED_IN_SUPERVISION 2
#define BG_DISPOSITION_FALSE_POSITIVE 3 /* requires a reason */
#define BG_DISPOSITION_ESCALATED 4      /* the only one that leaves the flag open */
#define BG_DISPOSITION_REPORTED_TO_BOARD 5

typedef struct bg_disposition {
  uint32_t struct_size;
  bg_str audit_id; /* the flag: the audit_id its verdict returned, e.g. "au-000012" */
  bg_disposition_kind kind;
  bg_str by;     /* who decides (the supervisor's id); required */
  bg_str note;   /* optional */
  bg_str reason; /* why it is a false positive; required for BG_DISPOSITION_FALSE_POSITIVE */
  int64_t at_ms; /* when it was decided; 0: now */
} bg_disposition;

/* ------------------------------------------------------------------------------------------ */
/* The function table                                                                          */

typedef struct bg_api {
  uint32_t struct_size; /* sizeof(bg_api) as built into the plugin */
  uint32_t abi_major;
  uint32_t abi_minor;

  /* The plugin's version, e.g. "1.0.0". Static storage. Thread-safe. */
  const char* (*version)(void);

  /* Opens an engine: loads and checks the policy, opens (or creates) the audit log and
     replays any of its pending entries. On success *out owns a new engine (close with
     engine_close). On failure *out is NULL and, when error_buf is not NULL, a NUL-terminated
     message (truncated to error_buf_size) is written there. Thread-safe. */
  bg_status (*engine_open)(const bg_engine_config* config, bg_engine** out, char* error_buf,
                           size_t error_buf_size);

  /* Flushes the audit log and frees the engine. NULL is a no-op. No other call on this engine
     may be running or follow. Verdicts obtained from the engine stay valid. */
  void (*engine_close)(bg_engine* engine);

  /* The message of the calling thread's latest call on `engine`: what failed, or "" after a
     success (and before any call). Valid until that thread's next call on the engine. */
  bg_str (*last_error)(const bg_engine* engine);

  /* Evaluates one event given as a JSON object (schema v1, one line of JSON Lines).
     On BG_OK, *out owns a new verdict (free with verdict_free). Roster events update the
     engine's roster and return a verdict with no findings. A repeated event id returns the
     verdict of its first evaluation and logs nothing new. BG_E_BAD_EVENT: *out is NULL and
     last_error() names the field. BG_E_INTERNAL, BG_E_AUDIT or BG_E_NO_MEMORY during detection
     or logging: *out holds the fail-safe verdict (allow; with fail_mode "closed", hold for a
     therapist's message or appointment and warn otherwise) and last_error() says what failed;
     a failure before the event could be read leaves *out NULL, so hosts check it. Thread-safe. */
  bg_status (*evaluate_json)(bg_engine* engine, bg_str event_json, bg_verdict** out);

  /* The same for an event given as a C struct; `event` points to the struct named by `type`
     (see BG_EVENT_*), whose struct_size must be set. Thread-safe. */
  bg_status (*evaluate_struct)(bg_engine* engine, bg_event_type type, const void* event,
                               bg_verdict** out);

  /* Frees a verdict. NULL is a no-op. */
  void (*verdict_free)(bg_verdict* verdict);

  /* Accessors. The returned strings live as long as the verdict. NULL verdict: zero values. */
  bg_str (*verdict_event_id)(const bg_verdict* verdict);
  bg_decision (*verdict_decision)(const bg_verdict* verdict);
  bg_str (*verdict_notice)(const bg_verdict* verdict);   /* "" when there is nothing to say */
  bg_str (*verdict_audit_id)(const bg_verdict* verdict); /* "" when nothing was logged */
  size_t (*verdict_finding_count)(const bg_verdict* verdict);

  /* Fills *out (whose struct_size the caller sets) with finding `index`. A larger struct (a
     newer header) gets the fields this plugin knows and keeps its struct_size; a struct_size
     below sizeof(bg_finding) of ABI 1.0 is refused. BG_E_INVALID_ARGUMENT for that, an index
     out of range or a NULL argument; nothing is written then. */
  bg_status (*verdict_finding)(const bg_verdict* verdict, size_t index, bg_finding* out);

  /* The verdict as one line of JSON (verdict schema v1), NUL-terminated, no trailing newline.
     Lives as long as the verdict. */
  bg_str (*verdict_json)(const bg_verdict* verdict);

  /* Records what the therapist did after a flagged event. BG_E_NOT_FOUND when the engine has
     no record of the event id; BG_E_INVALID_ARGUMENT when a justification is required and
     missing. Thread-safe. */
  bg_status (*record_outcome)(bg_engine* engine, const bg_outcome* outcome);

  /* Compiles a policy aside and swaps it in atomically; evaluations in flight finish on the
     old one. An empty path reloads the current path. On failure the old policy stays active
     and last_error() lists the problems. Thread-safe. */
  bg_status (*reload_policy)(bg_engine* engine, bg_str policy_path);

  /* Returns once every finding reported so far is committed to the audit log: BG_OK, or
     BG_E_AUDIT when the database has not accepted writes for 10 seconds (the entries stay in
     the journal and are retried). Thread-safe. */
  bg_status (*flush)(bg_engine* engine);

  /* ---- Since ABI 1.1: policy tools, for administration screens and boundaryctl. ---- */

  /* The text of a report. Lives as long as the bg_text. NULL: "". */
  bg_str (*text_view)(const bg_text* text);
  /* Frees a report. NULL is a no-op. */
  void (*text_free)(bg_text* text);

  /* Loads and checks a policy (a pack file or folder) without an engine. `format` is "text" or
     "json" (empty: "text"). *report (always set unless out of memory) lists every problem with
     its code and file:line:col. BG_OK when the policy is valid (warnings allowed), BG_E_POLICY
     when it has errors, BG_E_INVALID_ARGUMENT for a bad format. Thread-safe. */
  bg_status (*policy_check)(bg_str policy_path, bg_str format, bg_text** report);

  /* The effective policy after extends and overrides, each rule with the pack and line it came
     from; `rule_id` empty for all rules. BG_E_NOT_FOUND when no rule has that id; BG_E_POLICY
     (with the problems in *report) when the policy does not load. Thread-safe. */
  bg_status (*policy_explain)(bg_str policy_path, bg_str rule_id, bg_str format, bg_text** report);

  /* Runs the policy tests kept beside a pack (its tests/ folder): pass or fail per case with
     what differed, and the rules no case exercises. BG_OK when every case passes, BG_E_POLICY
     otherwise (a failing case, a policy or test-file error, or no cases). Thread-safe. */
  bg_status (*policy_test)(bg_str policy_path, bg_str format, bg_text** report);

  /* ---- Since ABI 1.2: adapters for the formats practice systems speak (FHIR R4, iCalendar,
     Twilio SMS webhooks); see docs/integrations/. ---- */

  /* Converts one input to schema-v1 events. `format`: "fhir" (a resource, a Bundle, a
     Subscription notification bundle, or NDJSON), "ics" (an iCalendar file), "twilio" (an
     inbound SMS webhook request body, form-encoded or JSON) or "jsonl" (schema-v1 lines, checked).
     `mapping_path`: the mapping file (YAML or JSON; docs/integrations/mapping.md); empty: the
     built-in defaults. `options_json`: a JSON object, empty for none, with any of window_start
     and window_end (RFC 3339; the iCalendar window recurring series are expanded in),
     max_occurrences, received_at (RFC 3339; the webhook's receive time, default now),
     twilio_signature, twilio_url and twilio_auth_token (X-Twilio-Signature verification).
     On return *events (JSON Lines, one event per line, in evaluation order) and *report (JSON
     Lines, one line per input record: {"record","outcome","reason","events"} with outcome
     "mapped", "partial", "context", "skipped", "needs_resource" or "unmapped"; or a single
     {"input_error":"..."} line) are set unless out of memory; free both with text_free.
     BG_OK when the input was read, even if some records could not be mapped (the report says
     which and why); BG_E_BAD_EVENT when the input cannot be read at all; BG_E_INVALID_ARGUMENT
     for a NULL output, an unknown format, a bad option or a mapping file that does not load
     (*report then holds the message, with file:line:col for the mapping). Thread-safe. */
  bg_status (*convert)(bg_str format, bg_str mapping_path, bg_str input, bg_str options_json,
                       bg_text** events, bg_text** report);

  /* Converts a FHIR R4 resource, Bundle or NDJSON as convert() does with format "fhir", and
     evaluates every event on `engine` in order (roster events of a bundle first). On return
     *verdicts holds one line per event: its verdict JSON (verdict schema v1), or
     {"event":"<id>","error":"..."} for an event the engine rejected; *report is as convert()'s.
     Both are set (free them with text_free) unless out of memory, an internal failure or a NULL
     engine, when both are NULL. BG_OK when every mapped event
     was evaluated (unmapped records are in the report); BG_E_BAD_EVENT when the input cannot be
     read or an event was rejected; BG_E_INTERNAL, BG_E_AUDIT or BG_E_NO_MEMORY when an
     evaluation failed (its line holds the fail-safe verdict, and later events are still
     evaluated); BG_E_INVALID_ARGUMENT for a NULL argument or a mapping that does not load.
     last_error() says what failed. Thread-safe. */
  bg_status (*evaluate_fhir)(bg_engine* engine, bg_str mapping_path, bg_str fhir_json,
                             bg_text** verdicts, bg_text** report);

  /* ---- Since ABI 1.3: the audit log, for supervisors' review screens and boundaryctl audit;
     see docs/audit.md. ----
     Each of these opens the audit database at `audit_path` itself, with its own connection, so
     it may run beside an engine that writes the same log, in this process or another. All but
     audit_resolve and audit_purge only read; none creates a database. `request_json` is a JSON
     object (empty: none) of filters and options, keys listed in docs/audit.md: therapist,
     client (a string or a list), supervisor, category (a name or a list), severity (the least
     severity), status ("open", "resolved" or "all"), from and until (dates of the event in the
     therapist's zone, inclusive), ids (audit ids), zone (the reader's IANA zone for supervisors'
     and recorded times; default UTC), key_file (the chain's HMAC key; default
     $BOUNDARY_GUARD_AUDIT_KEY_FILE, then $BOUNDARY_GUARD_AUDIT_KEY), and for audit_purge by and
     retention_years. An unknown key or a bad value is BG_E_INVALID_ARGUMENT.
     *report is a new bg_text (free with text_free) on every return except BG_E_NO_MEMORY and a
     NULL report: the report on success, what went wrong otherwise. BG_E_NOT_FOUND when there
     is no audit log at `audit_path`; BG_E_AUDIT when it cannot be read or written. No
     exception crosses these calls. Thread-safe. */

  /* Checks the hash chain end to end: each entry's hash, its link to the entry before it, the
     start of the log (or the retention checkpoint that replaced it) and the tail against the
     head anchor. `format` "text" or "json". BG_OK when intact; BG_E_AUDIT when an entry was
     edited, deleted, inserted or reordered, or the tail cut off: the report names the first
     bad entry; BG_E_INVALID_ARGUMENT when the log is keyed and no key (or a bad key file) was
     given. */
  bg_status (*audit_verify)(bg_str audit_path, bg_str request_json, bg_str format,
                            bg_text** report);

  /* The flags (flagged events) matching the request, oldest first, with their derived status
     and times in the therapist's and the client's zones. `format` "table", "json" or "csv". */
  bg_status (*audit_list)(bg_str audit_path, bg_str request_json, bg_str format, bg_text** report);

  /* One flag: its findings with citations and evidence, the evidence kept, the therapist's
     outcomes, the dispositions, and the same therapist-client pair's other flags. `format`
     "text" or "json". BG_E_NOT_FOUND when `audit_id` is not a flag in the log. */
  bg_status (*audit_show)(bg_str audit_path, bg_str audit_id, bg_str request_json, bg_str format,
                          bg_text** report);

  /* Appends a supervisor's disposition of a flag as a new chained entry (the flag is never
     changed; its status is derived: open until a disposition other than escalated). The report
     names the new entry. `disposition` is read like any input struct (struct_size first) and
     copied. BG_E_INVALID_ARGUMENT for a bad kind, a missing `by`, a false positive without a
     reason, text that is not UTF-8 or too long; BG_E_NOT_FOUND when `audit_id` is not a flag;
     BG_E_AUDIT when the log cannot be written (a keyed log without its key, a log whose tail
     was cut). */
  bg_status (*audit_resolve)(bg_str audit_path, const bg_disposition* disposition,
                             bg_str request_json, bg_text** report);

  /* The flags matching the request for a practice's records: `format` "csv" (one row per
     finding) or "jsonl" (one flag per line, as audit_list's JSON). */
  bg_status (*audit_export)(bg_str audit_path, bg_str request_json, bg_str format,
                            bg_text** report);

  /* An evidence bundle for a licensing board (one JSON document): the flags matching the
     request with their dispositions, the exact entries behind them, and the hash chain from the
     first of them to the head (ids and hashes only) with the head anchor. BG_E_AUDIT (with the
     bundle, which says what is wrong) when the chain does not verify. */
  bg_status (*audit_bundle)(bg_str audit_path, bg_str request_json, bg_text** report);

  /* Flags per therapist, per category and per ISO week (in the therapist's zone), with how many
     are open, high or critical, and false positives. `format` "table", "json" or "csv". */
  bg_status (*audit_stats)(bg_str audit_path, bg_str request_json, bg_str format, bg_text** report);

  /* Deletes the entries recorded before `before_date` ("YYYY-MM-DD", UTC; the newest entry is
     always kept) and appends a retention checkpoint so the chain still verifies. The request
     must name who purges ("by"). BG_E_INVALID_ARGUMENT, with nothing deleted, for a date inside
     the retention period: at least 6 years (HIPAA 45 CFR 164.316(b)(2)), or longer when a
     policy recorded in the log or the request's retention_years asks for it. */
  bg_status (*audit_purge)(bg_str audit_path, bg_str before_date, bg_str request_json,
                           bg_text** report);

  /* ---- Since ABI 1.4: the policy file watch. ---- */

  /* With the engine option watch_policy_ms, the engine reloads its policy when one of its files
     changes (compiled aside and swapped in atomically, like reload_policy). BG_OK while the
     last automatic reload succeeded (or none happened, or the watch is off); BG_E_POLICY when it
     failed: the last good policy stays active and last_error() lists the problems, until a
     later reload succeeds. Thread-safe. */
  bg_status (*policy_watch_status)(bg_engine* engine);
} bg_api;

/* Returns the function table for ABI major version `abi_major`, or NULL when this plugin does
   not implement that major version. The table has static storage. Thread-safe. */
BG_EXPORT const bg_api* bg_plugin_get_api(uint32_t abi_major);

typedef const bg_api* (*bg_plugin_get_api_fn)(uint32_t abi_major);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* BOUNDARY_GUARD_H */
