// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
#pragma once

#include <cstddef>
#include <string_view>

namespace bg {

// Returns the byte offset of the first invalid sequence, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

}  // namespace bg
