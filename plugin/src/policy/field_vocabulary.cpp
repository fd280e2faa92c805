#include "policy/field_vocabulary.h"

#include <cmath>
#include <cstdio>

namespace bg {
namespace {

template <typename T>
const T* body(const EvaluationContext& c) {
  return std::get_if<T>(&c.event().body);
}

template <typename E>
std::vector<std::string> names() {
  std::vector<std::string> out;
  for (const auto& n : Names<E>::kAll) out.emplace_back(n);
  return out;
}

template <typename E>
Value name_value(E e) {
  return Value::of(name_of(e));
}

EventTypeSet types(std::initializer_list<EventType> list) {
  EventTypeSet set;
  for (EventType t : list) set.set(static_cast<size_t>(t));
  return set;
}

const EventTypeSet kObserved =
    types({EventType::message, EventType::appointment, EventType::social, EventType::payment});
const EventTypeSet kMessage = types({EventType::message});
const EventTypeSet kAppointment = types({EventType::appointment});
const EventTypeSet kSocial = types({EventType::social});
const EventTypeSet kPayment = types({EventType::payment});
const EventTypeSet kInitiated = types({EventType::message, EventType::social, EventType::payment});
const EventTypeSet kWithText =
    types({EventType::message, EventType::appointment, EventType::payment});

Value empty_text() { return Value::of(std::string_view{}); }

std::vector<FieldSpec> build() {
  using V = ValueType;
  std::vector<FieldSpec> f;
  f.push_back({"event.type", V::string, kObserved, names<EventType>(), "the event's type",
               [](const EvaluationContext& c) { return name_value(c.event().type()); }});
  f.push_back(
      {"event.id", V::string, kObserved, {}, "the event's id", [](const EvaluationContext& c) {
         return Value::of(std::string_view{c.event().id});
       }});
  f.push_back(
      {"sender.role",
       V::string,
       kInitiated,
       {"therapist", "client"},
       "who started the contact: a message's sender, a social action's actor, a payment's payer",
       [](const EvaluationContext& c) {
         return c.initiator() ? name_value(*c.initiator()) : empty_text();
       }});
  f.push_back(
      {"therapist.id",
       V::string,
       kObserved,
       {},
       "the therapist of the pair",
       [](const EvaluationContext& c) { return Value::of(std::string_view{c.therapist_id()}); }});
  f.push_back({"therapist.known",
               V::boolean,
               kObserved,
               {},
               "the therapist is on the roster (so their zone and hours are known)",
               [](const EvaluationContext& c) { return Value::of(c.therapist() != nullptr); }});
  f.push_back(
      {"client.id",
       V::string,
       kObserved,
       {},
       "the client of the pair",
       [](const EvaluationContext& c) { return Value::of(std::string_view{c.client_id()}); }});
  f.push_back({"client.known",
               V::boolean,
               kObserved,
               {},
               "the client is on the roster",
               [](const EvaluationContext& c) { return Value::of(c.client() != nullptr); }});
  f.push_back({"client.status",
               V::string,
               kObserved,
               {"active", "terminated", "unknown"},
               "the client's status on the roster",
               [](const EvaluationContext& c) {
                 return c.client() ? name_value(c.client()->status)
                                   : Value::of(std::string_view{"unknown"});
               }});
  f.push_back({"client.days_since_termination",
               V::number,
               kObserved,
               {},
               "whole days from the termination date to the event (in the therapist's zone); -1 "
               "for a client who is not terminated",
               [](const EvaluationContext& c) {
                 const auto* client = c.client();
                 if (client == nullptr || client->status != ClientStatus::terminated ||
                     !client->terminated_on) {
                   return Value::of(-1.0);
                 }
                 const auto& t = c.time();
                 const auto event_day = t.known ? date::sys_days{t.therapist.day.time_since_epoch()}
                                                : date::floor<date::days>(c.when());
                 const auto days = (event_day - date::sys_days{*client->terminated_on}).count();
                 return Value::of(static_cast<double>(days));
               }});
  f.push_back(
      {"channel", V::string, kMessage, names<Channel>(), "the message's channel",
       [](const EvaluationContext& c) { return name_value(body<MessageEvent>(c)->channel); }});
  f.push_back({"channel.personal",
               V::boolean,
               kMessage,
               {},
               "the channel is one of settings.personal_channels",
               [](const EvaluationContext& c) {
                 return Value::of(c.policy().is_personal(body<MessageEvent>(c)->channel));
               }});
  f.push_back({"platform",
               V::string,
               types({EventType::message, EventType::social}),
               {},
               "the social platform (a social event's, or a social_dm message's), as given",
               [](const EvaluationContext& c) {
                 if (const auto* m = body<MessageEvent>(c))
                   return Value::of(std::string_view{m->platform});
                 return Value::of(std::string_view{body<SocialEvent>(c)->platform});
               }});
  f.push_back(
      {"text",
       V::string,
       kWithText,
       {},
       "the free text: a message's text, an appointment's location name, a payment's description",
       [](const EvaluationContext& c) { return Value::of(c.text()); }});
  f.push_back({"text.present",
               V::boolean,
               kWithText,
               {},
               "the event has free text (a phone call has none)",
               [](const EvaluationContext& c) { return Value::of(c.has_text()); }});
  f.push_back(
      {"text.length",
       V::number,
       kWithText,
       {},
       "the free text's length in bytes",
       [](const EvaluationContext& c) { return Value::of(static_cast<double>(c.text().size())); }});
  f.push_back({"content.class", V::string, kWithText, names<ContentClass>(),
               "what the text is mainly about, from the crisis, personal and administrative "
               "lexicons (crisis first)",
               [](const EvaluationContext& c) { return name_value(c.content().content); },
               [](const EvaluationContext& c) -> const std::vector<Evidence>& {
                 return c.content().evidence;
               }});
  f.push_back(
      {"time.known",
       V::boolean,
       kObserved,
       {},
       "the event could be placed on the therapist's clock (the therapist is on the roster)",
       [](const EvaluationContext& c) { return Value::of(c.time().known); }});
  f.push_back({"time.in_hours",
               V::boolean,
               kObserved,
               {},
               "inside the therapist's working hours, in their zone (a session: start to end "
               "within one range); false on a holiday",
               [](const EvaluationContext& c) { return Value::of(c.time().in_hours); }});
  f.push_back(
      {"time.client_quiet_hours",
       V::boolean,
       kObserved,
       {},
       "inside the client's quiet hours (settings.client_quiet_hours, in the client's zone)",
       [](const EvaluationContext& c) { return Value::of(c.time().client_quiet); }});
  f.push_back({"time.holiday",
               V::boolean,
               kObserved,
               {},
               "the day (therapist's zone) is in settings.holidays",
               [](const EvaluationContext& c) { return Value::of(c.time().holiday); }});
  f.push_back({"time.weekday",
               V::string,
               kObserved,
               {"mon", "tue", "wed", "thu", "fri", "sat", "sun"},
               "the weekday in the therapist's zone",
               [](const EvaluationContext& c) {
                 return Value::of(kWeekdayKeys[static_cast<size_t>(c.time().therapist.weekday)]);
               }});
  f.push_back(
      {"time.hour",
       V::number,
       kObserved,
       {},
       "the hour in the therapist's zone, with minutes as a fraction (23:15 is 23.25)",
       [](const EvaluationContext& c) { return Value::of(c.time().therapist.minute / 60.0); }});
  f.push_back(
      {"time.client_hour",
       V::number,
       kObserved,
       {},
       "the hour in the client's zone, as time.hour",
       [](const EvaluationContext& c) { return Value::of(c.time().client.minute / 60.0); }});
  f.push_back({"appointment.action", V::string, kAppointment, names<AppointmentAction>(),
               "created, updated or cancelled", [](const EvaluationContext& c) {
                 return name_value(body<AppointmentEvent>(c)->action);
               }});
  f.push_back({"appointment.minutes",
               V::number,
               kAppointment,
               {},
               "the session's length in minutes",
               [](const EvaluationContext& c) {
                 const auto* a = body<AppointmentEvent>(c);
                 return Value::of(static_cast<double>(
                     std::chrono::duration_cast<std::chrono::minutes>(a->end - a->start).count()));
               }});
  f.push_back({"location.kind", V::string, kAppointment, names<LocationKind>(),
               "the session's setting", [](const EvaluationContext& c) {
                 return name_value(body<AppointmentEvent>(c)->location.kind);
               }});
  f.push_back({"location.name",
               V::string,
               kAppointment,
               {},
               "the location's name, as given",
               [](const EvaluationContext& c) {
                 return Value::of(std::string_view{body<AppointmentEvent>(c)->location.name});
               }});
  f.push_back({"location.address",
               V::string,
               kAppointment,
               {},
               "the location's address, as given",
               [](const EvaluationContext& c) {
                 return Value::of(std::string_view{body<AppointmentEvent>(c)->location.address});
               }});
  f.push_back({"location.approved",
               V::boolean,
               kAppointment,
               {},
               "the setting is one of settings.approved_settings",
               [](const EvaluationContext& c) {
                 return Value::of(c.policy().is_approved(body<AppointmentEvent>(c)->location.kind));
               }});
  f.push_back(
      {"social.action", V::string, kSocial, names<SocialAction>(), "the social-platform action",
       [](const EvaluationContext& c) { return name_value(body<SocialEvent>(c)->action); }});
  f.push_back({"payment.kind", V::string, kPayment, names<PaymentKind>(), "the payment's kind",
               [](const EvaluationContext& c) { return name_value(body<PaymentEvent>(c)->kind); }});
  f.push_back({"payment.amount",
               V::number,
               kPayment,
               {},
               "the amount's value; 0 when there is none",
               [](const EvaluationContext& c) {
                 const auto& amount = body<PaymentEvent>(c)->amount;
                 return Value::of(amount ? amount->value : 0.0);
               }});
  f.push_back({"payment.currency",
               V::string,
               kPayment,
               {},
               "the amount's ISO 4217 currency; empty when there is none",
               [](const EvaluationContext& c) {
                 const auto& amount = body<PaymentEvent>(c)->amount;
                 return amount ? Value::of(std::string_view{amount->currency}) : empty_text();
               }});
  f.push_back({"payment.over_threshold",
               V::boolean,
               kPayment,
               {},
               "the amount is above settings.gift_threshold (in its currency; another currency "
               "counts as above)",
               [](const EvaluationContext& c) {
                 const auto& amount = body<PaymentEvent>(c)->amount;
                 const auto& s = c.policy().settings;
                 if (!amount) return Value::of(false);
                 return Value::of(amount->currency != s.gift_currency ||
                                  amount->value > s.gift_threshold);
               }});

  f.push_back({"text.phone_number",
               V::boolean,
               kWithText,
               {},
               "the text gives a phone number that is not a crisis line or one of the practice's "
               "(settings.crisis_numbers, settings.practice_numbers)",
               [](const EvaluationContext& c) {
                 return Value::of(!c.contact_details().phone_numbers.empty());
               },
               [](const EvaluationContext& c) -> const std::vector<Evidence>& {
                 return c.contact_details().phone_numbers;
               }});
  f.push_back(
      {"text.email",
       V::boolean,
       kWithText,
       {},
       "the text gives an e-mail address outside the practice's domains "
       "(settings.practice_email_domains)",
       [](const EvaluationContext& c) { return Value::of(!c.contact_details().emails.empty()); },
       [](const EvaluationContext& c) -> const std::vector<Evidence>& {
         return c.contact_details().emails;
       }});
  f.push_back({"client.former",
               V::boolean,
               kObserved,
               {},
               "the client is terminated and the event falls within settings.former_client_years "
               "of it (0: any time)",
               [](const EvaluationContext& c) {
                 const auto* client = c.client();
                 if (client == nullptr || client->status != ClientStatus::terminated)
                   return Value::of(false);
                 const int years = c.policy().settings.former_client_years;
                 if (years == 0 || !client->terminated_on) return Value::of(true);
                 const auto& t = c.time();
                 const auto event_day = t.known ? date::sys_days{t.therapist.day.time_since_epoch()}
                                                : date::floor<date::days>(c.when());
                 const date::year_month_day anniversary{
                     client->terminated_on->year() + date::years{years},
                     client->terminated_on->month(), client->terminated_on->day()};
                 const date::sys_days limit =
                     anniversary.ok()
                         ? date::sys_days{anniversary}
                         : date::sys_days{anniversary.year() / anniversary.month() / date::last};
                 return Value::of(event_day <= limit);
               }});
  f.push_back({"pair.flagged",
               V::boolean,
               kObserved,
               {},
               "this event already has a finding at or above settings.pattern_min_severity "
               "(pattern rules only)",
               [](const EvaluationContext& c) { return Value::of(c.pair_history().flagged); }});
  f.push_back({"pair.recent_flags",
               V::number,
               kObserved,
               {},
               "how many earlier flagged events the pair has within settings.pattern_window_days "
               "(pattern rules only)",
               [](const EvaluationContext& c) {
                 return Value::of(static_cast<double>(c.pair_history().earlier));
               }});
  f.push_back({"pair.pattern",
               V::boolean,
               kObserved,
               {},
               "this flagged event makes settings.pattern_threshold flagged events for the pair "
               "within the window (pattern rules only)",
               [](const EvaluationContext& c) {
                 const auto& h = c.pair_history();
                 return Value::of(h.flagged &&
                                  h.earlier + 1 >= c.policy().settings.pattern_threshold);
               }});
  return f;
}

}  // namespace

const std::vector<FieldSpec>& field_vocabulary() {
  static const std::vector<FieldSpec> vocabulary = build();
  return vocabulary;
}

int find_field(std::string_view name) {
  const auto& v = field_vocabulary();
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string format_value(const Value& value) {
  switch (value.type) {
    case ValueType::boolean:
      return value.boolean ? "true" : "false";
    case ValueType::number: {
      if (value.number == std::floor(value.number) && std::abs(value.number) < 1e15) {
        return std::to_string(static_cast<long long>(value.number));
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", value.number);
      return buf;
    }
    case ValueType::string:
      return std::string{value.text};
    case ValueType::list:
      return "[list]";
  }
  return {};
}

}  // namespace bg
