#include "review/time_display.h"

#include <date/iso_week.h>
#include <date/tz.h>

#include <cstdio>

#include "time/zone.h"

namespace bg::review {
namespace {

date::local_time<std::chrono::milliseconds> to_local(Instant instant, const date::time_zone* zone,
                                                     std::string* abbrev) {
  if (zone == nullptr) {
    if (abbrev) *abbrev = "UTC";
    return date::local_time<std::chrono::milliseconds>{instant.time_since_epoch()};
  }
  const auto info = zone->get_info(date::floor<std::chrono::seconds>(instant));
  if (abbrev) *abbrev = info.abbrev;
  return date::local_time<std::chrono::milliseconds>{instant.time_since_epoch() + info.offset};
}

}  // namespace

std::string zoned_label(Instant instant, const std::string& zone) {
  std::string abbrev;
  const auto local = to_local(instant, find_zone(zone), &abbrev);
  return date::format("%a %Y-%m-%d %H:%M ", date::floor<std::chrono::minutes>(local)) + abbrev;
}

std::string zoned_label(const std::string& utc, const std::string& zone) {
  const auto instant = parse_rfc3339(utc);
  return instant ? zoned_label(*instant, zone) : utc;
}

date::year_month_day local_date(Instant instant, const std::string& zone) {
  return date::year_month_day{date::floor<date::days>(to_local(instant, find_zone(zone), nullptr))};
}

std::string iso_week_label(Instant instant, const std::string& zone) {
  const iso_week::year_weeknum_weekday week{
      date::floor<date::days>(to_local(instant, find_zone(zone), nullptr))};
  char out[16];
  std::snprintf(out, sizeof out, "%d-W%02u", static_cast<int>(week.year()),
                static_cast<unsigned>(week.weeknum()));
  return out;
}

}  // namespace bg::review
