// The embedded audit store: one SQLite file per practice, WAL mode, append-only rows chained by
// SHA-256 (each row's hash covers its content and the previous row's hash). Thread-safe.
#pragma once

#include <memory>
#include <mutex>

#include "audit/audit_store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace bg {

class SqliteAuditStore final : public AuditStore {
 public:
  // Opens or creates the database and brings its schema up to date. Throws AuditFailure.
  SqliteAuditStore(const std::string& path, std::string engine_version);
  ~SqliteAuditStore() override;
  SqliteAuditStore(const SqliteAuditStore&) = delete;
  SqliteAuditStore& operator=(const SqliteAuditStore&) = delete;

  std::string append_verdict(const VerdictEntry& entry) override;
  std::optional<std::string> find_verdict(const std::string& event_id) override;
  bool append_outcome(const OutcomeEntry& entry) override;
  void flush() override;

  static constexpr int kSchemaVersion = 1;

 private:
  struct Statements;
  void migrate();
  void exec(const char* sql);
  std::string next_audit_id();
  // Appends one chained row; the caller holds mutex_. Throws AuditFailure.
  void insert_locked(const std::string& audit_id, const char* kind, const std::string& event_id,
                     const std::string& body);
  [[noreturn]] void fail(const std::string& what) const;

  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statements> statements_;
  std::string engine_version_;
  int64_t last_seq_ = 0;
  std::string last_hash_;
};

}  // namespace bg
