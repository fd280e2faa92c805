#include "adapters/event_time.h"

#include <cstdio>
#include <cstdlib>

namespace bg::adapters {

std::string rfc3339_with_offset(Instant instant, std::chrono::seconds offset) {
  const auto local = date::floor<std::chrono::seconds>(instant) + offset;
  const long long minutes = std::llabs(static_cast<long long>(offset.count()) / 60);
  char zone[8];
  std::snprintf(zone, sizeof zone, "%c%02lld:%02lld", offset.count() < 0 ? '-' : '+',
                minutes / 60 % 100, minutes % 60);
  return date::format("%Y-%m-%dT%H:%M:%S", local) + zone;
}

std::string rfc3339_in_zone(Instant instant, const date::time_zone& zone) {
  const auto info = zone.get_info(date::floor<std::chrono::seconds>(instant));
  return rfc3339_with_offset(instant, info.offset);
}

std::chrono::seconds written_offset(std::string_view text) {
  if (text.size() < 6) return std::chrono::seconds{0};
  const std::string_view tail = text.substr(text.size() - 6);
  const bool sign = tail[0] == '+' || tail[0] == '-';
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!sign || tail[3] != ':' || !digit(tail[1]) || !digit(tail[2]) || !digit(tail[4]) ||
      !digit(tail[5])) {
    return std::chrono::seconds{0};
  }
  const int minutes =
      ((tail[1] - '0') * 10 + (tail[2] - '0')) * 60 + (tail[4] - '0') * 10 + (tail[5] - '0');
  return std::chrono::seconds{(tail[0] == '-' ? -minutes : minutes) * 60};
}

std::string shift(std::string_view text, std::chrono::seconds by) {
  const auto instant = parse_rfc3339(text);
  if (!instant) return {};
  return rfc3339_with_offset(*instant + by, written_offset(text));
}

}  // namespace bg::adapters
