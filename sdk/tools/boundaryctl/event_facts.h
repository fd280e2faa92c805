// What the summary and table need from an input event that the verdict does not carry: who the
// therapist and client are, who acted, and when. Read host-side from the event's own JSON.
#pragma once

#include <string>
#include <string_view>

namespace boundaryctl {

struct EventFacts {
  std::string type;           // "message", "appointment", "therapist", ...; "" if unreadable
  std::string therapist;      // the therapist of the pair (or the roster therapist's id)
  std::string client;         // the client of the pair
  std::string supervisor;     // roster "therapist" events only
  std::string time;           // RFC 3339 as written: `at`, or `start` for an appointment
  bool client_acted = false;  // a message or social action by the client

  bool is_roster() const {
    return type == "therapist" || type == "client" || type == "boundary_extension";
  }
};

// Never throws for bad input: fields it cannot find stay empty.
EventFacts read_event_facts(std::string_view line);

// "2026-03-04T23:15:00-06:00" -> "2026-03-04 23:15 -06:00" (the sender's local time and
// offset); anything else is returned as it is.
std::string local_time_label(std::string_view rfc3339);

}  // namespace boundaryctl
