#include "time/zone.h"

namespace bg {

const date::time_zone* find_zone(std::string_view name) noexcept {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (...) {
    return nullptr;
  }
}

LocalView local_view(Instant instant, const date::time_zone& zone) {
  const auto info = zone.get_info(date::floor<std::chrono::seconds>(instant));
  const auto local =
      date::local_time<std::chrono::milliseconds>{instant.time_since_epoch() + info.offset};
  LocalView view;
  view.day = date::floor<date::days>(local);
  const auto since_midnight = date::floor<std::chrono::minutes>(local - view.day);
  view.minute = static_cast<MinuteOfDay>(since_midnight.count());
  // date::weekday counts from Sunday = 0; the schema lists Monday first.
  view.weekday = static_cast<int>((date::weekday{view.day}.c_encoding() + 6) % 7);
  view.zone_abbrev = info.abbrev;
  return view;
}

std::string LocalView::label() const {
  return std::string{kWeekdayLabels[static_cast<size_t>(weekday)]} + " " + format_clock(minute);
}

}  // namespace bg
