// Times as reviewers read them: in the zone of the person concerned (the therapist for their
// own actions and hours, the client for theirs), never in UTC alone.
#pragma once

#include <optional>
#include <string>

#include <date/date.h>

#include "time/timestamp.h"

namespace bg::review {

// "Wed 2026-03-04 23:15 CST"; in UTC ("... UTC") when `zone` is empty or unknown.
std::string zoned_label(Instant instant, const std::string& zone);
// The same for a stored UTC timestamp; the text itself when it does not parse.
std::string zoned_label(const std::string& utc, const std::string& zone);
// The calendar date in `zone` (UTC when empty or unknown).
date::year_month_day local_date(Instant instant, const std::string& zone);
// The ISO week in `zone`, "2026-W10".
std::string iso_week_label(Instant instant, const std::string& zone);

}  // namespace bg::review
