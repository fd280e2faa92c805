#include "engine/seen_events.h"

namespace bg {

std::shared_ptr<const Verdict> SeenEvents::find(const std::string& id) const {
  std::lock_guard lock{mutex_};
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::shared_ptr<const Verdict> SeenEvents::insert(const std::string& id,
                                                  std::shared_ptr<const Verdict> verdict) {
  std::lock_guard lock{mutex_};
  const auto [it, inserted] = by_id_.emplace(id, std::move(verdict));
  if (!inserted) return it->second;
  order_.push_back(id);
  while (order_.size() > capacity_) {
    by_id_.erase(order_.front());
    order_.pop_front();
  }
  return it->second;
}

}  // namespace bg
