#include "engine/pattern_tracker.h"

#include <algorithm>

namespace bg {

std::vector<FlaggedEvent> PatternTracker::recent(const std::string& therapist,
                                                 const std::string& client, Instant when,
                                                 std::chrono::hours window) const {
  std::lock_guard lock{mutex_};
  std::vector<FlaggedEvent> out;
  const auto it = pairs_.find(key(therapist, client));
  if (it == pairs_.end()) return out;
  for (const auto& e : it->second.events) {
    if (e.when <= when && e.when > when - window) out.push_back(e);
  }
  return out;
}

void PatternTracker::record(const std::string& therapist, const std::string& client,
                            FlaggedEvent event) {
  std::lock_guard lock{mutex_};
  const std::string k = key(therapist, client);
  auto it = pairs_.find(k);
  if (it == pairs_.end()) {
    by_age_.push_back(k);
    it = pairs_.emplace(k, Pair{{}, std::prev(by_age_.end())}).first;
  } else {
    by_age_.splice(by_age_.end(), by_age_, it->second.age);
  }
  auto& events = it->second.events;
  const auto at = std::upper_bound(events.begin(), events.end(), event.when,
                                   [](Instant t, const FlaggedEvent& e) { return t < e.when; });
  events.insert(at, std::move(event));
  if (events.size() > kMaxPerPair) events.erase(events.begin());
  while (pairs_.size() > kMaxPairs) {
    pairs_.erase(by_age_.front());
    by_age_.pop_front();
  }
}

size_t PatternTracker::pair_count() const {
  std::lock_guard lock{mutex_};
  return pairs_.size();
}

}  // namespace bg
