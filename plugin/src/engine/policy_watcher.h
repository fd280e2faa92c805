// Watches the files of a loaded policy and calls back when one changes, so that an engine can
// reload a policy edited in place (engine option "watch_policy_ms"). Polls modification times
// and sizes on its own thread; a missing file counts as a change. The callback runs on the
// watcher's thread, must not destroy the watcher, and returns the files to watch from then on
// (a reload may add or drop a fragment).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace bg {

class PolicyWatcher {
 public:
  using OnChange = std::function<std::vector<std::string>()>;
  PolicyWatcher(std::vector<std::string> files, std::chrono::milliseconds interval,
                OnChange on_change);
  ~PolicyWatcher();
  PolicyWatcher(const PolicyWatcher&) = delete;
  PolicyWatcher& operator=(const PolicyWatcher&) = delete;

  // Watch these files from now on (after a reload from elsewhere). Thread-safe; may be called
  // from the callback.
  void watch(const std::vector<std::string>& files);

 private:
  struct Stamp {
    std::string path;
    std::filesystem::file_time_type mtime{};
    std::uintmax_t size = 0;
    bool exists = false;
  };
  static std::vector<Stamp> stamp(const std::vector<std::string>& files);
  static bool changed(const std::vector<Stamp>& before);
  void run();

  std::chrono::milliseconds interval_;
  OnChange on_change_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<Stamp> stamps_;
  std::thread thread_;
};

}  // namespace bg
