// The engine's diagnostic log. By rule it records ids, counts, codes and timings only: never
// message text, names, phone numbers or e-mail addresses (principle 2).
#pragma once

#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace bg {

// A logger writing to a rotating file (5 files of 5 MiB), or discarding everything when `path`
// is empty. Throws spdlog's exception when the file cannot be opened.
std::shared_ptr<spdlog::logger> make_diagnostic_log(const std::string& path);

}  // namespace bg
