// Tamper evidence: a log is built through the store, then changed directly in the database
// file with sqlite3 (the append-only triggers dropped first, as an attacker would), and verify
// must name the first bad entry in each case.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "audit/chain_hash.h"
#include "audit/head_anchor.h"
#include "audit_test_support.h"
#include "review/chain_verifier.h"
#include "review/review_api.h"
#include "review/stored_log.h"
#include "test_support.h"

namespace bg::test {
namespace {

// Built by build_log(path, 5): seq 1 pc-000001, 2 au-000001 (m-1), 3 au-000002 (its outcome),
// 4 au-000003 (m-2), 5 au-000004 (m-3), 6 au-000005 (m-4), 7 au-000006 (m-5).
class AuditTamper : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path("audit.db");
    build_log(path_, 5);
    ASSERT_TRUE(verify().ok());
  }

  review::VerifyResult verify(const ChainKey* key = nullptr) const {
    return review::verify_chain(review::read_stored_log(path_), key, read_head_anchor(path_));
  }

  ChainedEntry entry(int64_t seq) const {
    for (auto& e : review::read_stored_log(path_).entries) {
      if (e.seq == seq) return e;
    }
    ADD_FAILURE() << "no entry " << seq;
    return {};
  }

  // Rewrites an entry's body and stores a hash recomputed for it (a careful attacker).
  void rewrite(int64_t seq, const std::string& from, const std::string& to) {
    ChainedEntry e = entry(seq);
    const auto at = e.record.body.find(from);
    ASSERT_NE(at, std::string::npos);
    e.record.body.replace(at, from.size(), to);
    e.hash = entry_hash(e, nullptr);
    sql(path_, std::string{kDropGuards} + "UPDATE entries SET body = " + sql_quote(e.record.body) +
                   ", hash = '" + e.hash + "' WHERE seq = " + std::to_string(seq));
  }

  TempDir dir_;
  std::string path_;
};

void expect_problem(const review::VerifyResult& r, const std::string& what,
                    const std::string& audit_id, int64_t seq = 0) {
  ASSERT_FALSE(r.ok()) << "tampering went unnoticed";
  EXPECT_EQ(r.problem->what, what) << r.problem->detail;
  EXPECT_EQ(r.problem->audit_id, audit_id) << r.problem->detail;
  if (seq != 0) {
    EXPECT_EQ(r.problem->seq, seq) << r.problem->detail;
  }
}

TEST_F(AuditTamper, AnEditedEntryIsNamed) {
  sql(path_, std::string{kDropGuards} +
                 "UPDATE entries SET body = replace(body, 'medium', 'low') WHERE seq = 4");
  expect_problem(verify(), "edited", "au-000003", 4);
}

TEST_F(AuditTamper, AnEditedEntryWithARecomputedHashIsNamedByItsSuccessor) {
  rewrite(4, "t-ana", "t-bob");
  expect_problem(verify(), "edited", "au-000003", 4);
}

TEST_F(AuditTamper, ADeletedEntryIsNamedByItsPlace) {
  sql(path_, std::string{kDropGuards} + "DELETE FROM entries WHERE seq = 4");
  const auto r = verify();
  expect_problem(r, "deleted", "", 4);
  EXPECT_NE(r.problem->detail.find("au-000002"), std::string::npos) << r.problem->detail;
}

TEST_F(AuditTamper, DeletingTheFirstEntriesIsNoticed) {
  sql(path_, std::string{kDropGuards} + "DELETE FROM entries WHERE seq <= 2");
  expect_problem(verify(), "deleted", "", 1);
}

TEST_F(AuditTamper, AnInsertedEntryIsNamedEvenWithAValidHash) {
  // Make room at seq 4 and insert a forged flag that chains onto entry 3.
  ChainedEntry forged = entry(4);
  forged.record.audit_id = "au-000099";
  forged.record.event_id = "m-forged";
  forged.prev_hash = entry(3).hash;
  forged.hash = entry_hash(forged, nullptr);
  sql(path_, std::string{kDropGuards} +
                 "UPDATE entries SET seq = seq + 1000 WHERE seq >= 4;"
                 "UPDATE entries SET seq = seq - 999 WHERE seq >= 1000;"
                 "INSERT INTO entries(seq, audit_id, kind, event_id, recorded_at, body, "
                 "prev_hash, hash, format) VALUES(4, 'au-000099', 'verdict', 'm-forged', " +
                 sql_quote(forged.record.recorded_at) + ", " + sql_quote(forged.record.body) +
                 ", '" + forged.prev_hash + "', '" + forged.hash + "', 2)");
  expect_problem(verify(), "inserted", "au-000099", 4);
}

