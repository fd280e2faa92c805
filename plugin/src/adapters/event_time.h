// Instants written the way events carry them: RFC 3339 with the local offset of a zone.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/tz.h>

#include "time/timestamp.h"

namespace bg::adapters {

// "2026-03-04T23:15:00-06:00" (seconds precision; "Z" for a zero offset is written "+00:00").
std::string rfc3339_with_offset(Instant instant, std::chrono::seconds offset);

// The instant as a wall clock in `zone` shows it, with that zone's offset at the time.
std::string rfc3339_in_zone(Instant instant, const date::time_zone& zone);

// The offset an RFC 3339 timestamp is written in ("Z": zero); zero when it has none.
std::chrono::seconds written_offset(std::string_view rfc3339);

// `rfc3339` moved by `by`, written in the same offset; "" when it does not parse.
std::string shift(std::string_view rfc3339, std::chrono::seconds by);

}  // namespace bg::adapters
