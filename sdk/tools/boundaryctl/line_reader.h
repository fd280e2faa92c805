// Reads JSON Lines input one line at a time, reusing one buffer (no allocation per line).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace boundaryctl {

class LineReader {
 public:
  // Opens `path`, or standard input for "-". Throws std::runtime_error naming the file.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its line ending ("\n" or "\r\n"); false at the end of input.
  // The view is valid until the next call. Throws std::runtime_error on a read error.
  bool next(std::string_view& line);

  bool is_stdin() const noexcept { return file_ == stdin; }
  // The input's size in bytes, 0 when unknown (standard input, a pipe).
  uint64_t size() const noexcept { return size_; }
  // Bytes consumed so far, line endings included.
  uint64_t consumed() const noexcept { return consumed_; }
  // 1-based number of the line last returned.
  uint64_t line_number() const noexcept { return line_number_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  char* buffer_ = nullptr;  // owned by getline()
  size_t capacity_ = 0;
  uint64_t size_ = 0;
  uint64_t consumed_ = 0;
  uint64_t line_number_ = 0;
};

// True when `line` holds only spaces, tabs and carriage returns.
bool is_blank(std::string_view line) noexcept;

}  // namespace boundaryctl
