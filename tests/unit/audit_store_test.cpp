#include "audit/sqlite_audit_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "test_support.h"

namespace bg::test {
namespace {

Verdict flagged(const std::string& event_id) {
  Verdict v;
  v.event_id = event_id;
  v.event_type = EventType::message;
  Finding f;
  f.rule = "contact-off-hours";
  f.category = Category::off_hours;
  f.severity = Severity::medium;
  f.decision = Decision::warn;
  f.explanation = "Sent Wed 23:15 America/Chicago";
  f.evidence = {Evidence{0, 11, "can't sleep"}};
  v.findings = {f};
  v.policy = "default@1#abc";
  v.finalize();
  return v;
}

VerdictEntry entry_for(const Verdict& v) {
  VerdictEntry e;
  e.verdict = &v;
  e.therapist = "t-ana";
  e.client = "c-042";
  e.therapist_zone = "America/Chicago";
  e.client_zone = "America/Denver";
  e.event_time = *parse_rfc3339("2026-03-04T23:15:00-06:00");
  return e;
}

// Rows of the entries table as (kind, event_id, prev_hash, hash), in order.
std::vector<std::array<std::string, 4>> rows(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT kind, event_id, prev_hash, hash FROM entries ORDER BY seq", -1, &s,
                     nullptr);
  std::vector<std::array<std::string, 4>> out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    std::array<std::string, 4> row;
    for (int i = 0; i < 4; ++i)
      row[static_cast<size_t>(i)] = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    out.push_back(row);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

TEST(SqliteAuditStore, AppendsChainedEntriesAndFindsThem) {
  TempDir dir;
  const auto path = dir.path("audit.db");
  const Verdict v1 = flagged("m-1"), v2 = flagged("m-2");
  {
    SqliteAuditStore store{path, "1.0.0"};
    EXPECT_EQ(store.append_verdict(entry_for(v1)), "au-000001");
    EXPECT_EQ(store.append_verdict(entry_for(v2)), "au-000002");
    EXPECT_TRUE(store.append_outcome({"m-1", OutcomeKind::sent_anyway, "client in crisis", {}}));
    EXPECT_FALSE(store.append_outcome({"m-404", OutcomeKind::sent, "", {}}));
    const auto found = store.find_verdict("m-2");
    ASSERT_TRUE(found);
    EXPECT_NE(found->json.find("\"audit_id\":\"au-000002\""), std::string::npos);
    EXPECT_FALSE(store.find_verdict("m-404"));
    store.flush();
  }
  const auto r = rows(path);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0][2], std::string(64, '0'));
  EXPECT_EQ(r[1][2], r[0][3]);
  EXPECT_EQ(r[2][2], r[1][3]);
  EXPECT_EQ(r[2][0], "outcome");
  // Reopening continues the sequence and the chain.
  SqliteAuditStore reopened{path, "1.0.0"};
  const Verdict v3 = flagged("m-3");
  EXPECT_EQ(reopened.append_verdict(entry_for(v3)), "au-000004");
  reopened.flush();  // the writer commits asynchronously
  ASSERT_EQ(rows(path).size(), 4u);
  EXPECT_EQ(rows(path)[3][2], r[2][3]);
}

TEST(SqliteAuditStore, KeepsEvidenceSpansNotTheWholeMessage) {
  TempDir dir;
  const auto path = dir.path("audit.db");
  const Verdict v = flagged("m-1");
  SqliteAuditStore store{path, "1.0.0"};
  store.append_verdict(entry_for(v));
  store.flush();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT body FROM entries", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  const std::string body = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  EXPECT_NE(body.find("can't sleep"), std::string::npos);
  EXPECT_EQ(body.find("\"text\":\"can't sleep, thinking"), std::string::npos);
  EXPECT_NE(body.find("\"therapist_zone\":\"America/Chicago\""), std::string::npos);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST(SqliteAuditStore, RowsCannotBeUpdatedOrDeleted) {
  TempDir dir;
  const auto path = dir.path("audit.db");
  const Verdict v = flagged("m-1");
  { SqliteAuditStore{path, "1.0.0"}.append_verdict(entry_for(v)); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  EXPECT_NE(sqlite3_exec(db, "UPDATE entries SET body = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM entries", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(rows(path).size(), 1u);
}

TEST(SqliteAuditStore, RefusesANewerSchema) {
  TempDir dir;
  const auto path = dir.path("audit.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    SqliteAuditStore store{path, "1.0.0"};
    FAIL() << "opened a database from the future";
  } catch (const AuditFailure& e) {
    EXPECT_NE(std::string{e.what()}.find("schema version 99"), std::string::npos);
  }
}

TEST(SqliteAuditStore, UnopenablePathThrows) {
  TempDir dir;
  EXPECT_THROW(SqliteAuditStore(dir.path("missing-dir/audit.db"), "1.0.0"), AuditFailure);
}

}  // namespace
}  // namespace bg::test
