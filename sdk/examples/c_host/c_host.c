/*
 * A minimal C99 host for the Boundary Guard plugin.
 *
 * It is written against sdk/include/boundary_guard/boundary_guard.h only: it loads the plugin
 * with dlopen(), takes the function table from the one exported symbol, checks the ABI major
 * version, opens an engine on the bundled default policy pack, and evaluates events of every
 * v1 type, first as JSON lines and then as C structs. Each verdict is read through the
 * accessors and printed. For a flagged message it records that the therapist sent it anyway,
 * with a reason. It exits 0 when every call returned what a host expects, 1 otherwise.
 *
 * Usage: bg_example_c_host [PLUGIN_PATH [AUDIT_DB_PATH]]
 *   PLUGIN_PATH defaults to $BOUNDARY_GUARD_PLUGIN. Without AUDIT_DB_PATH the engine runs
 *   without an audit log (a dry run), and recording an outcome is expected to fail with
 *   BG_E_NOT_FOUND.
 */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boundary_guard/boundary_guard.h"

#ifdef RTLD_NODELETE /* POSIX.1-2024; glibc, musl and the BSDs have it */
#define BG_EXAMPLE_RTLD_NODELETE RTLD_NODELETE
#else
#define BG_EXAMPLE_RTLD_NODELETE 0
#endif

static int g_failures = 0;

static bg_str str_of(const char* s) {
  bg_str out;
  out.data = s;
  out.size = s != NULL ? strlen(s) : 0;
  return out;
}

static bg_str no_str(void) {
  bg_str out;
  out.data = NULL;
  out.size = 0;
  return out;
}

/* Prints a bg_str, which need not be NUL-terminated and may be {NULL, 0}. */
static void print_str(const char* prefix, bg_str s, const char* suffix) {
  fputs(prefix, stdout);
  if (s.data != NULL && s.size > 0) fwrite(s.data, 1, s.size, stdout);
  fputs(suffix, stdout);
}

/* Prints a possibly multi-line bg_str, indenting every line after the first. */
static void print_indented(const char* prefix, bg_str s, const char* indent) {
  size_t i;
  fputs(prefix, stdout);
  for (i = 0; i < s.size; ++i) {
    fputc(s.data[i], stdout);
    if (s.data[i] == '\n') fputs(indent, stdout);
  }
  fputs("\n", stdout);
}

static int str_equals(bg_str s, const char* text) {
  const size_t n = strlen(text);
  return s.size == n && (n == 0 || memcmp(s.data, text, n) == 0);
}

static const char* status_name(bg_status status) {
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
      return "(unknown status)";
  }
}

static const char* decision_name(bg_decision decision) {
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
      return "(unknown decision)";
  }
}

static const char* severity_name(bg_severity severity) {
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
      return "(unknown severity)";
  }
}

/* Reports a status that differs from the expected one, with the engine's message. */
static int expect_status(const bg_api* api, const bg_engine* engine, const char* what,
                         bg_status got, bg_status want) {
  if (got == want) return 1;
  ++g_failures;
  fprintf(stderr, "FAIL: %s returned %s (%d), expected %s\n", what, status_name(got), (int)got,
          status_name(want));
  if (engine != NULL) {
    const bg_str message = api->last_error(engine);
    fputs("      last_error: ", stderr);
    if (message.size > 0) fwrite(message.data, 1, message.size, stderr);
    fputs("\n", stderr);
  }
  return 0;
}

static void fail(const char* message) {
  ++g_failures;
  fprintf(stderr, "FAIL: %s\n", message);
}

/* Milliseconds since the epoch for a local civil time at a UTC offset in minutes (e.g. -360
   for Chicago in winter), by H. Hinnant's days_from_civil. */
static int64_t local_ms(int year, int month, int day, int hour, int minute, int utc_offset) {
  const int64_t y = (int64_t)year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return ((days * 24 + hour) * 60 + minute - utc_offset) * 60 * 1000;
}

/* What a host keeps about one verdict, to compare the JSON and struct forms of an event. */
typedef struct summary {
  bg_decision decision;
  size_t finding_count;
  char first_rule[64];
} summary;

