#include "audit/commit_queue.h"

#include <spdlog/logger.h>

#include <algorithm>

#include "audit/audit_store.h"

namespace bg {
namespace {

constexpr int kRetriesWhenStopping = 3;

}  // namespace

CommitQueue::CommitQueue(CommitQueueOptions options, AuditJournal* journal, CommitFn commit,
                         CommittedFn committed, std::shared_ptr<spdlog::logger> log)
    : options_(options),
      journal_(journal),
      commit_(std::move(commit)),
      committed_(std::move(committed)),
      log_(std::move(log)) {
  writer_ = std::thread([this] { run(); });
}

CommitQueue::~CommitQueue() {
  {
    std::lock_guard lock{mutex_};
    stop_ = true;
  }
  work_.notify_all();
  if (writer_.joinable()) writer_.join();
}

std::string CommitQueue::last_error() const {
  std::lock_guard lock{mutex_};
  return last_error_;
}

std::string CommitQueue::describe_failure(const char* what) const {
  return std::string{what} + (last_error_.empty() ? std::string{} : ": " + last_error_);
}

uint64_t CommitQueue::push(const std::function<AuditRecord()>& make,
                           const std::function<void(const AuditRecord&, uint64_t)>& queued) {
  std::unique_lock lock{mutex_};
  const bool room = room_.wait_for(lock, options_.wait_limit, [&] {
    return stop_ || queue_.size() + in_flight_ < options_.capacity;
  });
  if (stop_) throw AuditFailure("the audit log is closing");
  if (!room) {
    throw AuditFailure(
        describe_failure("the audit queue is full and the database is not keeping up"));
  }
  AuditRecord record = make();
  if (journal_ != nullptr) journal_->append(record);
  const uint64_t ticket = pushed_ + 1;
  queued(record, ticket);
  if (queue_.empty()) oldest_ = std::chrono::steady_clock::now();
  queue_.push_back(std::move(record));
  pushed_ = ticket;
  lock.unlock();
  work_.notify_one();
  return ticket;
}

void CommitQueue::wait_committed(uint64_t ticket) {
  std::unique_lock lock{mutex_};
  if (!done_.wait_for(lock, options_.wait_limit, [&] { return committed_count_ >= ticket; })) {
    throw AuditFailure(describe_failure("the audit entry could not be committed in time"));
  }
}

void CommitQueue::flush() {
  std::unique_lock lock{mutex_};
  const uint64_t target = pushed_;
  if (committed_count_ >= target) return;
  flush_target_ = std::max(flush_target_, target);
  work_.notify_one();
  if (!done_.wait_for(lock, options_.wait_limit, [&] { return committed_count_ >= target; })) {
    throw AuditFailure(describe_failure("the audit log could not be committed"));
  }
}

bool CommitQueue::commit_with_retry(const std::vector<AuditRecord>& batch) {
  auto backoff = std::chrono::milliseconds{50};
  for (int attempt = 1;; ++attempt) {
    try {
      commit_(batch);
      std::lock_guard lock{mutex_};
      if (!last_error_.empty() && log_) log_->info("audit log: writing again");
      last_error_.clear();
      return true;
    } catch (const std::exception& e) {
      std::unique_lock lock{mutex_};
      last_error_ = e.what();
      if (log_) log_->error("audit log: commit of {} entries failed: {}", batch.size(), e.what());
      if (stop_ && attempt >= kRetriesWhenStopping) return false;
      // Waiters keep waiting (bounded by their own limits); the batch is retried.
      work_.wait_for(lock, backoff, [&] { return false; });
      backoff = std::min(backoff * 2, std::chrono::milliseconds{2000});
    }
  }
}

void CommitQueue::run() {
  std::vector<AuditRecord> batch;
  bool all_committed = true;
  for (;;) {
    std::vector<std::string> retired;
    {
      std::unique_lock lock{mutex_};
      work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping, nothing left
      if (!options_.durable) {
        // Journal mode: gather a group for at most max_delay after the oldest entry.
        work_.wait_until(lock, oldest_ + options_.max_delay, [&] {
          return stop_ || flush_target_ > committed_count_ ||
                 queue_.size() + in_flight_ >= options_.capacity;
        });
      }
      batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
      queue_.clear();
      in_flight_ = batch.size();
      if (journal_ != nullptr) {
        // Every record of the segment closed here is in this batch or an earlier one.
        try {
          retired = journal_->rotate_if_larger(options_.journal_segment_bytes);
        } catch (const std::exception& e) {
          if (log_) log_->warn("audit journal: cannot start a new segment: {}", e.what());
        }
      }
    }
    if (!commit_with_retry(batch)) {
      all_committed = false;
      std::lock_guard lock{mutex_};
      in_flight_ = 0;
      break;  // stopping with a failing database: the journal keeps the entries
    }
    {
      std::lock_guard lock{mutex_};
      committed_count_ += batch.size();
      in_flight_ = 0;
    }
    room_.notify_all();
    done_.notify_all();
    if (committed_) committed_(batch);
    AuditJournal::remove(retired);
  }
  std::lock_guard lock{mutex_};
  if (all_committed && queue_.empty() && journal_ != nullptr) journal_->remove_all();
  room_.notify_all();
  done_.notify_all();
}

}  // namespace bg
