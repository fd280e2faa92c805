#include "stdout_buffer.h"

#include <unistd.h>

#include <cstdio>

namespace boundaryctl {

void configure_stdout() {
  static char buffer[1u << 20];  // static: must outlive every write, up to exit()
  if (::isatty(STDOUT_FILENO) != 0) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
  } else {
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  }
}

}  // namespace boundaryctl