/* Reads a verdict through every accessor and prints it. Returns its summary. */
static summary report_verdict(const bg_api* api, const bg_verdict* verdict, const char* label,
                              const char* expected_id) {
  summary s;
  size_t i;
  const bg_str event_id = api->verdict_event_id(verdict);
  const bg_str notice = api->verdict_notice(verdict);
  const bg_str audit_id = api->verdict_audit_id(verdict);
  const bg_str json = api->verdict_json(verdict);

  memset(&s, 0, sizeof s);
  s.decision = api->verdict_decision(verdict);
  s.finding_count = api->verdict_finding_count(verdict);

  printf("%-22s ", label);
  print_str("", event_id, "");
  printf(": %s, %lu finding(s)", decision_name(s.decision), (unsigned long)s.finding_count);
  print_str(audit_id.size > 0 ? ", audit " : "", audit_id, "\n");
  if (!str_equals(event_id, expected_id)) fail("verdict_event_id does not match the event id");
  if (json.size == 0 || json.data == NULL || json.data[json.size] != '\0' || json.data[0] != '{') {
    fail("verdict_json is not a NUL-terminated JSON object");
  }

  for (i = 0; i < s.finding_count; ++i) {
    bg_finding f;
    size_t k;
    memset(&f, 0, sizeof f);
    f.struct_size = (uint32_t)sizeof f;
    if (!expect_status(api, NULL, "verdict_finding", api->verdict_finding(verdict, i, &f), BG_OK)) {
      continue;
    }
    print_str("    - ", f.rule, "");
    print_str(" [", f.category, "]");
    printf(" severity %s, rule decision %s\n", severity_name(f.severity),
           decision_name(f.decision));
    print_str("      why: ", f.explanation, "\n");
    if (f.citation_count > 0) {
      fputs("      cites:", stdout);
      for (k = 0; k < f.citation_count; ++k) print_str(" ", f.citations[k], "");
      fputs("\n", stdout);
    }
    for (k = 0; k < f.evidence_count; ++k) {
      printf("      evidence [%u, %u): ", (unsigned)f.evidence[k].start,
             (unsigned)f.evidence[k].end);
      print_str("\"", f.evidence[k].text, "\"\n");
    }
    if (f.suppressed_by.size > 0) print_str("      suppressed by ", f.suppressed_by, "\n");
    if (i == 0) {
      const size_t n =
          f.rule.size < sizeof s.first_rule - 1 ? f.rule.size : sizeof s.first_rule - 1;
      memcpy(s.first_rule, f.rule.data, n);
      s.first_rule[n] = '\0';
    }
  }
  /* One finding past the end must be refused. */
  {
    bg_finding beyond;
    memset(&beyond, 0, sizeof beyond);
    beyond.struct_size = (uint32_t)sizeof beyond;
    expect_status(api, NULL, "verdict_finding past the last finding",
                  api->verdict_finding(verdict, s.finding_count, &beyond), BG_E_INVALID_ARGUMENT);
  }
  if (notice.size > 0) print_indented("    notice: ", notice, "            ");
  return s;
}

/* Evaluates one JSON line; returns the verdict (caller frees) or NULL on failure. */
static bg_verdict* eval_json(const bg_api* api, bg_engine* engine, const char* id,
                             const char* line) {
  bg_verdict* verdict = NULL;
  const bg_status status = api->evaluate_json(engine, str_of(line), &verdict);
  if (!expect_status(api, engine, id, status, BG_OK)) {
    api->verdict_free(verdict);
    return NULL;
  }
  return verdict;
}

static bg_verdict* eval_struct(const bg_api* api, bg_engine* engine, const char* id,
                               bg_event_type type, const void* event) {
  bg_verdict* verdict = NULL;
  const bg_status status = api->evaluate_struct(engine, type, event, &verdict);
  if (!expect_status(api, engine, id, status, BG_OK)) {
    api->verdict_free(verdict);
    return NULL;
  }
  return verdict;
}

/* The roster and one event of each observed type, as JSON lines. */
static const char* const kRosterJson[][2] = {
    {"t-ana",
     "{\"type\":\"therapist\",\"id\":\"t-ana\",\"time_zone\":\"America/Chicago\","
     "\"supervisor\":\"s-lee\",\"hours\":{\"mon\":[\"09:00-17:00\"],"
     "\"tue\":[\"09:00-12:00\",\"13:00-17:00\"],\"wed\":[\"09:00-17:00\"],"
     "\"thu\":[\"09:00-17:00\"],\"fri\":[\"09:00-13:00\"]}}"},
    {"c-042",
     "{\"type\":\"client\",\"id\":\"c-042\",\"therapist\":\"t-ana\","
     "\"time_zone\":\"America/Denver\",\"status\":\"active\"}"},
    {"c-017",
     "{\"type\":\"client\",\"id\":\"c-017\",\"therapist\":\"t-ana\",\"status\":\"terminated\","
     "\"terminated_on\":\"2025-11-01\"}"},
    {"bx-3",
     "{\"type\":\"boundary_extension\",\"id\":\"bx-3\",\"therapist\":\"t-ana\","
     "\"client\":\"c-017\",\"covers\":[\"off_hours\"],\"reason\":\"crisis safety plan\","
     "\"approved_by\":\"s-lee\",\"from\":\"2026-03-01\",\"until\":\"2026-04-30\"}"},
};

