// Shared bits of the SDK tests: the loaded real plugin, event lines and a scratch folder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "boundary_guard/plugin_loader.hpp"

namespace sdk_test {

// The real plugin, loaded once per test process.
inline const bg_api* api() {
  static const boundary_guard::PluginLoader plugin{BG_TEST_PLUGIN};
  return plugin.api();
}

inline constexpr const char* kTherapist =
    R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","supervisor":"s-lee",)"
    R"("hours":{"mon":["09:00-17:00"],"wed":["09:00-17:00"]}})";
inline constexpr const char* kClient =
    R"({"type":"client","id":"c-042","therapist":"t-ana","time_zone":"America/Denver",)"
    R"("status":"active"})";
// Wed 23:15 in Chicago, personal text: off_hours, severity high, decision warn.
inline constexpr const char* kLateMessage =
    R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00-06:00",)"
    R"("from":{"role":"therapist","id":"t-ana"},"to":{"role":"client","id":"c-042"},)"
    R"("channel":"practice_sms","text":"can't sleep, thinking about our talk"})";
// Wed 10:30, inside hours, on the portal: no findings.
inline constexpr const char* kDaytimeMessage =
    R"({"type":"message","id":"m-2","at":"2026-03-04T10:30:00-06:00",)"
    R"("from":{"role":"therapist","id":"t-ana"},"to":{"role":"client","id":"c-042"},)"
    R"("channel":"portal","text":"Your invoice is in the portal."})";

// A fresh folder under the temp dir, removed with the object.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("bg-sdk-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace sdk_test
