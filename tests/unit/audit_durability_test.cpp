// The store's durability and concurrency: the journal before a verdict returns and its replay
// after a crash, durable mode, the bounded queue's backpressure, a busy database, one engine
// per log, the chain key, and schema v1 logs migrated forward.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "audit/audit_journal.h"
#include "audit/chain_hash.h"
#include "audit/head_anchor.h"
#include "audit_test_support.h"
#include "review/chain_verifier.h"
#include "review/flags.h"
#include "test_support.h"

namespace bg::test {
namespace {

using namespace std::chrono_literals;

bool chain_ok(const std::string& path, const ChainKey* key = nullptr) {
  const auto r = review::verify_chain(review::read_stored_log(path), key, read_head_anchor(path));
  EXPECT_TRUE(r.ok()) << (r.problem ? r.problem->detail : "");
  return r.ok();
}

int64_t verdict_rows(const std::string& path) {
  return sql_count(path, "SELECT COUNT(*) FROM entries WHERE kind = 'verdict'");
}

// Holds the database's write lock from another connection until released.
class WriteLockHolder {
 public:
  explicit WriteLockHolder(const std::string& path) {
    sqlite3_open(path.c_str(), &db_);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  void release() {
    if (db_ == nullptr) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }
  ~WriteLockHolder() { release(); }

 private:
  sqlite3* db_ = nullptr;
};

TEST(AuditDurability, AnEntryInTheJournalSurvivesAProcessThatDiesBeforeCommitting) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 1);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child logs a verdict and dies at once: its writer never gets to commit (10 s delay).
    AuditStoreOptions options;
    options.commit_delay = 10s;
    auto* store = new SqliteAuditStore{path, "1.0.0", options};
    const Verdict v = flagged_verdict("m-crash");
    const bool ok = store->append_verdict(entry_for(v)) == "au-000003";
    _exit(ok ? 0 : 3);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(verdict_rows(path), 1) << "the child's verdict was not committed";
  EXPECT_EQ(AuditJournal{path}.read_all().size(), 1u);
  {
    SqliteAuditStore reopened{path, "1.0.0", quick_options()};
    const auto found = reopened.find_verdict("m-crash");
    ASSERT_TRUE(found);
    EXPECT_NE(found->json.find("\"audit_id\":\"au-000003\""), std::string::npos);
  }
  EXPECT_EQ(verdict_rows(path), 2);
  EXPECT_TRUE(AuditJournal{path}.segments().empty()) << "replayed segments are removed";
  chain_ok(path);
}

TEST(AuditDurability, ReplaySkipsWhatIsAlreadyCommittedAndKeepsJournalOrder) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 2);
  const std::string body_of_m1 =
      sql_value(path, "SELECT body FROM entries WHERE audit_id = 'au-000001'");
  {
    AuditJournal journal{path};
    journal.start();
    // Committed already (a crash after the commit, before the journal was removed) ...
    journal.append({"au-000001", "verdict", "m-1", "2026-03-05T05:15:00.000Z", body_of_m1});
    // ... and two that were not.
    journal.append({"au-000004", "verdict", "m-4", "2026-03-05T05:15:01.000Z", body_of_m1});
    journal.append({"au-000005", "outcome", "m-4", "2026-03-05T05:15:02.000Z",
                    R"({"outcome":"sent","at_utc":"2026-03-05T05:15:02Z","verdict":"au-000004"})"});
  }
  { SqliteAuditStore reopened{path, "1.0.0", quick_options()}; }
  EXPECT_EQ(sql_count(path, "SELECT COUNT(*) FROM entries WHERE audit_id = 'au-000001'"), 1);
  EXPECT_EQ(sql_value(path,
                      "SELECT group_concat(audit_id) FROM (SELECT audit_id FROM entries "
                      "ORDER BY seq DESC LIMIT 2)"),
            "au-000005,au-000004");
  chain_ok(path);
}

TEST(AuditDurability, DurableModeReleasesAVerdictOnlyOnceItIsCommitted) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  SqliteAuditStore store{path, "1.0.0", quick_options(AuditMode::durable)};
  const Verdict v = flagged_verdict("m-1");
  const std::string id = store.append_verdict(entry_for(v));
  store.await_verdict("m-1");
  EXPECT_EQ(sql_count(path, "SELECT COUNT(*) FROM entries WHERE audit_id = '" + id + "'"), 1);
  store.await_verdict("m-1");  // committed: returns at once
  store.await_verdict("m-unknown");
  EXPECT_TRUE(AuditJournal{path}.segments().empty()) << "durable mode needs no journal";
}

