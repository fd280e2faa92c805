#include "util/decimal_text.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace bg {

bool parse_decimal(std::string_view text, double& out) {
  if (text.empty()) return false;
  // from_chars takes no '+', but a leading '-' is part of the number.
  const char first = text.front();
  if (first != '-' && first != '.' && (first < '0' || first > '9')) return false;
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
    return false;
  out = value;
  return true;
}

}  // namespace bg