TEST_F(AuditTamper, ANaivelyInsertedEntryIsNamed) {
  sql(path_, std::string{kDropGuards} +
                 "UPDATE entries SET seq = seq + 1000 WHERE seq >= 4;"
                 "UPDATE entries SET seq = seq - 999 WHERE seq >= 1000;"
                 "INSERT INTO entries VALUES(4, 'au-000099', 'verdict', 'm-x', "
                 "'2026-03-05T00:00:00Z', '{}', '" +
                 std::string(64, '1') + "', '" + std::string(64, '2') + "', 2)");
  expect_problem(verify(), "edited", "au-000099", 4);
}

TEST_F(AuditTamper, ReorderedEntriesAreNamed) {
  sql(path_, std::string{kDropGuards} +
                 "UPDATE entries SET seq = 100 WHERE seq = 4;"
                 "UPDATE entries SET seq = 4 WHERE seq = 5;"
                 "UPDATE entries SET seq = 5 WHERE seq = 100;");
  expect_problem(verify(), "reordered", "au-000004", 4);
}

TEST_F(AuditTamper, ATruncatedTailIsNoticedThroughTheHeadAnchor) {
  sql(path_, std::string{kDropGuards} + "DELETE FROM entries WHERE seq >= 6");
  const auto r = verify();
  expect_problem(r, "truncated", "", 6);
  EXPECT_NE(r.problem->detail.find("au-000006"), std::string::npos) << r.problem->detail;
}

TEST_F(AuditTamper, AMissingOrDamagedHeadAnchorIsAProblem) {
  std::filesystem::rename(head_anchor_path(path_), dir_.path("saved"));
  expect_problem(verify(), "anchor", "");
  std::ofstream{head_anchor_path(path_)} << "not an anchor\n";
  expect_problem(verify(), "anchor", "");
  std::filesystem::rename(dir_.path("saved"), head_anchor_path(path_));
  EXPECT_TRUE(verify().ok());
}

TEST_F(AuditTamper, AnAnchorBehindTheLogIsOnlyANote) {
  // A process that died between its commit and the anchor update leaves the anchor behind.
  const ChainedEntry older = entry(5);
  std::filesystem::remove(head_anchor_path(path_));
  advance_head_anchor(path_, HeadAnchor{older.seq, older.record.audit_id, older.hash, {}}, nullptr);
  const auto r = verify();
  EXPECT_TRUE(r.ok()) << r.problem->detail;
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes.back().find("not yet confirmed"), std::string::npos);
}

TEST(AuditTamperKeyed, AKeyedLogCannotBeRewrittenWithoutTheKey) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  const std::string key_path = dir.path("key");
  std::ofstream{key_path} << "the-practice-audit-secret\n";
  AuditStoreOptions options = quick_options();
  options.key_file = key_path;
  build_log(path, 3, options);
  const ChainKey key{"the-practice-audit-secret"}, wrong{"somebody-elses-audit-secret"};
  auto verify = [&](const ChainKey* k) {
    return review::verify_chain(review::read_stored_log(path), k, read_head_anchor(path));
  };
  EXPECT_TRUE(verify(&key).ok());
  expect_problem(verify(nullptr), "key_needed", "pc-000001", 1);
  expect_problem(verify(&wrong), "edited", "pc-000001", 1);

  // The attacker rewrites every entry as an unkeyed (SHA-256) entry and a new anchor.
  auto entries = review::read_stored_log(path).entries;
  std::string prev = kGenesisHash, statements = kDropGuards;
  for (auto& e : entries) {
    e.format = ChainFormat::v2;
    e.prev_hash = prev;
    e.hash = entry_hash(e, nullptr);
    prev = e.hash;
    statements += "UPDATE entries SET format = 2, prev_hash = '" + e.prev_hash + "', hash = '" +
                  e.hash + "' WHERE seq = " + std::to_string(e.seq) + ";";
  }
  sql(path, statements);
  std::filesystem::remove(head_anchor_path(path));
  const auto& last = entries.back();
  advance_head_anchor(path, HeadAnchor{last.seq, last.record.audit_id, last.hash, {}}, nullptr);
  EXPECT_TRUE(verify(nullptr).ok()) << "without the key a consistent rewrite cannot be told";
  const auto r = verify(&key);
  ASSERT_FALSE(r.ok()) << "with the key it must be";
  EXPECT_EQ(r.problem->what, "unkeyed") << r.problem->detail;
}

