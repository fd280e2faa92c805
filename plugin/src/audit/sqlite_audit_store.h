// The embedded audit store: one SQLite file per practice (WAL), append-only entries chained by
// SHA-256 or HMAC-SHA-256, a journal for entries not yet committed, and a writer thread that
// commits in groups. Thread-safe. docs/audit.md describes the guarantees.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "audit/audit_store.h"
#include "audit/audit_store_options.h"
#include "audit/logged_id_index.h"
#include "audit/sqlite_handle.h"
#include "audit/store_lock.h"

namespace bg {

class AuditJournal;
class ChainAppender;
class CommitQueue;
struct AuditRecord;

class SqliteAuditStore final : public AuditStore {
 public:
  // Opens or creates the database, brings its schema up to date, replays the journal left by
  // a crash, and starts the writer thread. Throws AuditFailure.
  SqliteAuditStore(const std::string& path, std::string engine_version,
                   AuditStoreOptions options = {});
  // Commits everything queued, then closes.
  ~SqliteAuditStore() override;
  SqliteAuditStore(const SqliteAuditStore&) = delete;
  SqliteAuditStore& operator=(const SqliteAuditStore&) = delete;

  std::string append_verdict(const VerdictEntry& entry) override;
  void await_verdict(const std::string& event_id) override;
  std::optional<LoggedVerdict> find_verdict(const std::string& event_id) override;
  bool append_outcome(const OutcomeEntry& entry) override;
  bool append_policy(const PolicyEntry& entry) override;
  void flush() override;
  std::vector<LoggedFlag> recent_flags(std::chrono::hours window) override;

  static constexpr int kSchemaVersion = 2;

 private:
  struct Logged {
    std::string audit_id;
    std::string body;
    uint64_t ticket = 0;  // its place in the commit queue (pending entries only)
  };
  void replay();
  void read_counters();
  std::optional<Logged> find_logged(const std::string& event_id);
  // Queues a record with the next id of `prefix`; in durable mode waits for its commit when
  // `wait` is set.
  std::string append(std::string_view prefix, const char* kind, const std::string& event_id,
                     std::string body, bool wait);
  void committed(const std::vector<AuditRecord>& batch);
  std::string now() const;

  const std::string path_;
  const std::string engine_version_;
  const AuditStoreOptions options_;
  StoreLock lock_;
  const bool fresh_;  // the database file did not exist before this store created it
  Database write_db_;
  std::unique_ptr<ChainAppender> appender_;
  Database read_db_;
  std::mutex read_mutex_;
  std::unique_ptr<Statement> find_verdict_;
  std::unique_ptr<AuditJournal> journal_;
  std::mutex pending_mutex_;
  std::unordered_map<std::string, Logged> pending_;  // verdicts queued, not yet committed
  LoggedIdIndex logged_ids_;  // every event id with a verdict entry, committed or pending
  std::unordered_map<std::string, int64_t> next_number_;  // by id prefix; under the queue's lock
  std::mutex policy_mutex_;
  std::string last_policy_sha256_;
  std::unique_ptr<CommitQueue> queue_;  // last: stopped first
};

}  // namespace bg
