#include "audit/chain_appender.h"

#include <sqlite3.h>

#include "audit/audit_ids.h"
#include "audit/audit_store.h"
#include "audit/chain_hash.h"
#include "audit/head_anchor.h"
#include "audit/id_counter.h"

namespace bg {

ChainAppender::ChainAppender(const Database& db, std::string db_path, std::optional<ChainKey> key)
    : db_(db),
      db_path_(std::move(db_path)),
      key_(std::move(key)),
      tail_(db,
            "SELECT seq, audit_id, kind, event_id, recorded_at, body, prev_hash, hash, format "
            "FROM entries ORDER BY seq DESC LIMIT 1"),
      insert_(db,
              "INSERT INTO entries(seq, audit_id, kind, event_id, recorded_at, body, prev_hash, "
              "hash, format) VALUES(?,?,?,?,?,?,?,?,?)"),
      exists_(db, "SELECT 1 FROM entries WHERE audit_id = ?") {}

ChainTail ChainAppender::tail() {
  ChainTail t;
  t.hash = kGenesisHash;
  tail_.reset();
  if (tail_.step()) {
    t.seq = tail_.integer(0);
    t.audit_id = tail_.text(1);
    t.hash = tail_.text(7);
    t.format = static_cast<ChainFormat>(tail_.integer(8));
  }
  tail_.reset();  // no read transaction left open on the connection
  return t;
}

void ChainAppender::check_key(const ChainTail& t) {
  if (t.format != ChainFormat::v2_keyed || t.seq == key_checked_seq_) return;
  if (!key_) {
    throw AuditFailure(
        "this audit log is keyed with a secret (HMAC): give its key (audit_key_file, $" +
        std::string{kKeyFileVariable} + " or $" + kKeyVariable + ")");
  }
  // The tail's own HMAC tells whether our key is the log's key.
  ChainedEntry e;
  tail_.reset();
  if (!tail_.step()) return;
  e.seq = tail_.integer(0);
  e.record = AuditRecord{tail_.text(1), tail_.text(2), tail_.text(3), tail_.text(4), tail_.text(5)};
  e.prev_hash = tail_.text(6);
  e.hash = tail_.text(7);
  e.format = ChainFormat::v2_keyed;
  tail_.reset();
  if (entry_hash(e, &*key_) != e.hash) {
    throw AuditFailure("the audit key (id " + key_->id() +
                       ") is not the key this audit log is chained with");
  }
  key_checked_seq_ = e.seq;
}

void ChainAppender::check_head_anchor() {
  const auto read = read_head_anchor(db_path_);
  const ChainTail t = tail();
  if (!read.anchor) {
    if (!read.problem.empty()) {
      throw AuditFailure(read.problem + ": run `boundaryctl audit verify` before using the log");
    }
    return;
  }
  if (read.anchor->seq > t.seq && t.seq == 0) {
    throw AuditFailure("the audit log is empty but its head anchor records entry " +
                       std::to_string(read.anchor->seq) + " (" + read.anchor->audit_id +
                       "): its entries were deleted; run `boundaryctl audit verify`");
  }
  if (read.anchor->seq > t.seq) {
    throw AuditFailure("the audit log ends at entry " + std::to_string(t.seq) +
                       " but its head anchor records entry " + std::to_string(read.anchor->seq) +
                       " (" + read.anchor->audit_id +
                       "): entries were removed; run `boundaryctl audit verify`");
  }
}

ChainAppender::Result ChainAppender::append(std::vector<AuditRecord> records,
                                            std::string_view assign_prefix) {
  if (records.empty()) return {};
  db_.exec("BEGIN IMMEDIATE", "cannot start an audit transaction");
  Result result;
  try {
    result = append_in_transaction(std::move(records), assign_prefix);
    db_.exec("COMMIT", "cannot commit to the audit log");
  } catch (...) {
    db_.exec_quietly("ROLLBACK");
    key_checked_seq_ = -1;
    throw;
  }
  if (!result.appended.empty()) advance_anchor(result.appended.back());
  return result;
}

void ChainAppender::advance_anchor(const ChainedEntry& last) {
  advance_head_anchor(db_path_, HeadAnchor{last.seq, last.record.audit_id, last.hash, {}},
                      key_ ? &*key_ : nullptr);
}

ChainAppender::Result ChainAppender::append_in_transaction(std::vector<AuditRecord> records,
                                                           std::string_view assign_prefix) {
  Result result;
  ChainTail t = tail();
  check_key(t);
  const ChainFormat format = key_ ? ChainFormat::v2_keyed : ChainFormat::v2;
  int64_t next = assign_prefix.empty() ? 0 : next_id_number(db_, assign_prefix);
  for (auto& record : records) {
    if (!assign_prefix.empty()) record.audit_id = format_audit_id(assign_prefix, next++);
    exists_.reset();
    exists_.bind(1, record.audit_id);
    const bool exists = exists_.step();
    exists_.reset();
    if (exists) {
      result.skipped.push_back(record.audit_id);
      continue;
    }
    ChainedEntry e;
    e.seq = t.seq + 1;
    e.format = format;
    e.prev_hash = t.hash;
    e.record = std::move(record);
    e.hash = entry_hash(e, key_ ? &*key_ : nullptr);
    const AuditRecord& r = e.record;
    insert_.reset();
    insert_.bind(1, e.seq)
        .bind(2, r.audit_id)
        .bind(3, r.kind)
        .bind(4, r.event_id)
        .bind(5, r.recorded_at)
        .bind(6, r.body)
        .bind(7, e.prev_hash)
        .bind(8, e.hash)
        .bind(9, static_cast<int64_t>(format));
    const int rc = insert_.step_code();
    insert_.reset();
    if (rc == SQLITE_CONSTRAINT) {
      // A second verdict for one event: the first stays the event's entry.
      result.skipped.push_back(r.audit_id);
      continue;
    }
    if (rc != SQLITE_DONE) db_.fail("cannot append to the audit log");
    t.seq = e.seq;
    t.audit_id = r.audit_id;
    t.hash = e.hash;
    t.format = format;
    result.appended.push_back(std::move(e));
  }
  if (format == ChainFormat::v2_keyed && !result.appended.empty()) key_checked_seq_ = t.seq;
  return result;
}

}  // namespace bg
