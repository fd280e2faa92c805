// The event model of schema v1 (docs/events.md), decoded and validated.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <date/date.h>

#include "model/vocabulary.h"
#include "time/timestamp.h"
#include "time/weekly_hours.h"

namespace bg {

struct Party {
  Role role = Role::therapist;
  std::string id;
};

struct TherapistEvent {
  std::string time_zone;
  std::string supervisor;
  std::optional<WeeklyHours> hours;  // absent: the policy's default hours
};

struct ClientEvent {
  std::string therapist;
  std::string time_zone;  // empty: the therapist's zone
  ClientStatus status = ClientStatus::active;
  std::optional<date::year_month_day> terminated_on;
};

struct ExtensionEvent {
  std::string therapist;
  std::string client;
  std::vector<Category> covers;
  std::string reason;
  std::string approved_by;
  date::year_month_day from{};
  date::year_month_day until{};
};

struct MessageEvent {
  Instant at{};
  Party from;
  Party to;
  Channel channel = Channel::other;
  std::optional<std::string> text;
  std::string platform;
};

struct Location {
  LocationKind kind = LocationKind::other;
  std::string name;
  std::string address;
};

struct AppointmentEvent {
  AppointmentAction action = AppointmentAction::created;
  Instant start{};
  Instant end{};
  std::string therapist;
  std::string client;
  Location location;
  std::string service;
};

struct SocialEvent {
  Instant at{};
  std::string platform;
  SocialAction action = SocialAction::follow;
  Party actor;
  Party target;
};

struct Money {
  double value = 0;
  std::string currency;
};

struct PaymentEvent {
  Instant at{};
  Party from;
  Party to;
  PaymentKind kind = PaymentKind::other;
  std::optional<Money> amount;
  std::string description;
};

using EventBody = std::variant<TherapistEvent, ClientEvent, ExtensionEvent, MessageEvent,
                               AppointmentEvent, SocialEvent, PaymentEvent>;

struct Event {
  std::string id;
  EventBody body;

  // The variant's alternatives are declared in EventType's order.
  EventType type() const { return static_cast<EventType>(body.index()); }
  bool is_roster() const {
    const auto t = type();
    return t == EventType::therapist || t == EventType::client ||
           t == EventType::boundary_extension;
  }
};

// The limits a decoder enforces; configurable through the engine's options.
struct EventLimits {
  size_t max_text_bytes = 64 * 1024;
  size_t max_depth = 16;
  size_t max_id_bytes = 256;
};

// Why an event was rejected: the message names the field (and the id, when it was read).
struct EventError {
  std::string event_id;  // empty when the id could not be read
  std::string field;     // JSON path such as "from.role"; empty for whole-line problems
  std::string message;

  std::string describe() const;
};

}  // namespace bg
