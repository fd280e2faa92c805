#include "audit/logged_id_index.h"

#include <algorithm>
#include <functional>
#include <iterator>

namespace bg {

uint64_t LoggedIdIndex::hash(std::string_view event_id) {
  return static_cast<uint64_t>(std::hash<std::string_view>{}(event_id));
}

void LoggedIdIndex::add(std::string_view event_id) {
  const uint64_t h = hash(event_id);
  if (std::binary_search(sorted_.begin(), sorted_.end(), h)) return;
  recent_.insert(h);
  if (recent_.size() < kRecentLimit) return;
  std::vector<uint64_t> merged;
  merged.reserve(sorted_.size() + recent_.size());
  std::vector<uint64_t> fresh(recent_.begin(), recent_.end());
  std::sort(fresh.begin(), fresh.end());
  std::merge(sorted_.begin(), sorted_.end(), fresh.begin(), fresh.end(),
             std::back_inserter(merged));
  sorted_ = std::move(merged);
  recent_.clear();
}

bool LoggedIdIndex::may_contain(std::string_view event_id) const {
  const uint64_t h = hash(event_id);
  return recent_.count(h) != 0 || std::binary_search(sorted_.begin(), sorted_.end(), h);
}

}  // namespace bg
