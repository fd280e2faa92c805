#include "audit/audit_ids.h"

#include <charconv>
#include <cstdio>

namespace bg {

std::string format_audit_id(std::string_view prefix, int64_t number) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(number));
  return std::string{prefix} + digits;
}

std::optional<int64_t> audit_id_number(std::string_view id, std::string_view prefix) {
  if (id.size() <= prefix.size() || id.substr(0, prefix.size()) != prefix) return std::nullopt;
  const std::string_view digits = id.substr(prefix.size());
  int64_t number = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc{} || end != digits.data() + digits.size() || number < 0) {
    return std::nullopt;
  }
  return number;
}

}  // namespace bg
