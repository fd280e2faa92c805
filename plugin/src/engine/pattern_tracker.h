// Remembers, per therapist-client pair, the recent flagged events (unsuppressed findings at or
// above the policy's pattern severity), for the `pattern` category: the 3rd flagged event of a
// pair within 30 days (by default) carries a pattern finding listing the earlier ones.
// Bounded: at most kMaxPerPair entries per pair and kMaxPairs pairs (the pairs idle longest are
// forgotten first). Thread-safe.
#pragma once

#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/vocabulary.h"
#include "time/timestamp.h"

namespace bg {

struct FlaggedEvent {
  Instant when{};
  std::string entry;  // the audit id, or the event id when there is no audit log
  Severity severity = Severity::medium;
};

class PatternTracker {
 public:
  static constexpr size_t kMaxPerPair = 32;
  static constexpr size_t kMaxPairs = 100000;

  // Flagged events of the pair in (when - window, when], oldest first.
  std::vector<FlaggedEvent> recent(const std::string& therapist, const std::string& client,
                                   Instant when, std::chrono::hours window) const;
  void record(const std::string& therapist, const std::string& client, FlaggedEvent event);
  size_t pair_count() const;

 private:
  struct Pair {
    std::vector<FlaggedEvent> events;  // sorted by time
    std::list<std::string>::iterator age;
  };
  static std::string key(const std::string& therapist, const std::string& client) {
    return therapist + '\x1f' + client;
  }

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Pair> pairs_;
  std::list<std::string> by_age_;  // least recently recorded first
};

}  // namespace bg
