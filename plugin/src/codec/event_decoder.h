// Decodes one JSON Lines record of event schema v1 into an Event, or says precisely why not.
#pragma once

#include <string_view>

#include "model/event.h"

namespace bg {

class EventDecoder {
 public:
  explicit EventDecoder(EventLimits limits = {}) : limits_(limits) {}

  // Returns true and fills `event`, or returns false and fills `error`. Never throws for any
  // input (bad_alloc aside).
  bool decode(std::string_view json, Event& event, EventError& error) const;

  const EventLimits& limits() const { return limits_; }

 private:
  EventLimits limits_;
};

// Returns the deepest nesting of objects and arrays in `json`, stopping early once it exceeds
// `limit`. Strings are skipped, so brackets inside them do not count.
std::size_t json_nesting_depth(std::string_view json, std::size_t limit) noexcept;

}  // namespace bg
