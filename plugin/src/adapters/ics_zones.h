// Time zones of an iCalendar file: a TZID is read as an IANA zone when it is one (directly,
// through the mapping's time_zone_aliases, after a "/vendor/.../" prefix, or as a Windows zone
// name through ICU's CLDR table); otherwise by the file's own VTIMEZONE rules through libical.
// Floating times are read in the calendar's X-WR-TIMEZONE or the mapping's default_time_zone.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <date/tz.h>

#include "adapters/mapping_config.h"
#include "time/timestamp.h"

struct icalcomponent_impl;
struct _icaltimezone;

namespace bg::adapters::ics {

using LocalSeconds = date::local_seconds;

struct Zone {
  enum class Kind { utc, iana, vtimezone };
  Kind kind = Kind::utc;
  const date::time_zone* iana = nullptr;
  _icaltimezone* vtimezone = nullptr;  // owned by the Zones that returned it
  std::string label;                   // "America/Los_Angeles", "UTC", the TZID
};

class Zones {
 public:
  // `calendar` (may be null) holds the VTIMEZONEs; `calendar_zone` is its X-WR-TIMEZONE.
  Zones(const MappingConfig& config, icalcomponent_impl* calendar, std::string calendar_zone);
  ~Zones();
  Zones(const Zones&) = delete;
  Zones& operator=(const Zones&) = delete;

  // The zone of a DATE-TIME value: `tzid` is its TZID parameter ("" for none), `utc` whether it
  // ends in Z. nullopt with `why` when the zone cannot be known; `note` says what was assumed.
  std::optional<Zone> find(const std::string& tzid, bool utc, std::string& why, std::string& note);

  // Wall-clock time in `zone` -> instant. A time skipped by a DST change moves forward; a
  // repeated one takes the earlier instant.
  static Instant to_instant(LocalSeconds local, const Zone& zone);
  // The zone's offset from UTC at an instant.
  static std::chrono::seconds offset_at(Instant instant, const Zone& zone);
  static LocalSeconds to_local(Instant instant, const Zone& zone);

 private:
  const MappingConfig& config_;
  icalcomponent_impl* calendar_;
  std::string calendar_zone_;
  std::map<std::string, _icaltimezone*> vtimezones_;
};

// An IANA name for a TZID, or "" when none is found (no VTIMEZONE consulted).
std::string iana_name_for(const std::string& tzid, const MappingConfig& config);

}  // namespace bg::adapters::ics
