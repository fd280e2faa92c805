#include "adapters/ics_values.h"

namespace bg::adapters::ics {

std::string tzid_of(icalproperty* property) {
  icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
  const char* value = tzid != nullptr ? icalparameter_get_tzid(tzid) : nullptr;
  return value != nullptr ? std::string{value} : std::string{};
}

std::optional<LocalSeconds> local_of(const icaltimetype& time) {
  if (icaltime_is_null_time(time) || time.year < 1 || time.year > 9999) return std::nullopt;
  if (time.month < 1 || time.month > 12 || time.day < 1 || time.day > 31) return std::nullopt;
  const date::year_month_day ymd{date::year{time.year},
                                 date::month{static_cast<unsigned>(time.month)},
                                 date::day{static_cast<unsigned>(time.day)}};
  if (!ymd.ok()) return std::nullopt;
  LocalSeconds out{date::local_days{ymd}};
  if (!time.is_date) {
    if (time.hour < 0 || time.hour > 23 || time.minute < 0 || time.minute > 59 || time.second < 0 ||
        time.second > 60) {
      return std::nullopt;
    }
    out += std::chrono::hours{time.hour} + std::chrono::minutes{time.minute} +
           std::chrono::seconds{std::min(time.second, 59)};
  }
  return out;
}

icaltimetype icaltime_of(LocalSeconds local) {
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = static_cast<int>(clock.hours().count());
  t.minute = static_cast<int>(clock.minutes().count());
  t.second = static_cast<int>(clock.seconds().count());
  t.is_date = 0;
  return t;
}

std::optional<Instant> instant_of(const icaltimetype& time, icalproperty* property, Zones& zones,
                                  std::string& why, std::string& note) {
  const auto local = local_of(time);
  if (!local) {
    why = "it has an invalid date or time";
    return std::nullopt;
  }
  const auto zone = zones.find(tzid_of(property), icaltime_is_utc(time) != 0, why, note);
  if (!zone) return std::nullopt;
  return Zones::to_instant(*local, *zone);
}

std::string compact_utc(Instant instant) {
  return date::format("%Y%m%dT%H%M%SZ", date::floor<std::chrono::seconds>(instant));
}

}  // namespace bg::adapters::ics
