// The bounded queue between evaluating threads and the audit writer thread, and the writer
// thread itself: it commits queued entries to SQLite in groups (one transaction and one sync for
// everything queued), either after at most `max_delay` (journal mode) or at once (durable mode,
// where callers wait for their entry's commit and concurrent callers share one sync).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit_journal.h"
#include "audit/audit_record.h"

namespace spdlog {
class logger;
}

namespace bg {

struct CommitQueueOptions {
  bool durable = false;
  std::chrono::milliseconds max_delay{100};
  size_t capacity = 10000;
  // How long a caller waits for room in a full queue, or (durable) for its commit, before
  // failing with AuditFailure; and how long flush() waits.
  std::chrono::milliseconds wait_limit{10000};
  size_t journal_segment_bytes = 1u << 20;
};

class CommitQueue {
 public:
  // Commits a batch (one transaction); throws on failure (the batch is then retried).
  using CommitFn = std::function<void(const std::vector<AuditRecord>&)>;
  // Called on the writer thread after a batch is committed.
  using CommittedFn = std::function<void(const std::vector<AuditRecord>&)>;

  // `journal` (may be null: no journal) must be started and outlive the queue.
  CommitQueue(CommitQueueOptions options, AuditJournal* journal, CommitFn commit,
              CommittedFn committed, std::shared_ptr<spdlog::logger> log);
  // Commits what is queued (retrying a failing database a few times; what still fails stays in
  // the journal for the next open) and stops the writer thread.
  ~CommitQueue();
  CommitQueue(const CommitQueue&) = delete;
  CommitQueue& operator=(const CommitQueue&) = delete;

  // Waits for room, then calls make() to build the record (under the queue's lock, so that
  // audit ids, journal order and commit order agree), appends it to the journal, calls
  // queued(record, ticket) (still under the lock: the caller's bookkeeping, such as taking the
  // id) and queues it. Returns its ticket (wait_committed's argument). Throws AuditFailure (from
  // make(), the journal, or when no room appears within wait_limit); nothing is queued and queued()
  // is not called then.
  uint64_t push(const std::function<AuditRecord()>& make,
                const std::function<void(const AuditRecord&, uint64_t)>& queued);
  // Waits until the entry with `ticket` is committed. Throws AuditFailure after wait_limit.
  void wait_committed(uint64_t ticket);
  // Asks the writer to commit now and waits until everything pushed so far is committed.
  // Throws AuditFailure after wait_limit (with the database's last error).
  void flush();

  // The database error the writer is retrying, "" when healthy.
  std::string last_error() const;

 private:
  void run();
  bool commit_with_retry(const std::vector<AuditRecord>& batch);
  std::string describe_failure(const char* what) const;

  const CommitQueueOptions options_;
  AuditJournal* const journal_;
  const CommitFn commit_;
  const CommittedFn committed_;
  const std::shared_ptr<spdlog::logger> log_;

  mutable std::mutex mutex_;
  std::condition_variable work_;  // the writer: something to do
  std::condition_variable room_;  // pushers: room in the queue
  std::condition_variable done_;  // waiters: a batch was committed
  std::deque<AuditRecord> queue_;
  std::chrono::steady_clock::time_point oldest_;
  size_t in_flight_ = 0;
  uint64_t pushed_ = 0;
  uint64_t committed_count_ = 0;
  uint64_t flush_target_ = 0;
  bool stop_ = false;
  std::string last_error_;
  std::thread writer_;
};

}  // namespace bg
