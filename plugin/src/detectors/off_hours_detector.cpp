#include "detectors/off_hours_detector.h"

#include "time/zone.h"

namespace bg {
namespace {

std::string zone_name(const date::time_zone& zone) { return std::string{zone.name()}; }

// "Wed 09:00-17:00" or "Sat: not a working day".
std::string hours_of_day(const EvaluationContext& c, int weekday) {
  const auto& hours = c.therapist_hours();
  const std::string label{kWeekdayLabels[static_cast<size_t>(weekday)]};
  return label + (hours.day(weekday).empty() ? ": " : " ") + hours.describe_day(weekday);
}

std::string quiet_hours_text(const DailyWindow& w) {
  return format_clock(w.start) + "-" + format_clock(w.end);
}

void add_common_vars(const EvaluationContext& c, const LocalView& therapist_view, Signal& s) {
  s.vars.push_back({"therapist", c.therapist_id()});
  s.vars.push_back({"client", c.client_id()});
  s.vars.push_back({"therapist_time", therapist_view.label()});
  s.vars.push_back({"therapist_zone", zone_name(*c.therapist_zone())});
  s.vars.push_back({"hours", hours_of_day(c, therapist_view.weekday)});
}

void detect_message(const EvaluationContext& c, const MessageEvent& m, std::vector<Signal>& out) {
  if (c.initiator() != Role::therapist) return;
  const auto& policy = c.policy();
  const LocalView therapist_view = local_view(m.at, *c.therapist_zone());
  const LocalView client_view = local_view(m.at, *c.client_zone());
  const bool inside_hours =
      c.therapist_hours().contains(therapist_view.weekday, therapist_view.minute);
  const bool client_quiet = policy.client_quiet_hours.contains(client_view.minute);
  if (inside_hours && !client_quiet) return;

  Signal s;
  const auto& content = c.content();
  s.content = content.content;
  s.evidence = content.evidence;
  add_common_vars(c, therapist_view, s);
  s.vars.push_back({"client_time", client_view.label()});
  s.vars.push_back({"client_zone", zone_name(*c.client_zone())});
  s.vars.push_back({"quiet_hours", quiet_hours_text(policy.client_quiet_hours)});
  s.vars.push_back({"content", std::string{name_of(content.content)}});

  const std::string client_part =
      client_view.label() + " for the client (" + zone_name(*c.client_zone()) +
      (client_quiet ? ", inside their quiet hours " : ", outside their quiet hours ") +
      quiet_hours_text(policy.client_quiet_hours) + ")";
  const std::string content_part =
      content.content == ContentClass::neutral
          ? std::string{}
          : "; the text reads as " + std::string{name_of(content.content)};
  if (!inside_hours) {
    s.kind = SignalKind::therapist_message_off_hours;
    s.explanation = "Sent " + therapist_view.label() + " " + zone_name(*c.therapist_zone()) +
                    ", outside " + c.therapist_id() + "'s hours (" +
                    hours_of_day(c, therapist_view.weekday) + "); " + client_part + content_part;
  } else {
    s.kind = SignalKind::message_in_client_quiet_hours;
    s.explanation = "Sent " + therapist_view.label() + " " + zone_name(*c.therapist_zone()) +
                    ", inside " + c.therapist_id() + "'s hours, but it is " + client_part +
                    content_part;
  }
  out.push_back(std::move(s));
}

// True when [start, end) lies within one working range of one day.
bool session_within_hours(const WeeklyHours& hours, const LocalView& start, Instant start_at,
                          Instant end_at, const date::time_zone& zone) {
  const auto last_minute = end_at > start_at ? end_at - std::chrono::minutes{1} : end_at;
  const LocalView end = local_view(last_minute, zone);
  if (end.day != start.day) return false;
  for (const auto& range : hours.day(start.weekday)) {
    if (range.contains(start.minute) && range.contains(end.minute)) return true;
  }
  return false;
}

void detect_appointment(const EvaluationContext& c, const AppointmentEvent& a,
                        std::vector<Signal>& out) {
  if (a.action == AppointmentAction::cancelled) return;
  const auto& zone = *c.therapist_zone();
  const LocalView start = local_view(a.start, zone);
  if (session_within_hours(c.therapist_hours(), start, a.start, a.end, zone)) return;
  const LocalView end = local_view(a.end, zone);
  Signal s;
  s.kind = SignalKind::appointment_off_hours;
  add_common_vars(c, start, s);
  s.vars.push_back({"session_end", end.label()});
  s.explanation = "Session " + start.label() + " to " + end.label() + " " + zone_name(zone) +
                  " is outside " + c.therapist_id() + "'s hours (" +
                  hours_of_day(c, start.weekday) + ")";
  out.push_back(std::move(s));
}

}  // namespace

void OffHoursDetector::detect(const EvaluationContext& c, std::vector<Signal>& out) const {
  if (c.therapist_zone() == nullptr) return;  // the therapist is not on the roster
  if (const auto* m = std::get_if<MessageEvent>(&c.event().body)) {
    detect_message(c, *m, out);
  } else if (const auto* a = std::get_if<AppointmentEvent>(&c.event().body)) {
    detect_appointment(c, *a, out);
  }
}

}  // namespace bg
