// What detectors observe about an event. Policy rules turn signals into findings.
#pragma once

#include <string>
#include <vector>

#include "model/vocabulary.h"

namespace bg {

enum class SignalKind {
  therapist_message_off_hours,    // a therapist's message outside their working hours
  message_in_client_quiet_hours,  // a therapist's message, inside their hours, in the client's
                                  // quiet hours
  appointment_off_hours,          // a session starting or ending outside the therapist's hours
  therapist_personal_channel,     // a therapist writes or calls over a personal channel
  client_personal_channel,        // a client reaches the therapist over a personal channel
};

template <>
struct Names<SignalKind> {
  static constexpr std::array<std::string_view, 5> kAll{
      {"off_hours.therapist_message", "off_hours.client_quiet_hours", "off_hours.appointment",
       "personal_channel.therapist", "personal_channel.client"}};
};

// What a message's text is mainly about, for rules whose severity depends on content.
enum class ContentClass { neutral, crisis, administrative, personal };

template <>
struct Names<ContentClass> {
  static constexpr std::array<std::string_view, 4> kAll{
      {"neutral", "crisis", "administrative", "personal"}};
};

// A span of the event's original text, in bytes.
struct Evidence {
  size_t start = 0;
  size_t end = 0;
  std::string text;
};

// Named values a notice template can use, e.g. {therapist_time}.
struct TemplateVar {
  std::string name;
  std::string value;
};

struct Signal {
  SignalKind kind{};
  ContentClass content = ContentClass::neutral;
  std::string explanation;
  std::vector<Evidence> evidence;
  std::vector<TemplateVar> vars;
};

}  // namespace bg
