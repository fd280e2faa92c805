#include "detectors/time_detector.h"

namespace bg {
namespace {

bool session_within_hours(const WeeklyHours& hours, const LocalView& start, const LocalView& last) {
  if (last.day != start.day) return false;
  for (const auto& range : hours.day(start.weekday)) {
    if (range.contains(start.minute) && range.contains(last.minute)) return true;
  }
  return false;
}

}  // namespace

TimeFacts read_time_facts(const EvaluationContext& c) {
  TimeFacts facts;
  if (c.therapist_zone() == nullptr) return facts;
  facts.known = true;
  facts.therapist = local_view(c.when(), *c.therapist_zone());
  facts.client = local_view(c.when(), *c.client_zone());
  const auto& hours = c.therapist_hours();
  if (const auto* a = std::get_if<AppointmentEvent>(&c.event().body)) {
    const auto last = a->end > a->start ? a->end - std::chrono::minutes{1} : a->end;
    facts.session_end = local_view(last, *c.therapist_zone());
    facts.in_hours = session_within_hours(hours, facts.therapist, *facts.session_end);
  } else {
    facts.in_hours = hours.contains(facts.therapist.weekday, facts.therapist.minute);
  }
  facts.client_quiet = c.policy().settings.client_quiet_hours.contains(facts.client.minute);
  facts.holiday = c.policy().settings.holidays.count(date::year_month_day{
                      date::sys_days{facts.therapist.day.time_since_epoch()}}) > 0;
  if (facts.holiday) facts.in_hours = false;
  return facts;
}

}  // namespace bg
