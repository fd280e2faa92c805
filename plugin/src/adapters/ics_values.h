// Reading DATE-TIME values out of libical properties, with their TZID, as instants.
#pragma once

#include <optional>
#include <string>

#include <libical/ical.h>

#include "adapters/ics_zones.h"

namespace bg::adapters::ics {

// The TZID parameter of a property, "" when it has none.
std::string tzid_of(icalproperty* property);

// The wall-clock time of a libical time; nullopt for an invalid date (or a null time).
std::optional<LocalSeconds> local_of(const icaltimetype& time);

// A libical time as a wall clock in `zone`.
icaltimetype icaltime_of(LocalSeconds local);

// A DATE-TIME (not a DATE) value of `property` as an instant, reading its TZID through
// `zones`; nullopt with `why`. `note` collects what was assumed about its zone.
std::optional<Instant> instant_of(const icaltimetype& time, icalproperty* property, Zones& zones,
                                  std::string& why, std::string& note);

// "20121002T170000Z", the compact UTC form used in event ids.
std::string compact_utc(Instant instant);

}  // namespace bg::adapters::ics
