// iCalendar (RFC 5545) -> schema-v1 appointment events, through libical. Recurring series are
// expanded within a window; ORGANIZER and ATTENDEE map to roster ids, LOCATION to a setting,
// through the mapping. docs/integrations/icalendar.md describes it.
#pragma once

#include <optional>
#include <string_view>

#include "adapters/conversion.h"
#include "adapters/mapping_config.h"
#include "time/timestamp.h"

namespace bg::adapters {

struct IcsOptions {
  // Occurrences starting in [window_start, window_end) are converted; a series that repeats
  // without end needs window_end. Unset: no bound.
  std::optional<Instant> window_start;
  std::optional<Instant> window_end;
  size_t max_occurrences = 10000;  // per series
  // For the whole input: occurrences converted, and recurrence-rule steps spent. A calendar that
  // would need more is converted up to there, and the rest reported.
  size_t max_events = 100000;
  size_t max_steps = 2000000;
  size_t max_input_bytes = 16u << 20;
};

// Never throws for any input (std::bad_alloc aside).
Conversion convert_ics(std::string_view input, const MappingConfig& config,
                       const IcsOptions& options = {});

}  // namespace bg::adapters
