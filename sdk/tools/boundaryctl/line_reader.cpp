#include "line_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace boundaryctl {

LineReader::LineReader(const std::string& path) : path_(path) {
  if (path == "-") {
    file_ = stdin;
    return;
  }
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(::fileno(file_), &info) == 0 && S_ISREG(info.st_mode)) {
    size_ = static_cast<uint64_t>(info.st_size);
  }
  // Large reads: fewer system calls on big replays.
  std::setvbuf(file_, nullptr, _IOFBF, 1u << 20);
}

LineReader::~LineReader() {
  std::free(buffer_);
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

bool LineReader::next(std::string_view& line) {
  const ssize_t n = ::getline(&buffer_, &capacity_, file_);
  if (n < 0) {
    if (std::ferror(file_)) {
      throw std::runtime_error("cannot read " +
                               (is_stdin() ? std::string{"standard input"} : path_));
    }
    return false;
  }
  consumed_ += static_cast<uint64_t>(n);
  ++line_number_;
  size_t size = static_cast<size_t>(n);
  if (size > 0 && buffer_[size - 1] == '\n') --size;
  if (size > 0 && buffer_[size - 1] == '\r') --size;
  line = std::string_view{buffer_, size};
  return true;
}

bool is_blank(std::string_view line) noexcept {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace boundaryctl