TEST(AuditDurability, JournalModeCommitsWithinItsDelayWithoutAFlush) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  AuditStoreOptions options;
  options.commit_delay = 20ms;
  SqliteAuditStore store{path, "1.0.0", options};
  const Verdict v = flagged_verdict("m-1");
  store.append_verdict(entry_for(v));
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (verdict_rows(path) != 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(verdict_rows(path), 1);
}

TEST(AuditDurability, AFullQueueMakesCallersWaitAndNeverDrops) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  for (const AuditMode mode : {AuditMode::journal, AuditMode::durable}) {
    const std::string file = dir.path(mode == AuditMode::journal ? "j.db" : "d.db");
    AuditStoreOptions options = quick_options(mode);
    options.queue_capacity = 2;
    std::set<std::string> ids;
    std::mutex ids_mutex;
    {
      SqliteAuditStore store{file, "1.0.0", options};
      std::vector<std::thread> threads;
      for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
          for (int i = 0; i < 40; ++i) {
            const Verdict v = flagged_verdict("t" + std::to_string(t) + "-" + std::to_string(i));
            const std::string id = store.append_verdict(entry_for(v));
            std::lock_guard lock{ids_mutex};
            ids.insert(id);
          }
        });
      }
      for (auto& thread : threads) thread.join();
      store.flush();
    }
    EXPECT_EQ(ids.size(), 160u);
    EXPECT_EQ(verdict_rows(file), 160);
    chain_ok(file);
  }
}

TEST(AuditDurability, ABusyDatabaseDelaysCommitsAndLosesNothing) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 1);
  SqliteAuditStore store{path, "1.0.0", quick_options(AuditMode::durable)};
  WriteLockHolder holder{path};
  std::thread release{[&] {
    std::this_thread::sleep_for(300ms);
    holder.release();
  }};
  const Verdict v = flagged_verdict("m-busy");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(store.append_verdict(entry_for(v)), "au-000003");
  store.await_verdict("m-busy");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 250ms);
  release.join();
  EXPECT_EQ(verdict_rows(path), 2);
}

TEST(AuditDurability, WhenTheDatabaseStaysLockedCallersFailInsteadOfStalling) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 1);
  AuditStoreOptions options = quick_options();
  options.queue_capacity = 1;
  options.wait_limit = 300ms;
  SqliteAuditStore store{path, "1.0.0", options};
  auto holder = std::make_unique<WriteLockHolder>(path);
  const Verdict first = flagged_verdict("m-a"), second = flagged_verdict("m-b");
  EXPECT_EQ(store.append_verdict(entry_for(first)), "au-000003");  // journaled, queued
  std::this_thread::sleep_for(50ms);  // the writer takes it and is stuck on the lock
  EXPECT_THROW(store.append_verdict(entry_for(second)), AuditFailure);  // no room in time
  EXPECT_THROW(store.flush(), AuditFailure);
  holder.reset();
  for (int attempt = 0; attempt < 50; ++attempt) {  // each flush waits at most 300 ms
    try {
      store.flush();
      break;
    } catch (const AuditFailure&) {
    }
  }
  EXPECT_EQ(verdict_rows(path), 2);
  EXPECT_TRUE(store.find_verdict("m-a"));
  EXPECT_FALSE(store.find_verdict("m-b")) << "a verdict that failed was never logged";
  // The next id is not burnt by the failure.
  const Verdict third = flagged_verdict("m-c");
  EXPECT_EQ(store.append_verdict(entry_for(third)), "au-000004");
}

TEST(AuditDurability, OneEngineAtATimePerLog) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  SqliteAuditStore first{path, "1.0.0", quick_options()};
  try {
    SqliteAuditStore second{path, "1.0.0", quick_options()};
    FAIL() << "two stores on one log";
  } catch (const AuditFailure& e) {
    EXPECT_NE(std::string{e.what()}.find("in use by another engine"), std::string::npos);
  }
}

