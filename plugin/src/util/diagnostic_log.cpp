#include "util/diagnostic_log.h"

#include <atomic>

#include <spdlog/logger.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>

namespace bg {

std::shared_ptr<spdlog::logger> make_diagnostic_log(const std::string& path) {
  static std::atomic<int> counter{0};
  const std::string name = "boundary_guard." + std::to_string(counter++);
  std::shared_ptr<spdlog::sinks::sink> sink;
  if (path.empty()) {
    sink = std::make_shared<spdlog::sinks::null_sink_mt>();
  } else {
    sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, 5 * 1024 * 1024, 5);
  }
  auto logger = std::make_shared<spdlog::logger>(name, std::move(sink));
  logger->set_level(path.empty() ? spdlog::level::off : spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  return logger;
}

}  // namespace bg
