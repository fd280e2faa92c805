// IANA time zones from the operating system's database, and local wall-clock views of instants.
#pragma once

#include <string>
#include <string_view>

#include <date/tz.h>

#include "time/timestamp.h"
#include "time/weekly_hours.h"

namespace bg {

// Looks a zone up by IANA name; nullptr when the name is unknown. Never throws.
const date::time_zone* find_zone(std::string_view name) noexcept;

// An instant as seen on a wall clock in one zone.
struct LocalView {
  int weekday = 0;  // 0 = Monday
  MinuteOfDay minute = 0;
  date::local_days day{};
  std::string zone_abbrev;  // "CST", "CDT"

  // "Wed 23:15"
  std::string label() const;
};

LocalView local_view(Instant instant, const date::time_zone& zone);

}  // namespace bg
