#include "audit/sqlite_audit_store.h"

#include <spdlog/logger.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "audit/audit_ids.h"
#include "audit/audit_journal.h"
#include "audit/audit_schema.h"
#include "audit/chain_appender.h"
#include "audit/commit_queue.h"
#include "audit/entry_bodies.h"
#include "audit/head_anchor.h"
#include "audit/id_counter.h"

namespace bg {
namespace {

constexpr size_t kReplayBatch = 5000;

}  // namespace

SqliteAuditStore::SqliteAuditStore(const std::string& path, std::string engine_version,
                                   AuditStoreOptions options)
    : path_(path),
      engine_version_(std::move(engine_version)),
      options_(std::move(options)),
      lock_(path),
      fresh_(!std::filesystem::exists(path)),
      write_db_(path, Database::Mode::create) {
  configure_writer(write_db_);
  migrate_audit_schema(write_db_);
  if (fresh_) {
    // The database was deleted (on purpose: its rows could not have been): an anchor left by
    // the old log is moved aside, as evidence, and this log starts its own.
    const std::string aside = retire_head_anchor(path_);
    if (!aside.empty() && options_.log) {
      options_.log->warn("audit log created anew; the deleted log's head anchor is kept as {}",
                         aside);
    }
  }
  appender_ = std::make_unique<ChainAppender>(write_db_, path_, load_chain_key(options_.key_file));
  // Refuse to write on top of a log that was cut, or with the wrong key.
  appender_->check_key(appender_->tail());
  appender_->check_head_anchor();
  journal_ = std::make_unique<AuditJournal>(path_);
  replay();
  read_counters();
  const ChainTail tail = appender_->tail();
  if (tail.seq > 0) {
    // A log written before schema v2 gets its first anchor here.
    advance_head_anchor(path_, HeadAnchor{tail.seq, tail.audit_id, tail.hash, {}},
                        appender_->key() ? &*appender_->key() : nullptr);
  }
  read_db_ = Database(path_, Database::Mode::read);
  find_verdict_ = std::make_unique<Statement>(
      read_db_, "SELECT audit_id, body FROM entries WHERE kind = 'verdict' AND event_id = ?");
  {
    Statement ids{read_db_, "SELECT event_id FROM entries WHERE kind = 'verdict'"};
    while (ids.step()) logged_ids_.add(ids.text(0));
  }
  const bool durable = options_.mode == AuditMode::durable;
  if (!durable) journal_->start();
  CommitQueueOptions queue;
  queue.durable = durable;
  queue.max_delay = options_.commit_delay;
  queue.capacity = options_.queue_capacity;
  queue.wait_limit = options_.wait_limit;
  queue_ = std::make_unique<CommitQueue>(
      queue, durable ? nullptr : journal_.get(),
      [this](const std::vector<AuditRecord>& batch) { appender_->append(batch); },
      [this](const std::vector<AuditRecord>& batch) { committed(batch); }, options_.log);
}

SqliteAuditStore::~SqliteAuditStore() { queue_.reset(); }

std::string SqliteAuditStore::now() const {
  return format_recorded_at(options_.clock ? options_.clock() : now_instant());
}

void SqliteAuditStore::replay() {
  const auto records = journal_->read_all();
  if (records.empty()) {
    journal_->remove_all();
    return;
  }
  size_t appended = 0, skipped = 0;
  for (size_t at = 0; at < records.size(); at += kReplayBatch) {
    const auto end =
        records.begin() + static_cast<std::ptrdiff_t>(std::min(records.size(), at + kReplayBatch));
    const auto result = appender_->append(
        std::vector<AuditRecord>(records.begin() + static_cast<std::ptrdiff_t>(at), end));
    appended += result.appended.size();
    skipped += result.skipped.size();
  }
  if (options_.log) {
    options_.log->info("audit journal: replayed {} entries ({} were already in the log)", appended,
                       skipped);
  }
  journal_->remove_all();
}

void SqliteAuditStore::read_counters() {
  for (const std::string_view prefix : {kEngineIdPrefix, kPolicyIdPrefix}) {
    next_number_[std::string{prefix}] = next_id_number(write_db_, prefix);
  }
  Statement policy{write_db_,
                   "SELECT body FROM entries WHERE kind = 'policy' ORDER BY seq DESC LIMIT 1"};
  if (policy.step()) {
    const auto body = nlohmann::json::parse(policy.text(0), nullptr, false);
    if (!body.is_discarded()) last_policy_sha256_ = body.value("sha256", "");
  }
}

std::optional<SqliteAuditStore::Logged> SqliteAuditStore::find_logged(const std::string& event_id) {
  {
    std::lock_guard lock{pending_mutex_};
    const auto it = pending_.find(event_id);
    if (it != pending_.end()) return it->second;
    // Most ids are new: the index answers them without a query.
    if (!logged_ids_.may_contain(event_id)) return std::nullopt;
  }
  // Not pending: committed (the writer commits before it forgets a pending entry) or never
  // logged.
  std::lock_guard lock{read_mutex_};
  find_verdict_->reset();
  find_verdict_->bind(1, event_id);
  std::optional<Logged> found;
  if (find_verdict_->step()) found = Logged{find_verdict_->text(0), find_verdict_->text(1)};
  find_verdict_->reset();
  return found;
}

std::optional<LoggedVerdict> SqliteAuditStore::find_verdict(const std::string& event_id) {
  const auto logged = find_logged(event_id);
  if (!logged) return std::nullopt;
  return logged_verdict_from_body(logged->body, logged->audit_id);
}

std::string SqliteAuditStore::append(std::string_view prefix, const char* kind,
                                     const std::string& event_id, std::string body, bool wait) {
  const std::string key{prefix};
  std::string audit_id;
  const bool is_verdict = std::string_view{kind} == entry_kind::kVerdict;
  const uint64_t ticket = queue_->push(
      [&] {
        return AuditRecord{format_audit_id(prefix, next_number_[key]), kind, event_id, now(), body};
      },
      [&](const AuditRecord& record, uint64_t queued_as) {
        ++next_number_[key];
        audit_id = record.audit_id;
        if (is_verdict) {
          std::lock_guard lock{pending_mutex_};
          pending_[event_id] = Logged{record.audit_id, record.body, queued_as};
          logged_ids_.add(event_id);
        }
      });
  if (wait && options_.mode == AuditMode::durable) queue_->wait_committed(ticket);
  return audit_id;
}

void SqliteAuditStore::await_verdict(const std::string& event_id) {
  if (options_.mode != AuditMode::durable) return;  // the journal already holds it
  uint64_t ticket = 0;
  {
    std::lock_guard lock{pending_mutex_};
    const auto it = pending_.find(event_id);
    if (it == pending_.end()) return;  // committed
    ticket = it->second.ticket;
  }
  queue_->wait_committed(ticket);
}

void SqliteAuditStore::committed(const std::vector<AuditRecord>& batch) {
  std::lock_guard lock{pending_mutex_};
  for (const auto& record : batch) {
    if (record.kind != entry_kind::kVerdict) continue;
    const auto it = pending_.find(record.event_id);
    if (it != pending_.end() && it->second.audit_id == record.audit_id) pending_.erase(it);
  }
}

std::string SqliteAuditStore::append_verdict(const VerdictEntry& entry) {
  return append(kEngineIdPrefix, entry_kind::kVerdict, entry.verdict->event_id,
                verdict_body(entry, engine_version_), false);
}

bool SqliteAuditStore::append_outcome(const OutcomeEntry& entry) {
  const auto logged = find_logged(entry.event_id);
  if (!logged) return false;
  append(kEngineIdPrefix, entry_kind::kOutcome, entry.event_id,
         outcome_body(entry, logged->audit_id), true);
  return true;
}

bool SqliteAuditStore::append_policy(const PolicyEntry& entry) {
  std::lock_guard lock{policy_mutex_};
  if (entry.sha256 == last_policy_sha256_) return false;
  append(kPolicyIdPrefix, entry_kind::kPolicy, "", policy_body(entry), true);
  last_policy_sha256_ = entry.sha256;
  return true;
}

void SqliteAuditStore::flush() { queue_->flush(); }

std::vector<LoggedFlag> SqliteAuditStore::recent_flags(std::chrono::hours window) {
  std::lock_guard lock{read_mutex_};
  // Event times are written by format_utc (fixed width), so text order is time order.
  Statement latest{read_db_,
                   "SELECT max(json_extract(body, '$.event_time_utc')) FROM entries"
                   " WHERE kind = 'verdict'"};
  if (!latest.step() || latest.is_null(0)) return {};
  const auto end = parse_rfc3339(latest.text(0));
  if (!end) return {};
  Statement rows{read_db_,
                 "SELECT audit_id, json_extract(body, '$.therapist'),"
                 " json_extract(body, '$.client'), json_extract(body, '$.event_time_utc'),"
                 " json_extract(body, '$.verdict')"
                 " FROM entries WHERE kind = 'verdict'"
                 "  AND json_extract(body, '$.event_time_utc') >= ?1"
                 " ORDER BY json_extract(body, '$.event_time_utc'), seq"};
  rows.bind(1, format_utc(*end - window));
  std::vector<LoggedFlag> flags;
  while (rows.step()) {
    const auto when = parse_rfc3339(rows.text(3));
    if (!when || rows.is_null(4)) continue;  // an entry from before these fields existed
    flags.push_back(LoggedFlag{rows.text(0), rows.text(1), rows.text(2), *when, rows.text(4)});
  }
  return flags;
}

}  // namespace bg