TEST(AuditTamperRetention, APurgedLogVerifiesThroughItsCheckpointAndOnlyThen) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 4);
  review::ReviewRequest request;
  request.by = "admin-1";
  request.now = *parse_rfc3339("2040-01-01T00:00:00Z");
  const auto purged = review::purge_log(path, "2034-01-01", request);
  ASSERT_EQ(purged.status, Status::ok) << purged.text;
  EXPECT_NE(purged.text.find("checkpoint rv-000001"), std::string::npos) << purged.text;
  const auto log = review::read_stored_log(path);
  ASSERT_EQ(log.entries.size(), 2u) << "the newest entry stays, the checkpoint follows it";
  EXPECT_EQ(log.entries.back().record.kind, "checkpoint");
  auto r = review::verify_chain(log, nullptr, read_head_anchor(path));
  EXPECT_TRUE(r.ok()) << r.problem->detail;
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes.front().find("purged under retention"), std::string::npos);
  // Ids keep counting after the purge.
  {
    SqliteAuditStore store{path, "1.0.0", quick_options()};
    const Verdict v = flagged_verdict("m-after");
    EXPECT_EQ(store.append_verdict(entry_for(v)), "au-000006");
  }
  EXPECT_TRUE(
      review::verify_chain(review::read_stored_log(path), nullptr, read_head_anchor(path)).ok());
  // Removing the checkpoint leaves the start of the log unexplained.
  sql(path, std::string{kDropGuards} + "DELETE FROM entries WHERE kind = 'checkpoint'");
  r = review::verify_chain(review::read_stored_log(path), nullptr, read_head_anchor(path));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problem->what, "deleted");
}

TEST(AuditTamperRetention, APurgeInsideTheRetentionPeriodIsRefusedAndDeletesNothing) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 2);
  review::ReviewRequest request;
  request.by = "admin-1";
  request.now = *parse_rfc3339("2032-01-01T00:00:00Z");
  auto r = review::purge_log(path, "2026-02-01", request);
  EXPECT_EQ(r.status, Status::invalid_argument);
  EXPECT_NE(r.text.find("refused"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("2026-01-01"), std::string::npos) << r.text;
  request.retention_years = 10;
  request.now = *parse_rfc3339("2035-01-01T00:00:00Z");
  r = review::purge_log(path, "2030-01-01", request);
  EXPECT_EQ(r.status, Status::invalid_argument) << "the request may lengthen retention";
  EXPECT_NE(r.text.find("10 years"), std::string::npos) << r.text;
  request.by.clear();
  EXPECT_EQ(review::purge_log(path, "2020-01-01", request).status, Status::invalid_argument);
  request.by = "admin-1";
  EXPECT_EQ(review::purge_log(path, "January 2020", request).status, Status::invalid_argument);
  EXPECT_EQ(sql_count(path, "SELECT COUNT(*) FROM entries"), 4);
  // A date before everything: nothing to purge, no checkpoint.
  request.retention_years = 0;
  r = review::purge_log(path, "2020-01-01", request);
  EXPECT_EQ(r.status, Status::ok) << r.text;
  EXPECT_NE(r.text.find("nothing"), std::string::npos);
  EXPECT_EQ(sql_count(path, "SELECT COUNT(*) FROM entries"), 4);
}

}  // namespace
}  // namespace bg::test