TEST(AuditDurability, PolicyChangesAreRecordedOnlyWhenThePolicyChanges) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  PolicyEntry p;
  p.label = "default@1#aaa";
  p.sha256 = std::string(64, 'a');
  {
    SqliteAuditStore store{path, "1.0.0", quick_options()};
    EXPECT_TRUE(store.append_policy(p));
    EXPECT_FALSE(store.append_policy(p));
  }
  SqliteAuditStore store{path, "1.0.0", quick_options()};
  EXPECT_FALSE(store.append_policy(p)) << "the same policy after a restart";
  p.sha256 = std::string(64, 'b');
  p.reload = true;
  EXPECT_TRUE(store.append_policy(p));
  store.flush();
  EXPECT_EQ(sql_value(path, "SELECT group_concat(audit_id) FROM entries WHERE kind = 'policy'"),
            "pc-000001,pc-000002");
  EXPECT_NE(sql_value(path, "SELECT body FROM entries WHERE audit_id = 'pc-000002'")
                .find("\"change\":\"reloaded\""),
            std::string::npos);
}

TEST(AuditDurability, AnOutcomeForAVerdictStillInTheQueueIsAccepted) {
  TempDir dir;
  AuditStoreOptions options;
  options.commit_delay = 10s;
  SqliteAuditStore store{dir.path("audit.db"), "1.0.0", options};
  const Verdict v = flagged_verdict("m-1");
  store.append_verdict(entry_for(v));
  EXPECT_TRUE(store.append_outcome({"m-1", OutcomeKind::edited, "", {}}));
  EXPECT_FALSE(store.append_outcome({"m-2", OutcomeKind::edited, "", {}}));
  store.flush();
  EXPECT_NE(sql_value(dir.path("audit.db"), "SELECT body FROM entries WHERE kind = 'outcome'")
                .find("\"verdict\":\"au-000001\""),
            std::string::npos);
}

TEST(AuditDurability, AKeyedLogNeedsItsKey) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  const std::string key_path = dir.path("key"), wrong_path = dir.path("wrong");
  std::ofstream{key_path} << "the-practice-audit-secret\n";
  std::ofstream{wrong_path} << "somebody-elses-audit-secret\n";
  AuditStoreOptions keyed = quick_options();
  keyed.key_file = key_path;
  build_log(path, 2, keyed);
  EXPECT_EQ(sql_count(path, "SELECT COUNT(*) FROM entries WHERE format != 3"), 0);
  EXPECT_THROW(SqliteAuditStore(path, "1.0.0", quick_options()), AuditFailure);
  AuditStoreOptions wrong = quick_options();
  wrong.key_file = wrong_path;
  try {
    SqliteAuditStore store{path, "1.0.0", wrong};
    FAIL() << "opened with the wrong key";
  } catch (const AuditFailure& e) {
    EXPECT_NE(std::string{e.what()}.find("not the key"), std::string::npos) << e.what();
  }
  { SqliteAuditStore store{path, "1.0.0", keyed}; }
  const ChainKey key{"the-practice-audit-secret"};
  chain_ok(path, &key);
}

TEST(AuditDurability, AStoreRefusesToWriteOnALogWhoseTailWasCut) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 3);
  sql(path,
      std::string{kDropGuards} + "DELETE FROM entries WHERE seq = (SELECT MAX(seq) FROM entries);");
  try {
    SqliteAuditStore store{path, "1.0.0", quick_options()};
    FAIL() << "opened a cut log";
  } catch (const AuditFailure& e) {
    EXPECT_NE(std::string{e.what()}.find("entries were removed"), std::string::npos) << e.what();
  }
}

// Regression: deleting the database files (a demo rerun, a test fixture) left the old log's
// head anchor behind, and the next engine refused the fresh log as "cut".
TEST(AuditDurability, ADeletedDatabaseStartsAFreshLogAndKeepsTheOldAnchorAside) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 2);
  for (const auto& file : {path, path + "-wal", path + "-shm"}) std::filesystem::remove(file);
  {
    SqliteAuditStore store{path, "1.0.0", quick_options()};
    const Verdict v = flagged_verdict("m-new");
    EXPECT_EQ(store.append_verdict(entry_for(v)), "au-000001");
  }
  chain_ok(path);
  bool kept = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path(""))) {
    kept = kept || entry.path().filename().string().rfind("audit.db.bg-head.replaced-", 0) == 0;
  }
  EXPECT_TRUE(kept) << "the deleted log's anchor is kept as evidence";
}

