// Output buffering for stdout: a 1 MiB buffer when it is a file or a pipe, line buffering when
// it is a terminal (so a person sees each line as it comes).
#pragma once

namespace boundaryctl {

// Call once, before anything is written to stdout.
void configure_stdout();

}  // namespace boundaryctl
