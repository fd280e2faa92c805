#include "audit_test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

namespace bg::test {

Verdict flagged_verdict(const std::string& event_id) {
  Verdict v;
  v.event_id = event_id;
  v.event_type = EventType::message;
  Finding f;
  f.rule = "contact-off-hours";
  f.category = Category::off_hours;
  f.severity = Severity::medium;
  f.decision = Decision::warn;
  f.citations = {"NASW 1.06(e)"};
  f.explanation = "Sent Wed 23:15 America/Chicago";
  f.evidence = {Evidence{0, 11, "can't sleep"}};
  v.findings = {f};
  v.policy = "default@1#abc";
  v.finalize();
  return v;
}

VerdictEntry entry_for(const Verdict& v, std::string_view text) {
  VerdictEntry e;
  e.verdict = &v;
  e.therapist = "t-ana";
  e.client = "c-042";
  e.supervisor = "s-lee";
  e.therapist_zone = "America/Chicago";
  e.client_zone = "America/Denver";
  e.event_time = *parse_rfc3339("2026-03-04T23:15:00-06:00");
  e.text = text;
  return e;
}

AuditStoreOptions quick_options(AuditMode mode) {
  AuditStoreOptions o;
  o.mode = mode;
  o.commit_delay = std::chrono::milliseconds{5};
  return o;
}

void build_log(const std::string& path, int verdicts, AuditStoreOptions options) {
  SqliteAuditStore store{path, "1.0.0", std::move(options)};
  PolicyEntry policy;
  policy.label = "default@1#abc";
  policy.name = "default";
  policy.version = "1";
  policy.sha256 = std::string(64, 'a');
  store.append_policy(policy);
  for (int i = 1; i <= verdicts; ++i) {
    const Verdict v = flagged_verdict("m-" + std::to_string(i));
    store.append_verdict(entry_for(v));
    if (i == 1) store.append_outcome({"m-1", OutcomeKind::sent_anyway, "safety check-in", {}});
  }
  store.flush();
}

void sql(const std::string& path, const std::string& statements) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << "\n" << statements;
  sqlite3_free(error);
  sqlite3_close(db);
}

std::string sql_value(const std::string& path, const std::string& query) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

int64_t sql_count(const std::string& path, const std::string& query) {
  const std::string v = sql_value(path, query);
  return v.empty() ? -1 : std::stoll(v);
}

std::string sql_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string file_bytes(const std::string& path) {
  std::string out;
  for (const auto& p : {path, path + "-wal"}) {
    std::ifstream in{p, std::ios::binary};
    out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

}  // namespace bg::test
