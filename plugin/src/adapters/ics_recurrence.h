// Expands a recurring VEVENT (RRULE, RDATE, EXDATE) into its occurrences within a window.
// Rules run on the wall clock of DTSTART's zone, so a weekly 10:00 session stays at 10:00
// across daylight-saving changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "adapters/ics_zones.h"

namespace bg::adapters::ics {

// Occurrences starting in [start, end) are kept; an unset bound is open.
struct Window {
  std::optional<Instant> start;
  std::optional<Instant> end;

  bool contains(Instant t) const { return (!start || t >= *start) && (!end || t < *end); }
};

struct Occurrence {
  Instant start;               // its original start: what a RECURRENCE-ID names
  std::optional<Instant> end;  // an RDATE period's own end
};

struct Series {
  std::vector<Occurrence> occurrences;  // within the window, in order, EXDATEs removed
  std::vector<std::string> notes;       // what was not used, or where expansion stopped
  size_t steps = 0;                     // rule iterations spent
};

struct Limits {
  size_t max_occurrences = 10000;  // per series, within the window
  size_t max_steps = 200000;       // rule iterations for the whole series
};

// Expands `vevent`, whose DTSTART is `dtstart` in `zone`. False with `why` when it cannot be
// expanded (an endless rule and no window end).
bool expand(icalcomponent* vevent, LocalSeconds dtstart, const Zone& zone, Zones& zones,
            const Window& window, const Limits& limits, Series& out, std::string& why);

// True when the VEVENT has an RRULE or RDATE.
bool is_recurring(icalcomponent* vevent);

}  // namespace bg::adapters::ics
