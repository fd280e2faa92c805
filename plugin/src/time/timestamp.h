// RFC 3339 timestamps and calendar dates as the event schema writes them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace bg {

// A point in time, UTC, at millisecond resolution.
using Instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// Parses "YYYY-MM-DDTHH:MM:SS[.fff...]" followed by "Z" or "+HH:MM"/"-HH:MM" (a lowercase "t"
// or "z", and a space for "T", are accepted as RFC 3339 allows). Years 0001-9999. Fractions
// beyond milliseconds are truncated. Returns nullopt for anything else, including impossible
// dates such as February 30 and a missing offset.
std::optional<Instant> parse_rfc3339(std::string_view text);

// Parses "YYYY-MM-DD" (years 0001-9999).
std::optional<date::year_month_day> parse_date(std::string_view text);

// "2026-03-04T23:15:00Z".
std::string format_utc(Instant instant);

}  // namespace bg
