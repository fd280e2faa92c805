// The owned report text behind the ABI's opaque bg_text (since 1.1), shared by the files that
// hand reports out.
#pragma once

#include <string>

struct bg_text {
  std::string text;
};
