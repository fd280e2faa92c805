// Where replay sends each line's outcome: one implementation per --format.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "boundary_guard/boundary_guard.hpp"

namespace boundaryctl {

class ReplaySink {
 public:
  virtual ~ReplaySink() = default;
  // An evaluated line (`line` is the input event). A `status` other than BG_OK means the
  // verdict is the plugin's fail-safe one (the event could not really be checked).
  virtual void on_verdict(uint64_t line_number, std::string_view line,
                          const boundary_guard::Verdict& verdict, bg_status status) = 0;
  // A line the plugin rejected; `message` is its last_error() text, naming the field.
  virtual void on_rejected(uint64_t line_number, std::string_view line,
                           std::string_view message) = 0;
  // After the last line.
  virtual void finish() = 0;
};

// "jsonl", "table" or "summary" (already validated by the command line); `input` names the
// input for headings.
std::unique_ptr<ReplaySink> make_sink(const std::string& format, const std::string& input);

}  // namespace boundaryctl
