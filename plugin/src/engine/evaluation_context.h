// Everything detectors need about one event, resolved once: who the therapist and client are,
// their zones and hours, who initiated the contact, and what the text is about.
#pragma once

#include <optional>
#include <string>

#include "engine/roster.h"
#include "model/event.h"
#include "policy/policy.h"
#include "time/zone.h"

namespace bg {

struct ContentReading {
  ContentClass content = ContentClass::neutral;
  std::vector<Evidence> evidence;  // the words that decided it
};

class EvaluationContext {
 public:
  // `roster` must be read-locked for the context's lifetime.
  EvaluationContext(const Event& event, const Policy& policy, const Roster& roster);

  const Event& event() const { return event_; }
  const Policy& policy() const { return policy_; }

  // Empty when the event has no therapist-client pair (e.g. two clients).
  const std::string& therapist_id() const { return therapist_id_; }
  const std::string& client_id() const { return client_id_; }
  const TherapistRecord* therapist() const { return therapist_; }
  const ClientRecord* client() const { return client_; }
  // Null when the therapist is not on the roster (times cannot be placed then).
  const date::time_zone* therapist_zone() const { return therapist_zone_; }
  // The client's zone, else the therapist's.
  const date::time_zone* client_zone() const { return client_zone_; }
  const WeeklyHours& therapist_hours() const;

  // Who started the contact; nullopt for appointments (the practice books them).
  std::optional<Role> initiator() const { return initiator_; }

  // The text the detectors read (message text), or nullptr.
  const std::string* text() const { return text_; }
  // What the text is about, classified once on first use.
  const ContentReading& content() const;

  // The instant that dates the event (message time, appointment start, ...).
  Instant when() const { return when_; }

 private:
  const Event& event_;
  const Policy& policy_;
  std::string therapist_id_;
  std::string client_id_;
  const TherapistRecord* therapist_ = nullptr;
  const ClientRecord* client_ = nullptr;
  const date::time_zone* therapist_zone_ = nullptr;
  const date::time_zone* client_zone_ = nullptr;
  std::optional<Role> initiator_;
  const std::string* text_ = nullptr;
  Instant when_{};
  mutable std::optional<ContentReading> content_;
};

}  // namespace bg