static const char* const kObservedJson[][2] = {
    {"m-1",
     "{\"type\":\"message\",\"id\":\"m-1\",\"at\":\"2026-03-04T23:15:00-06:00\","
     "\"from\":{\"role\":\"therapist\",\"id\":\"t-ana\"},\"to\":{\"role\":\"client\","
     "\"id\":\"c-042\"},\"channel\":\"practice_sms\",\"text\":\"can't sleep, thinking about "
     "our talk today\"}"},
    {"m-2",
     "{\"type\":\"message\",\"id\":\"m-2\",\"at\":\"2026-03-04T10:00:00-06:00\","
     "\"from\":{\"role\":\"client\",\"id\":\"c-042\"},\"to\":{\"role\":\"therapist\","
     "\"id\":\"t-ana\"},\"channel\":\"personal_sms\",\"text\":\"Is Thursday still on?\"}"},
    {"a-9",
     "{\"type\":\"appointment\",\"id\":\"a-9\",\"action\":\"created\","
     "\"start\":\"2026-03-05T18:00:00-06:00\",\"end\":\"2026-03-05T18:50:00-06:00\","
     "\"therapist\":\"t-ana\",\"client\":\"c-042\",\"location\":{\"kind\":\"office\","
     "\"name\":\"Main St office\"},\"service\":\"individual_therapy\"}"},
    {"s-5",
     "{\"type\":\"social\",\"id\":\"s-5\",\"at\":\"2026-03-05T14:00:00-06:00\","
     "\"platform\":\"instagram\",\"action\":\"follow\",\"actor\":{\"role\":\"therapist\","
     "\"id\":\"t-ana\"},\"target\":{\"role\":\"client\",\"id\":\"c-042\"}}"},
    {"p-2",
     "{\"type\":\"payment\",\"id\":\"p-2\",\"at\":\"2026-03-05T14:00:00-06:00\","
     "\"from\":{\"role\":\"client\",\"id\":\"c-042\"},\"to\":{\"role\":\"therapist\","
     "\"id\":\"t-ana\"},\"kind\":\"gift\",\"amount\":{\"value\":120,\"currency\":\"USD\"},"
     "\"description\":\"concert tickets\"}"},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Evaluates the roster and observed events as JSON; fills `out` with their summaries. */
static int run_json(const bg_api* api, bg_engine* engine, summary* out, char* flagged_id,
                    size_t flagged_size) {
  size_t i;
  printf("-- events as JSON lines\n");
  for (i = 0; i < COUNT_OF(kRosterJson); ++i) {
    bg_verdict* v = eval_json(api, engine, kRosterJson[i][0], kRosterJson[i][1]);
    if (v == NULL) continue;
    {
      const summary s = report_verdict(api, v, "roster (json)", kRosterJson[i][0]);
      if (s.finding_count != 0 || s.decision != BG_DECISION_ALLOW) {
        fail("a roster event reported something");
      }
    }
    api->verdict_free(v);
  }
  for (i = 0; i < COUNT_OF(kObservedJson); ++i) {
    bg_verdict* v = eval_json(api, engine, kObservedJson[i][0], kObservedJson[i][1]);
    if (v == NULL) continue;
    out[i] = report_verdict(api, v, "observed (json)", kObservedJson[i][0]);
    if (flagged_id[0] == '\0' && out[i].finding_count > 0 &&
        strncmp(kObservedJson[i][0], "m-", 2) == 0 && out[i].decision != BG_DECISION_ALLOW) {
      strncpy(flagged_id, kObservedJson[i][0], flagged_size - 1);
      flagged_id[flagged_size - 1] = '\0';
    }
    api->verdict_free(v);
  }
  return 1;
}

/* The same events as C structs, on a second engine (a repeated id on the first one would
   return the first verdict, and pattern rules would count the copies as new flags). */
static void run_structs(const bg_api* api, bg_engine* engine, const summary* json_summaries) {
  static const bg_str kAnaHours[7] = {{"09:00-17:00", 11},
                                      {"09:00-12:00, 13:00-17:00", 24},
                                      {"09:00-17:00", 11},
                                      {"09:00-17:00", 11},
                                      {"09:00-13:00", 11},
                                      {"", 0},
                                      {"", 0}};
  static const bg_str kCovers[1] = {{"off_hours", 9}};
  summary got[5];
  const int cst = -6 * 60; /* Chicago's offset before 2026-03-08 */
  size_t i;

  printf("-- the same events as C structs\n");
  {
    bg_therapist_event t;
    bg_verdict* v;
    memset(&t, 0, sizeof t);
    t.struct_size = (uint32_t)sizeof t;
    t.id = str_of("t-ana");
    t.time_zone = str_of("America/Chicago");
    t.supervisor = str_of("s-lee");
    t.hours_mon_to_sun = kAnaHours;
    v = eval_struct(api, engine, "t-ana (struct)", BG_EVENT_THERAPIST, &t);
    if (v != NULL) report_verdict(api, v, "roster (struct)", "t-ana");
    api->verdict_free(v);
  }
  {
    bg_client_event c;
    bg_verdict* v;
    memset(&c, 0, sizeof c);
    c.struct_size = (uint32_t)sizeof c;
    c.id = str_of("c-042");
    c.therapist = str_of("t-ana");
    c.time_zone = str_of("America/Denver");
    c.status = str_of("active");
    c.terminated_on = no_str();
    v = eval_struct(api, engine, "c-042 (struct)", BG_EVENT_CLIENT, &c);
    if (v != NULL) report_verdict(api, v, "roster (struct)", "c-042");
    api->verdict_free(v);

    c.id = str_of("c-017");
    c.time_zone = no_str(); /* the therapist's zone */
    c.status = str_of("terminated");
    c.terminated_on = str_of("2025-11-01");
    v = eval_struct(api, engine, "c-017 (struct)", BG_EVENT_CLIENT, &c);
    if (v != NULL) report_verdict(api, v, "roster (struct)", "c-017");
    api->verdict_free(v);
  }
  {
    bg_extension_event x;
    bg_verdict* v;
    memset(&x, 0, sizeof x);
    x.struct_size = (uint32_t)sizeof x;
    x.id = str_of("bx-3");
    x.therapist = str_of("t-ana");
    x.client = str_of("c-017");
    x.covers = kCovers;
    x.covers_count = 1;
    x.reason = str_of("crisis safety plan");
    x.approved_by = str_of("s-lee");
    x.from = str_of("2026-03-01");
    x.until = str_of("2026-04-30");
    v = eval_struct(api, engine, "bx-3 (struct)", BG_EVENT_EXTENSION, &x);
    if (v != NULL) report_verdict(api, v, "roster (struct)", "bx-3");
    api->verdict_free(v);
  }

  memset(got, 0, sizeof got);
  {
    bg_message_event m;
    bg_verdict* v;
    memset(&m, 0, sizeof m);
    m.struct_size = (uint32_t)sizeof m;
    m.id = str_of("m-1");
    m.at_ms = local_ms(2026, 3, 4, 23, 15, cst);
    m.from.role = BG_ROLE_THERAPIST;
    m.from.id = str_of("t-ana");
    m.to.role = BG_ROLE_CLIENT;
    m.to.id = str_of("c-042");
    m.channel = str_of("practice_sms");
    m.text = str_of("can't sleep, thinking about our talk today");
    m.platform = no_str();
    v = eval_struct(api, engine, "m-1", BG_EVENT_MESSAGE, &m);
    if (v != NULL) got[0] = report_verdict(api, v, "observed (struct)", "m-1");
    api->verdict_free(v);

    m.id = str_of("m-2");
    m.at_ms = local_ms(2026, 3, 4, 10, 0, cst);
    m.from.role = BG_ROLE_CLIENT;
    m.from.id = str_of("c-042");
    m.to.role = BG_ROLE_THERAPIST;
    m.to.id = str_of("t-ana");
    m.channel = str_of("personal_sms");
    m.text = str_of("Is Thursday still on?");
    v = eval_struct(api, engine, "m-2", BG_EVENT_MESSAGE, &m);
    if (v != NULL) got[1] = report_verdict(api, v, "observed (struct)", "m-2");
    api->verdict_free(v);
  }
  {
    bg_appointment_event a;
    bg_verdict* v;
    memset(&a, 0, sizeof a);
    a.struct_size = (uint32_t)sizeof a;
    a.id = str_of("a-9");
    a.action = str_of("created");
    a.start_ms = local_ms(2026, 3, 5, 18, 0, cst);
    a.end_ms = local_ms(2026, 3, 5, 18, 50, cst);
    a.therapist = str_of("t-ana");
    a.client = str_of("c-042");
    a.location_kind = str_of("office");
    a.location_name = str_of("Main St office");
    a.location_address = no_str();
    a.service = str_of("individual_therapy");
    v = eval_struct(api, engine, "a-9", BG_EVENT_APPOINTMENT, &a);
    if (v != NULL) got[2] = report_verdict(api, v, "observed (struct)", "a-9");
    api->verdict_free(v);
  }
  {
    bg_social_event s;
    bg_verdict* v;
    memset(&s, 0, sizeof s);
    s.struct_size = (uint32_t)sizeof s;
    s.id = str_of("s-5");
    s.at_ms = local_ms(2026, 3, 5, 14, 0, cst);
    s.platform = str_of("instagram");
    s.action = str_of("follow");
    s.actor.role = BG_ROLE_THERAPIST;
    s.actor.id = str_of("t-ana");
    s.target.role = BG_ROLE_CLIENT;
    s.target.id = str_of("c-042");
    v = eval_struct(api, engine, "s-5", BG_EVENT_SOCIAL, &s);
    if (v != NULL) got[3] = report_verdict(api, v, "observed (struct)", "s-5");
    api->verdict_free(v);
  }
  {
    bg_payment_event p;
    bg_verdict* v;
    memset(&p, 0, sizeof p);
    p.struct_size = (uint32_t)sizeof p;
    p.id = str_of("p-2");
    p.at_ms = local_ms(2026, 3, 5, 14, 0, cst);
    p.from.role = BG_ROLE_CLIENT;
    p.from.id = str_of("c-042");
    p.to.role = BG_ROLE_THERAPIST;
    p.to.id = str_of("t-ana");
    p.kind = str_of("gift");
    p.amount_value = 120.0;
    p.amount_currency = str_of("USD");
    p.description = str_of("concert tickets");
    v = eval_struct(api, engine, "p-2", BG_EVENT_PAYMENT, &p);
    if (v != NULL) got[4] = report_verdict(api, v, "observed (struct)", "p-2");
    api->verdict_free(v);
  }

  for (i = 0; i < COUNT_OF(kObservedJson); ++i) {
    if (got[i].decision != json_summaries[i].decision ||
        got[i].finding_count != json_summaries[i].finding_count ||
        strcmp(got[i].first_rule, json_summaries[i].first_rule) != 0) {
      fprintf(stderr, "FAIL: %s: the struct form gave a different verdict than the JSON form\n",
              kObservedJson[i][0]);
      ++g_failures;
    }
  }
}

int main(int argc, char** argv) {
  const char* plugin_path = argc > 1 ? argv[1] : getenv("BOUNDARY_GUARD_PLUGIN");
  const char* audit_path = argc > 2 ? argv[2] : "";
  void* library;
  void* symbol;
  bg_plugin_get_api_fn get_api;
  const bg_api* api;
  bg_engine_config config;
  bg_engine* engine = NULL;
  char error[512];
  summary json_summaries[COUNT_OF(kObservedJson)];
  char flagged_id[64];
  bg_status status;

  if (plugin_path == NULL || plugin_path[0] == '\0') {
    fprintf(stderr,
            "usage: %s PLUGIN_PATH [AUDIT_DB_PATH]\n"
            "       (or set BOUNDARY_GUARD_PLUGIN to the plugin's path)\n",
            argv[0]);
    return 2;
  }

  /* RTLD_NODELETE keeps the plugin mapped after dlclose(): it and the libraries under it (ICU,
     RE2, SQLite...) hold process-wide caches that are only released at exit, and unloading
     them mid-process would strand those caches (a leak checker reports them). A host that
     really must unload the plugin can leave the flag out. */
  library = dlopen(plugin_path, RTLD_NOW | RTLD_LOCAL | BG_EXAMPLE_RTLD_NODELETE);
  if (library == NULL) {
    fprintf(stderr, "FAIL: cannot load %s: %s\n", plugin_path, dlerror());
    return 1;
  }
  symbol = dlsym(library, "bg_plugin_get_api");
  if (symbol == NULL) {
    fprintf(stderr, "FAIL: %s does not export bg_plugin_get_api\n", plugin_path);
    dlclose(library);
    return 1;
  }
  /* ISO C has no cast from an object pointer to a function pointer; POSIX guarantees that the
     representations agree, so copy the bytes. */
  memcpy(&get_api, &symbol, sizeof get_api);

  api = get_api(BG_ABI_MAJOR);
  if (api == NULL || api->abi_major != BG_ABI_MAJOR) {
    fprintf(stderr, "FAIL: the plugin does not implement ABI %u\n", (unsigned)BG_ABI_MAJOR);
    dlclose(library);
    return 1;
  }
  /* Every pointer this host calls is part of ABI 1.0, so any 1.x table has them (pointers
     added by a later minor are appended after them). A table that ends before 1.0's last
     pointer is a broken plugin. */
  if (api->struct_size < offsetof(bg_api, flush) + sizeof api->flush) {
    fprintf(stderr, "FAIL: the function table is smaller than ABI 1.0's\n");
    dlclose(library);
    return 1;
  }
  printf("Boundary Guard %s, ABI %u.%u, loaded from %s\n", api->version(), (unsigned)api->abi_major,
         (unsigned)api->abi_minor, plugin_path);

  memset(&config, 0, sizeof config);
  config.struct_size = (uint32_t)sizeof config;
  config.policy_path = str_of(""); /* the bundled default pack */
  config.audit_path = str_of(audit_path);
  config.options_json = str_of("{\"fail_mode\":\"open\"}");
  error[0] = '\0';
  status = api->engine_open(&config, &engine, error, sizeof error);
  if (!expect_status(api, NULL, "engine_open", status, BG_OK)) {
    fprintf(stderr, "      %s\n", error);
    dlclose(library);
    return 1;
  }
  printf("engine open; audit log %s\n", audit_path[0] != '\0' ? audit_path : "off (dry run)");

  memset(json_summaries, 0, sizeof json_summaries);
  flagged_id[0] = '\0';
  run_json(api, engine, json_summaries, flagged_id, sizeof flagged_id);
  /* A second engine, without an audit log, for the struct forms of the same events. */
  {
    bg_engine* struct_engine = NULL;
    config.audit_path = str_of("");
    status = api->engine_open(&config, &struct_engine, error, sizeof error);
    if (expect_status(api, NULL, "engine_open (second engine)", status, BG_OK)) {
      run_structs(api, struct_engine, json_summaries);
      api->engine_close(struct_engine);
    } else {
      fprintf(stderr, "      %s\n", error);
    }
  }

  /* A JSON event the plugin must reject, naming the field. */
  {
    bg_verdict* v = NULL;
    bg_str message;
    status = api->evaluate_json(
        engine, str_of("{\"type\":\"message\",\"id\":\"m-bad\",\"at\":\"yesterday\"}"), &v);
    expect_status(api, NULL, "a message with a bad timestamp", status, BG_E_BAD_EVENT);
    message = api->last_error(engine);
    print_str("-- rejected as expected: ", message, "\n");
    if (v != NULL) fail("a rejected event came with a verdict");
    api->verdict_free(v);
  }

  /* The therapist reads the notice on the flagged message and sends it anyway. */
  if (flagged_id[0] == '\0') {
    fail("no therapist message was flagged");
  } else {
    bg_outcome outcome;
    memset(&outcome, 0, sizeof outcome);
    outcome.struct_size = (uint32_t)sizeof outcome;
    outcome.event_id = str_of(flagged_id);
    outcome.kind = BG_OUTCOME_SENT_ANYWAY;
    outcome.justification = str_of("client asked for a reply before tomorrow's session");
    outcome.at_ms = 0;
    status = api->record_outcome(engine, &outcome);
    if (audit_path[0] != '\0') {
      if (expect_status(api, engine, "record_outcome", status, BG_OK)) {
        printf("-- outcome recorded for %s: sent anyway, with a justification\n", flagged_id);
      }
    } else if (expect_status(api, engine, "record_outcome without an audit log", status,
                             BG_E_NOT_FOUND)) {
      printf("-- no audit log, so the outcome for %s was not recorded (as expected)\n", flagged_id);
    }
  }

  expect_status(api, engine, "flush", api->flush(engine), BG_OK);
  api->engine_close(engine);
  dlclose(library);

  if (g_failures > 0) {
    fprintf(stderr, "%d unexpected result(s)\n", g_failures);
    return 1;
  }
  printf("all calls returned what was expected\n");
  return 0;
}
