// Remembers the verdicts of recently evaluated events, so that a repeated event id returns the
// first verdict. Bounded: the oldest ids are forgotten first (flagged ones stay findable in the
// audit log). Thread-safe.
#pragma once

#include <algorithm>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "engine/verdict.h"

namespace bg {

class SeenEvents {
 public:
  // The table is sized up front (up to 65,536 buckets' worth), so that no insert in the send
  // path pays for a rehash of every remembered id.
  explicit SeenEvents(size_t capacity) : capacity_(capacity) {
    by_id_.reserve(std::min<size_t>(capacity + 1, size_t{1} << 16));
  }

  std::shared_ptr<const Verdict> find(const std::string& id) const;
  // Keeps `verdict` unless the id is already known; returns the verdict now on record.
  std::shared_ptr<const Verdict> insert(const std::string& id,
                                        std::shared_ptr<const Verdict> verdict);

 private:
  size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Verdict>> by_id_;
  std::deque<std::string> order_;
};

}  // namespace bg
