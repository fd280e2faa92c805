// A progress bar on stderr for long replays of a file. It draws nothing unless stderr is a
// terminal and the input's size is known, nor when results stream to the same terminal.
#pragma once

#include <chrono>
#include <cstdint>

namespace boundaryctl {

class ProgressBar {
 public:
  // `total_bytes` 0 (unknown, e.g. standard input) disables the bar; so does
  // `output_streams` when stdout is a terminal (its lines would break the bar).
  ProgressBar(uint64_t total_bytes, bool output_streams);
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Cheap to call per line: redraws at most every 100 ms.
  void update(uint64_t bytes_done, uint64_t lines) {
    if (enabled_ && (++calls_ & 1023u) == 0) draw(bytes_done, lines, false);
  }
  // Erases the bar (before anything else is written to stderr, and at the end).
  void clear();
  void finish() { clear(); }

 private:
  void draw(uint64_t bytes_done, uint64_t lines, bool force);

  bool enabled_ = false;
  bool drawn_ = false;
  uint64_t total_ = 0;
  uint64_t calls_ = 0;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace boundaryctl
