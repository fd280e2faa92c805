// Appends entries to the hash chain, a batch per transaction. The chain's tail is read inside
// each write transaction, so several writers (the engine's writer thread, a supervisor's review
// tool in another process) can share one log without forking the chain.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_record.h"
#include "audit/chain_key.h"
#include "audit/sqlite_handle.h"

namespace bg {

struct ChainTail {
  int64_t seq = 0;  // 0: the log is empty
  std::string audit_id;
  std::string hash;
  ChainFormat format = ChainFormat::v2;
};

class ChainAppender {
 public:
  // `db` is a migrated connection that outlives the appender; `db_path` locates the head anchor.
  ChainAppender(const Database& db, std::string db_path, std::optional<ChainKey> key);

  struct Result {
    std::vector<ChainedEntry> appended;
    std::vector<std::string> skipped;  // audit ids already in the log (or their event's verdict)
  };
  // Appends `records` in order in one transaction and moves the head anchor. Records whose
  // audit id is already in the log, and verdicts for an event that already has one, are
  // skipped (journal replay; a duplicate never blocks the batch). Throws AuditFailure (the
  // transaction is rolled back and nothing is appended): SQLite errors, or a keyed log without
  // the right key.
  //
  // With `assign_prefix` set, each record's audit id is assigned inside the transaction as the
  // next number of that prefix (writers that share a prefix, such as two review tools, then
  // never clash).
  Result append(std::vector<AuditRecord> records, std::string_view assign_prefix = {});
  // The same inside a transaction the caller began (BEGIN IMMEDIATE) and will commit; the head
  // anchor is not moved (call advance_anchor after the commit).
  Result append_in_transaction(std::vector<AuditRecord> records, std::string_view assign_prefix);
  void advance_anchor(const ChainedEntry& last);

  // Reads the tail outside a write transaction.
  ChainTail tail();
  // Throws AuditFailure unless the log's tail agrees with its head anchor (no cut tail).
  void check_head_anchor();
  // Throws AuditFailure when `tail` is keyed and this appender has no key, or the wrong one.
  void check_key(const ChainTail& tail);

  const std::optional<ChainKey>& key() const { return key_; }

 private:
  const Database& db_;
  std::string db_path_;
  std::optional<ChainKey> key_;
  Statement tail_;
  Statement insert_;
  Statement exists_;
  int64_t key_checked_seq_ = -1;
};

}  // namespace bg
