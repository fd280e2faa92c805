#include "adapters/ics_recurrence.h"

#include <map>
#include <set>

#include "adapters/ics_values.h"

namespace bg::adapters::ics {
namespace {

// An RRULE's UNTIL on DTSTART's wall clock (RFC 5545 writes it in UTC when DTSTART has a zone).
icaltimetype local_until(const icaltimetype& until, const Zone& zone) {
  const auto local = local_of(until);
  if (!local) return icaltime_null_time();
  if (until.is_date) return icaltime_of(*local + std::chrono::hours{24} - std::chrono::seconds{1});
  if (icaltime_is_utc(until)) {
    return icaltime_of(Zones::to_local(Instant{local->time_since_epoch()}, zone));
  }
  return icaltime_of(*local);
}

// The occurrences in the window, each start once (DTSTART, a rule and an RDATE may all name
// the same one; an RDATE period's own end is kept).
struct Collector {
  const Window& window;
  const Limits& limits;
  std::map<Instant, std::optional<Instant>> found;
  bool full = false;

  void add(Instant start, std::optional<Instant> end = std::nullopt) {
    if (!window.contains(start)) return;
    const auto it = found.find(start);
    if (it != found.end()) {
      if (end) it->second = end;
      return;
    }
    if (found.size() >= limits.max_occurrences) {
      full = true;
      return;
    }
    found.emplace(start, end);
  }
};

// Runs one RRULE from DTSTART; returns false when it stopped at the step limit.
bool run_rule(icalrecurrencetype rule, LocalSeconds dtstart, const Zone& zone, const Window& window,
              const Limits& limits, Collector& collector, size_t& steps) {
  if (!icaltime_is_null_time(rule.until)) rule.until = local_until(rule.until, zone);
  const icaltimetype start = icaltime_of(dtstart);
  icalrecur_iterator* it = icalrecur_iterator_new(rule, start);
  if (it == nullptr) return true;
  // Jump close to the window when the rule allows it (not with COUNT, which counts from DTSTART).
  if (window.start && rule.count == 0) {
    const LocalSeconds from = Zones::to_local(*window.start, zone) - date::days{1};
    if (from > dtstart) icalrecur_iterator_set_start(it, icaltime_of(from));
  }
  bool finished = true;
  for (;; ++steps) {
    if (steps >= limits.max_steps || collector.full) {
      finished = collector.full;
      break;
    }
    const icaltimetype next = icalrecur_iterator_next(it);
    if (icaltime_is_null_time(next)) break;
    const auto local = local_of(next);
    if (!local) break;
    const Instant at = Zones::to_instant(*local, zone);
    if (window.end && at >= *window.end) break;
    collector.add(at);
  }
  icalrecur_iterator_free(it);
  return finished;
}

}  // namespace

bool is_recurring(icalcomponent* vevent) {
  return icalcomponent_get_first_property(vevent, ICAL_RRULE_PROPERTY) != nullptr ||
         icalcomponent_get_first_property(vevent, ICAL_RDATE_PROPERTY) != nullptr;
}

bool expand(icalcomponent* vevent, LocalSeconds dtstart, const Zone& zone, Zones& zones,
            const Window& window, const Limits& limits, Series& out, std::string& why) {
  std::vector<icalrecurrencetype> rules;
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_RRULE_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(vevent, ICAL_RRULE_PROPERTY)) {
    const icalrecurrencetype rule = icalproperty_get_rrule(p);
    if (rule.freq == ICAL_NO_RECURRENCE) {
      out.notes.push_back("an RRULE that could not be read was not used");
      continue;
    }
    if (rule.count == 0 && icaltime_is_null_time(rule.until) && !window.end) {
      why =
          "it repeats without end (RRULE with neither COUNT nor UNTIL): give a window "
          "(window_start and window_end) to expand it in";
      return false;
    }
    rules.push_back(rule);
  }

  Collector collector{window, limits, {}, false};
  collector.add(Zones::to_instant(dtstart, zone));  // DTSTART is always the first occurrence
  for (const auto& rule : rules) {
    if (!run_rule(rule, dtstart, zone, window, limits, collector, out.steps)) {
      out.notes.push_back("the expansion stopped after " + std::to_string(limits.max_steps) +
                          " rule steps, before the window's end");
    }
  }
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_RDATE_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(vevent, ICAL_RDATE_PROPERTY)) {
    const icaldatetimeperiodtype value = icalproperty_get_rdate(p);
    const bool period = !icaltime_is_null_time(value.period.start);
    const icaltimetype start = period ? value.period.start : value.time;
    if (start.is_date) {
      out.notes.push_back("an RDATE that is a date without a time was not used");
      continue;
    }
    std::string bad, note;
    const auto at = instant_of(start, p, zones, bad, note);
    if (!at) {
      out.notes.push_back("an RDATE was not used: " + bad);
      continue;
    }
    std::optional<Instant> end;
    if (period && !icaltime_is_null_time(value.period.end)) {
      end = instant_of(value.period.end, p, zones, bad, note);
    } else if (period) {
      end = *at + std::chrono::seconds{icaldurationtype_as_int(value.period.duration)};
    }
    collector.add(*at, end);
  }

  std::set<Instant> excluded;
  std::set<date::local_days> excluded_days;
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_EXDATE_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(vevent, ICAL_EXDATE_PROPERTY)) {
    const icaltimetype value = icalproperty_get_exdate(p);
    if (value.is_date) {
      if (const auto local = local_of(value)) excluded_days.insert(date::floor<date::days>(*local));
      continue;
    }
    std::string bad, note;
    if (const auto at = instant_of(value, p, zones, bad, note)) {
      excluded.insert(*at);
    } else {
      out.notes.push_back("an EXDATE was not used: " + bad);
    }
  }

  for (const auto& [start, end] : collector.found) {
    if (excluded.count(start) > 0) continue;
    if (excluded_days.count(date::floor<date::days>(Zones::to_local(start, zone))) > 0) continue;
    out.occurrences.push_back(Occurrence{start, end});
  }
  if (collector.full) {
    out.notes.push_back("only the first " + std::to_string(limits.max_occurrences) +
                        " occurrences in the window were used");
  }
  return true;
}

}  // namespace bg::adapters::ics
