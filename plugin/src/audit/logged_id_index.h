// Which event ids have a verdict in the audit log, as 64-bit hashes: lets the engine answer "is
// this new id already logged?" without a SQLite query for every new event. A hash match may be a
// collision, so a "may contain" is confirmed by the query; a miss is certain. About 8 bytes per
// logged id. Not thread-safe: the store guards it.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace bg {

class LoggedIdIndex {
 public:
  void add(std::string_view event_id);
  bool may_contain(std::string_view event_id) const;
  size_t size() const { return sorted_.size() + recent_.size(); }

 private:
  // Ids added lately are merged into the sorted array once there are this many.
  static constexpr size_t kRecentLimit = 4096;

  static uint64_t hash(std::string_view event_id);

  std::vector<uint64_t> sorted_;
  std::unordered_set<uint64_t> recent_;
};

}  // namespace bg
