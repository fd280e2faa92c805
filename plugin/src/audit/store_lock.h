// One engine per audit log at a time: an exclusive flock on <db>.bg-lock, held for the engine's
// lifetime. The engine hands out audit ids before entries are committed, which is only safe
// while it is the log's only engine. (Review tools do not take it: their ids have their own
// prefix and they append inside their own transactions.)
#pragma once

#include <string>

namespace bg {

class StoreLock {
 public:
  // Throws AuditFailure when another engine (in any process) holds the log.
  explicit StoreLock(const std::string& db_path);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace bg