TEST(AuditDurability, EmptyingTheTableIsNotMistakenForAFreshLog) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  build_log(path, 2);
  sql(path, std::string{kDropGuards} + "DELETE FROM entries");
  try {
    SqliteAuditStore store{path, "1.0.0", quick_options()};
    FAIL() << "opened a log whose entries were deleted";
  } catch (const AuditFailure& e) {
    EXPECT_NE(std::string{e.what()}.find("entries were deleted"), std::string::npos) << e.what();
  }
}

// A log written by the foundation's plugin (schema v1, chain format 1) opens, migrates forward,
// keeps answering for its events, and the chain goes on from its last entry.
TEST(AuditMigration, SchemaOneLogsAreMigratedAndStillVerify) {
  TempDir dir;
  const std::string path = dir.path("audit.db");
  sql(path,
      "CREATE TABLE entries (seq INTEGER PRIMARY KEY, audit_id TEXT NOT NULL UNIQUE, kind TEXT "
      "NOT NULL, event_id TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL, "
      "prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
      "CREATE UNIQUE INDEX entries_verdict_by_event ON entries(event_id) WHERE kind = "
      "'verdict';"
      "PRAGMA user_version=1;");
  const std::string verdict_line =
      R"json({"event":"m-old","decision":"warn","findings":[{"rule":"contact-off-hours","category":"off_hours","severity":"medium","decision":"warn","citations":["NASW 1.06(e)"],"explanation":"late","evidence":[]}],"notice":"late","audit_id":"au-000001","policy":"default@1#abc"})json";
  ChainedEntry v1;
  v1.seq = 1;
  v1.format = ChainFormat::v1;
  v1.prev_hash = kGenesisHash;
  v1.record = {
      "au-000001", "verdict", "m-old", "2026-03-01T10:00:00Z",
      R"({"event_type":"message","therapist":"t-ana","client":"c-042","event_time_utc":"2026-03-01T04:00:00Z","therapist_zone":"America/Chicago","client_zone":"America/Denver","policy":"default@1#abc","engine_version":"1.0.0","verdict":)" +
          verdict_line + "}"};
  v1.hash = entry_hash(v1, nullptr);
  ChainedEntry outcome = v1;
  outcome.seq = 2;
  outcome.prev_hash = v1.hash;
  outcome.record = {"au-000002", "outcome", "m-old", "2026-03-01T10:01:00Z",
                    R"({"outcome":"sent","at_utc":"2026-03-01T10:01:00Z"})"};
  outcome.hash = entry_hash(outcome, nullptr);
  for (const auto* e : {&v1, &outcome}) {
    sql(path, "INSERT INTO entries VALUES(" + std::to_string(e->seq) + ",'" + e->record.audit_id +
                  "','" + e->record.kind + "','" + e->record.event_id + "','" +
                  e->record.recorded_at + "','" + e->record.body + "','" + e->prev_hash + "','" +
                  e->hash + "')");
  }
  {
    SqliteAuditStore store{path, "1.0.0", quick_options()};
    ASSERT_TRUE(store.find_verdict("m-old"));
    EXPECT_EQ(store.find_verdict("m-old")->json, verdict_line);
    EXPECT_TRUE(store.find_verdict("m-old")->finding_notices.empty()) << "v1 kept none";
    const Verdict v = flagged_verdict("m-new");
    EXPECT_EQ(store.append_verdict(entry_for(v)), "au-000003");
    EXPECT_TRUE(store.append_outcome({"m-old", OutcomeKind::sent_anyway, "reason", {}}));
  }
  EXPECT_EQ(sql_value(path, "PRAGMA user_version"), "2");
  EXPECT_EQ(sql_value(path, "SELECT group_concat(format) FROM entries"), "1,1,2,2");
  chain_ok(path);
  const auto log = review::load_review_log(path);
  ASSERT_EQ(log.flags.size(), 2u);
  EXPECT_EQ(log.flags[0].audit_id, "au-000001");
  EXPECT_EQ(log.flags[0].outcomes.size(), 2u);
  EXPECT_EQ(log.flags[0].therapist_zone, "America/Chicago");
}

}  // namespace
}  // namespace bg::test
