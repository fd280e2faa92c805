#include "engine/policy_watcher.h"

#include <optional>

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

void PolicyWatcher::watch(const std::vector<std::string>& files) {
  auto fresh = stamp(files);
  std::lock_guard lock{mutex_};
  stamps_ = std::move(fresh);
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
    std::vector<Stamp> before = stamps_;
    lock.unlock();
    // This thread runs inside the host: nothing may escape it (a failure to read a stamp or
    // to reload is tried again at the next poll).
    std::optional<std::vector<Stamp>> next;
    try {
      if (changed(before)) next = stamp(on_change_());
    } catch (...) {
    }
    lock.lock();
    if (next) stamps_ = std::move(*next);
  }
}

bool PolicyWatcher::changed(const std::vector<Stamp>& before) {
  std::vector<std::string> paths;
  for (const auto& s : before) paths.push_back(s.path);
  const auto now = stamp(paths);
  for (size_t i = 0; i < now.size(); ++i) {
    if (now[i].exists != before[i].exists || now[i].mtime != before[i].mtime ||
        now[i].size != before[i].size) {
      return true;
    }
  }
  return false;
}

}  // namespace bg
