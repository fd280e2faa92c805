#include "engine/policy_watcher.h"

namespace bg {

PolicyWatcher::PolicyWatcher(std::vector<std::string> files, std::chrono::milliseconds interval,
                             OnChange on_change)
    : interval_(interval), on_change_(std::move(on_change)), stamps_(stamp(files)) {
  thread_ = std::thread([this] { run(); });
}

PolicyWatcher::~PolicyWatcher() {
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::vector<PolicyWatcher::Stamp> PolicyWatcher::stamp(const std::vector<std::string>& files) {
  std::vector<Stamp> out;
  for (const auto& path : files) {
    Stamp s;
    s.path = path;
    std::error_code ec;
    s.mtime = std::filesystem::last_write_time(path, ec);
    s.exists = !ec;
    if (s.exists) s.size = std::filesystem::file_size(path, ec);
    out.push_back(std::move(s));
  }
  return out;
}

void PolicyWatcher::run() {
  std::unique_lock lock{mutex_};
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_) break;
    std::vector<std::string> paths;
    for (const auto& s : stamps_) paths.push_back(s.path);
    lock.unlock();
    const auto now = stamp(paths);
    lock.lock();
    bool changed = now.size() != stamps_.size();
    for (size_t i = 0; !changed && i < now.size(); ++i) {
      changed = now[i].exists != stamps_[i].exists || now[i].mtime != stamps_[i].mtime ||
                now[i].size != stamps_[i].size;
    }
    if (!changed) continue;
    lock.unlock();
    auto next = stamp(on_change_());
    lock.lock();
    stamps_ = std::move(next);
  }
}

}  // namespace bg
