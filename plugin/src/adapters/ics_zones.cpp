#include "adapters/ics_zones.h"

#include <libical/ical.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "adapters/ics_values.h"
#include "time/zone.h"

namespace bg::adapters::ics {
namespace {

std::string windows_zone(const std::string& name) {
  icu::UnicodeString id;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getIDForWindowsID(icu::UnicodeString::fromUTF8(name), nullptr, id, status);
  if (U_FAILURE(status) || id.isBogus() || id.length() == 0) return {};
  std::string out;
  id.toUTF8String(out);
  return out;
}

}  // namespace

std::string iana_name_for(const std::string& tzid, const MappingConfig& config) {
  if (tzid.empty() || tzid.size() > 256) return {};
  if (const auto it = config.time_zone_aliases.find(tzid); it != config.time_zone_aliases.end()) {
    return it->second;
  }
  if (find_zone(tzid) != nullptr) return tzid;
  // "/mozilla.org/20050126_1/America/New_York", "/freeassociation.sourceforge.net/Europe/Oslo"
  for (size_t slash = tzid.find('/'); slash != std::string::npos;
       slash = tzid.find('/', slash + 1)) {
    const std::string tail = tzid.substr(slash + 1);
    if (tail.find('/') != std::string::npos && find_zone(tail) != nullptr) return tail;
  }
  // "Pacific Standard Time", "W. Europe Standard Time": CLDR's Windows table, through ICU.
  if (std::string windows = windows_zone(tzid); !windows.empty() && find_zone(windows)) {
    return windows;
  }
  return {};
}

Zones::Zones(const MappingConfig& config, icalcomponent* calendar, std::string calendar_zone)
    : config_(config), calendar_(calendar), calendar_zone_(std::move(calendar_zone)) {}

Zones::~Zones() {
  for (auto& [tzid, zone] : vtimezones_) icaltimezone_free(zone, 1);
}

std::optional<Zone> Zones::find(const std::string& tzid, bool utc, std::string& why,
                                std::string& note) {
  Zone zone;
  if (utc) {
    zone.label = "UTC";
    return zone;
  }
  if (tzid.empty()) {
    // A floating time: the same wall clock wherever the reader is.
    const bool from_calendar = find_zone(calendar_zone_) != nullptr;
    const std::string name = from_calendar ? calendar_zone_ : config_.default_time_zone;
    if (name.empty()) {
      why = "its times are floating (no TZID, no Z) and the mapping sets no default_time_zone";
      return std::nullopt;
    }
    note =
        std::string{"its floating times are read in "} + name +
        (from_calendar ? " (the calendar's X-WR-TIMEZONE)" : " (the mapping's default_time_zone)");
    zone.kind = Zone::Kind::iana;
    zone.iana = find_zone(name);
    zone.label = name;
    return zone;
  }
  if (const std::string name = iana_name_for(tzid, config_); !name.empty()) {
    zone.kind = Zone::Kind::iana;
    zone.iana = find_zone(name);
    zone.label = name;
    return zone;
  }
  // Not a zone we can name: fall back on the file's own VTIMEZONE definition.
  if (const auto it = vtimezones_.find(tzid); it != vtimezones_.end()) {
    zone.kind = Zone::Kind::vtimezone;
    zone.vtimezone = it->second;
    zone.label = tzid;
  } else if (calendar_ != nullptr) {
    for (icalcomponent* c = icalcomponent_get_first_component(calendar_, ICAL_VTIMEZONE_COMPONENT);
         c != nullptr; c = icalcomponent_get_next_component(calendar_, ICAL_VTIMEZONE_COMPONENT)) {
      icalproperty* id = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);
      const char* value = id != nullptr ? icalproperty_get_tzid(id) : nullptr;
      if (value == nullptr || tzid != value) continue;
      icaltimezone* parsed = icaltimezone_new();
      if (parsed == nullptr) break;
      if (icaltimezone_set_component(parsed, icalcomponent_new_clone(c)) == 0) {
        icaltimezone_free(parsed, 1);
        break;
      }
      vtimezones_[tzid] = parsed;
      zone.kind = Zone::Kind::vtimezone;
      zone.vtimezone = parsed;
      zone.label = tzid;
      break;
    }
  }
  if (zone.vtimezone == nullptr) {
    why = "TZID \"" + tzid +
          "\" is not an IANA or Windows zone and the file has no VTIMEZONE for it (name its IANA "
          "zone under time_zone_aliases in the mapping)";
    return std::nullopt;
  }
  note = "TZID \"" + tzid +
         "\" is not an IANA zone, so its times are read with the file's VTIMEZONE rules (name "
         "its IANA zone under time_zone_aliases in the mapping)";
  return zone;
}

Instant Zones::to_instant(LocalSeconds local, const Zone& zone) {
  switch (zone.kind) {
    case Zone::Kind::utc:
      return Instant{local.time_since_epoch()};
    case Zone::Kind::iana: {
      const auto info = zone.iana->get_info(local);
      std::chrono::seconds offset = info.first.offset;
      if (info.result == date::local_info::nonexistent) {
        // Skipped by a DST change: the wall clock moves forward by the gap.
        return Instant{local.time_since_epoch() - info.first.offset};
      }
      return Instant{local.time_since_epoch() - offset};
    }
    case Zone::Kind::vtimezone: {
      icaltimetype t = icaltime_of(local);
      int daylight = 0;
      const int offset = icaltimezone_get_utc_offset(zone.vtimezone, &t, &daylight);
      return Instant{local.time_since_epoch() - std::chrono::seconds{offset}};
    }
  }
  return Instant{local.time_since_epoch()};
}

std::chrono::seconds Zones::offset_at(Instant instant, const Zone& zone) {
  switch (zone.kind) {
    case Zone::Kind::utc:
      return std::chrono::seconds{0};
    case Zone::Kind::iana:
      return zone.iana->get_info(date::floor<std::chrono::seconds>(instant)).offset;
    case Zone::Kind::vtimezone: {
      icaltimetype t =
          icaltime_of(LocalSeconds{date::floor<std::chrono::seconds>(instant).time_since_epoch()});
      int daylight = 0;
      return std::chrono::seconds{
          icaltimezone_get_utc_offset_of_utc_time(zone.vtimezone, &t, &daylight)};
    }
  }
  return std::chrono::seconds{0};
}

LocalSeconds Zones::to_local(Instant instant, const Zone& zone) {
  return LocalSeconds{date::floor<std::chrono::seconds>(instant).time_since_epoch() +
                      offset_at(instant, zone)};
}

}  // namespace bg::adapters::ics
