// The audit log's write path: findings committed per second by the SQLite audit store, in its
// journal mode and its durable mode, with 1 and 4 threads appending, against raw SQLite inserting
// the same rows (the same bodies, prepared statements, transactions of the same batch size, WAL
// with full syncs) measured in the same run. Each iteration appends a batch and waits until it is
// committed (flush), so the figure is committed findings, not queued ones. The program ends with
// a table of each figure as a ratio to the baseline at the same thread count.
#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "audit/entry_bodies.h"
#include "audit/sqlite_audit_store.h"
#include "bench_support.h"

namespace bgbench {
namespace {

constexpr int kBatch = 256;

struct Shared {
  ScratchDir dir;
  std::unique_ptr<bg::SqliteAuditStore> store;
};
Shared* g_shared = nullptr;
std::atomic<uint64_t> g_block{0};

// One flagged message's verdict with two findings and evidence, as the engine would log it.
struct Sample {
  bg::Verdict verdict;
  std::string text = "can't sleep, thinking about you all week. are you up? text me on my cell";
  bg::VerdictEntry entry() const {
    bg::VerdictEntry e;
    e.verdict = &verdict;
    e.therapist = "t-ana";
    e.client = "c-042";
    e.supervisor = "s-lee";
    e.therapist_zone = "America/Chicago";
    e.client_zone = "America/Denver";
    e.event_time = *bg::parse_rfc3339("2026-03-04T23:15:00-06:00");
    e.text = text;
    e.policy_sha256 = std::string(64, 'a');
    return e;
  }
};

Sample sample(const std::string& event_id) {
  Sample s;
  s.verdict.event_id = event_id;
  s.verdict.event_type = bg::EventType::message;
  s.verdict.policy = "default@1#3bac4b8e94e6";
  bg::Finding off_hours;
  off_hours.rule = "personal-text-off-hours";
  off_hours.category = bg::Category::off_hours;
  off_hours.severity = bg::Severity::high;
  off_hours.decision = bg::Decision::warn;
  off_hours.citations = {"NASW 1.06(e)", "ACA 2014 H.6.a"};
  off_hours.explanation =
      "Sent Wed 23:15 America/Chicago, outside t-ana's hours (Wed 09:00-17:00); Wed 22:15 for "
      "the client (America/Denver, inside their quiet hours 21:00-08:00)";
  off_hours.notice = "It's Wed 23:15 for you and this reads as personal rather than clinical.";
  off_hours.evidence = {{0, 11, "can't sleep"}, {13, 31, "thinking about you"}};
  bg::Finding channel = off_hours;
  channel.rule = "moves-to-personal-channel";
  channel.category = bg::Category::personal_channel;
  channel.severity = bg::Severity::medium;
  channel.evidence = {{55, 73, "text me on my cell"}};
  s.verdict.findings = {off_hours, channel};
  s.verdict.finalize();
  return s;
}

// Shared state is made once before the threads start (Setup) and removed after they end
// (Teardown): made by thread 0 inside the benchmark, other threads could use it before it exists.
void SetUpAuditStore(const benchmark::State& state) {
  g_shared = new Shared;
  bg::AuditStoreOptions options;
  options.mode = state.range(0) == 1 ? bg::AuditMode::durable : bg::AuditMode::journal;
  g_shared->store =
      std::make_unique<bg::SqliteAuditStore>(g_shared->dir.file("audit.db"), "1.0.0", options);
}

void TearDownAuditStore(const benchmark::State&) {
  delete g_shared;
  g_shared = nullptr;
}

void BM_AuditStore(benchmark::State& state) {
  const bool durable = state.range(0) == 1;
  uint64_t n = (g_block++) << 32;
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      const Sample s = sample("e" + std::to_string(n++));
      g_shared->store->append_verdict(s.entry());
      // As the engine does before it releases a verdict (durable mode: until it is synced).
      g_shared->store->await_verdict(s.verdict.event_id);
    }
    g_shared->store->flush();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.SetLabel(durable ? "durable" : "journal");
}

struct Raw {
  ScratchDir dir;
  std::string path;
  std::string body;  // one verdict body, as the store renders it
};
Raw* g_raw = nullptr;

void SetUpRawSqlite(const benchmark::State&) {
  g_raw = new Raw;
  g_raw->path = g_raw->dir.file("raw.db");
  const Sample s = sample("e0");
  g_raw->body = bg::verdict_body(s.entry(), "1.0.0");
  sqlite3* db = nullptr;
  sqlite3_open(g_raw->path.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL;"
               "CREATE TABLE entries (seq INTEGER PRIMARY KEY, audit_id TEXT NOT NULL UNIQUE,"
               " kind TEXT NOT NULL, event_id TEXT NOT NULL, recorded_at TEXT NOT NULL,"
               " body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,"
               " format INTEGER NOT NULL);",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

void TearDownRawSqlite(const benchmark::State&) {
  delete g_raw;
  g_raw = nullptr;
}

void BM_RawSqliteBaseline(benchmark::State& state) {
  // Every thread has its own connection, as separate writers would.
  sqlite3* db = nullptr;
  sqlite3_open(g_raw->path.c_str(), &db);
  sqlite3_busy_timeout(db, 60000);
  sqlite3_exec(db, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO entries(audit_id, kind, event_id, recorded_at, body, "
                     "prev_hash, hash, format) VALUES(?,?,?,?,?,?,?,2)",
                     -1, &insert, nullptr);
  const std::string hash(64, 'f');
  uint64_t n = (g_block++) << 32;
  for (auto _ : state) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (int i = 0; i < kBatch; ++i) {
      const std::string id = "e" + std::to_string(n++);
      sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 2, "verdict", -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 4, "2026-03-05T05:15:00.000Z", -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 5, g_raw->body.c_str(), static_cast<int>(g_raw->body.size()),
                        SQLITE_STATIC);
      sqlite3_bind_text(insert, 6, hash.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 7, hash.c_str(), -1, SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) state.SkipWithError("insert failed");
      sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  state.SetItemsProcessed(state.iterations() * kBatch);
}

BENCHMARK(BM_AuditStore)
    ->Setup(SetUpAuditStore)
    ->Teardown(TearDownAuditStore)
    ->ArgName("durable")
    ->Arg(0)
    ->Arg(1)
    ->Threads(1)
    ->Threads(4)
    ->MinTime(1.0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteBaseline)
    ->Setup(SetUpRawSqlite)
    ->Teardown(TearDownRawSqlite)
    ->Threads(1)
    ->Threads(4)
    ->MinTime(1.0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Prints the runs as usual, then each store figure as a ratio to the baseline.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      const auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[run.benchmark_name()] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\nfindings committed per second, as a ratio to raw SQLite (same run)\n");
    std::printf("%-10s %-8s %14s %14s %8s\n", "mode", "threads", "store/s", "raw SQLite/s",
                "ratio");
    for (const char* threads : {"1", "4"}) {
      const std::string suffix = "threads:" + std::string{threads};
      const double raw = rate("BM_RawSqliteBaseline/", suffix);
      for (const auto& [mode, arg] : {std::pair{"journal", "0"}, std::pair{"durable", "1"}}) {
        const double store = rate("BM_AuditStore/durable:" + std::string{arg} + "/", suffix);
        std::printf("%-10s %-8s %14.0f %14.0f %7.2fx\n", mode, threads, store, raw,
                    raw > 0 ? store / raw : 0.0);
      }
    }
  }

 private:
  // The rate of the run whose name starts with `prefix` and ends with `suffix` (the name has
  // the options in between, such as min_time and real_time).
  double rate(const std::string& prefix, const std::string& suffix) const {
    for (const auto& [name, value] : rates_) {
      if (name.rfind(prefix, 0) == 0 && name.size() >= suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return value;
      }
    }
    return 0.0;
  }
  std::map<std::string, double> rates_;
};

}  // namespace
}  // namespace bgbench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  bgbench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
