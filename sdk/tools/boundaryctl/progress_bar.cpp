#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace boundaryctl {

ProgressBar::ProgressBar(uint64_t total_bytes, bool output_streams)
    : enabled_(total_bytes > 0 && ::isatty(STDERR_FILENO) != 0 &&
               !(output_streams && ::isatty(STDOUT_FILENO) != 0)),
      total_(total_bytes) {}

void ProgressBar::draw(uint64_t bytes_done, uint64_t lines, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds{100}) return;
  last_draw_ = now;
  constexpr int kWidth = 40;
  const double fraction =
      bytes_done >= total_ ? 1.0 : static_cast<double>(bytes_done) / static_cast<double>(total_);
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), ' ');
  std::fprintf(stderr, "\r[%s] %3d%%  %llu lines", bar.c_str(), static_cast<int>(fraction * 100),
               static_cast<unsigned long long>(lines));
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r%72s\r", "");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace boundaryctl
