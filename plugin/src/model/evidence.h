// Evidence a finding shows, and what a text is mainly about.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "model/vocabulary.h"

namespace bg {

// A span of the event's original text, in bytes, end exclusive.
struct Evidence {
  size_t start = 0;
  size_t end = 0;
  std::string text;
};

enum class ContentClass { neutral, crisis, administrative, personal };

template <>
struct Names<ContentClass> {
  static constexpr std::array<std::string_view, 4> kAll{
      {"neutral", "crisis", "administrative", "personal"}};
};

}  // namespace bg
