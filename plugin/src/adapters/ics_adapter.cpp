#include "adapters/ics_adapter.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>
#include <libical/ical.h>

#include "adapters/event_time.h"
#include "adapters/ics_recurrence.h"
#include "adapters/ics_values.h"
#include "time/zone.h"

namespace bg::adapters {
namespace ics {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

void ensure_libical_ready() {
  static std::once_flag once;
  std::call_once(once, [] {
    // libical may be built to abort() on errors; a plugin must never take its host down.
    icalerror_set_errors_are_fatal(0);
    // The table of built-in zones is filled lazily, and a second thread can see it while the
    // first is still filling it (libical PR #1029: a crash in icaltimezone_get_builtin_timezone
    // when conversions start on several threads at once). Filled here, once, it is complete
    // before any conversion reads it.
    icaltimezone_get_builtin_timezones();
  });
}

// A UID usable inside an event id: as it is when short and printable, else its SHA-1.
std::string id_base(const std::string& uid) {
  bool plain = !uid.empty() && uid.size() <= 180;
  for (const char ch : uid) {
    const auto c = static_cast<unsigned char>(ch);
    plain = plain && c >= 0x20 && c != 0x7f;
  }
  if (plain) return uid;
  Poco::SHA1Engine sha1;
  sha1.update(uid);
  return "sha1:" + Poco::DigestEngine::digestToHex(sha1.digest());
}

std::string property_text(icalcomponent* c, icalproperty_kind kind) {
  icalproperty* p = icalcomponent_get_first_property(c, kind);
  if (p == nullptr) return {};
  const char* value = nullptr;
  switch (kind) {
    case ICAL_UID_PROPERTY:
      value = icalproperty_get_uid(p);
      break;
    case ICAL_LOCATION_PROPERTY:
      value = icalproperty_get_location(p);
      break;
    default:
      break;
  }
  return value != nullptr ? std::string{value} : std::string{};
}

struct People {
  std::vector<Person> therapists;
  std::vector<Person> clients;
  std::vector<std::string> unknown;  // addresses the mapping does not list
  std::vector<std::string> declined;
  bool any = false;  // the VEVENT names anyone at all
};

void add_address(const char* value, const MappingConfig& config, People& people) {
  if (value == nullptr) return;
  people.any = true;
  const std::string address = normalize_email(value);
  const auto it = config.emails.find(address);
  if (it == config.emails.end()) {
    if (std::find(people.unknown.begin(), people.unknown.end(), address) == people.unknown.end()) {
      people.unknown.push_back(address);
    }
    return;
  }
  auto& list = it->second.role == Role::therapist ? people.therapists : people.clients;
  for (const auto& p : list) {
    if (p.id == it->second.id) return;
  }
  list.push_back(it->second);
}

People people_of(icalcomponent* event, const MappingConfig& config) {
  People people;
  for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(event, ICAL_ORGANIZER_PROPERTY)) {
    add_address(icalproperty_get_organizer(p), config, people);
  }
  for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
    icalparameter* cutype = icalproperty_get_first_parameter(p, ICAL_CUTYPE_PARAMETER);
    if (cutype != nullptr && (icalparameter_get_cutype(cutype) == ICAL_CUTYPE_ROOM ||
                              icalparameter_get_cutype(cutype) == ICAL_CUTYPE_RESOURCE)) {
      continue;  // a room or a projector, not a person
    }
    icalparameter* partstat = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
    if (partstat != nullptr && icalparameter_get_partstat(partstat) == ICAL_PARTSTAT_DECLINED) {
      const char* value = icalproperty_get_attendee(p);
      if (value != nullptr) people.declined.push_back(normalize_email(value));
      continue;
    }
    add_address(icalproperty_get_attendee(p), config, people);
  }
  return people;
}

// One VEVENT as read: when, who, where.
struct Details {
  std::string uid;
  Zone zone;
  LocalSeconds start_local{};
  Instant start{};
  std::chrono::seconds duration{0};
  int sequence = 0;
  bool cancelled = false;
  People people;
  LocationKind setting = LocationKind::other;
  std::string location;
};

struct Pending {
  Instant start;
  size_t record;
  OrderedJson event;
};

class Reader {
 public:
  Reader(const MappingConfig& config, const IcsOptions& options, Conversion& out)
      : config_(config), options_(options), writer_(out) {}

  void calendar(icalcomponent* calendar, icalcomponent* lone_event) {
    std::string calendar_zone;
    bool cancel = false;
    if (calendar != nullptr) {
      for (icalproperty* p = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY);
           p != nullptr; p = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
        const char* name = icalproperty_get_x_name(p);
        const char* value = icalproperty_get_x(p);
        if (name != nullptr && value != nullptr && std::string{name} == "X-WR-TIMEZONE") {
          calendar_zone = value;
        }
      }
      cancel = icalcomponent_get_first_property(calendar, ICAL_METHOD_PROPERTY) != nullptr &&
               icalcomponent_get_method(calendar) == ICAL_METHOD_CANCEL;
    }
    Zones zones{config_, calendar, calendar_zone};
    cancel_all_ = cancel;

    // VEVENTs grouped by UID: the series (no RECURRENCE-ID) and its overridden instances.
    std::vector<icalcomponent*> events;
    if (lone_event != nullptr) events.push_back(lone_event);
    if (calendar != nullptr) {
      for (icalcomponent* c = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
           c != nullptr; c = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        events.push_back(c);
      }
    }
    std::map<std::string, icalcomponent*> masters;
    for (icalcomponent* e : events) {
      if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY) == nullptr) {
        masters.emplace(property_text(e, ICAL_UID_PROPERTY), e);
      }
    }
    std::map<icalcomponent*, std::vector<Instant>> overridden;  // master -> RECURRENCE-IDs
    std::vector<std::pair<icalcomponent*, Instant>> overrides;
    for (icalcomponent* e : events) {
      icalproperty* rid = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY);
      if (rid == nullptr) continue;
      std::string why, note;
      const auto at = instant_of(icalproperty_get_recurrenceid(rid), rid, zones, why, note);
      if (!at) {
        RecordReport record{"VEVENT " + property_text(e, ICAL_UID_PROPERTY) +
                                " (an overridden "
                                "instance)",
                            Outcome::unmapped,
                            "its RECURRENCE-ID cannot be read: " + why,
                            {}};
        records_.push_back(std::move(record));
        continue;
      }
      const auto master = masters.find(property_text(e, ICAL_UID_PROPERTY));
      if (master != masters.end()) overridden[master->second].push_back(*at);
      overrides.emplace_back(e, *at);
    }
    size_t index = 0;
    for (icalcomponent* e : events) {
      ++index;
      if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY) != nullptr) continue;
      series(e, index, zones, overridden[e]);
    }
    for (const auto& [e, rid] : overrides) {
      const auto master = masters.find(property_text(e, ICAL_UID_PROPERTY));
      instance(e, rid, zones, master == masters.end() ? nullptr : master->second);
    }
  }

  // Writes the events in time order, then the report in file order.
  void finish() {
    std::stable_sort(pending_.begin(), pending_.end(),
                     [](const Pending& a, const Pending& b) { return a.start < b.start; });
    for (auto& p : pending_) writer_.add(records_[p.record], p.event);
    for (auto& r : records_) writer_.finish(std::move(r));
  }

 private:
  // Reads what every VEVENT needs; false (with the record rejected) when it cannot be used.
  bool read(icalcomponent* event, Zones& zones, const Details* master, Details& d,
            RecordReport& record) {
    d.uid = property_text(event, ICAL_UID_PROPERTY);
    std::vector<std::string> problems;
    icalproperty* dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (dtstart == nullptr) {
      record.reject(Outcome::unmapped, "it has no DTSTART");
      return false;
    }
    const icaltimetype start = icalproperty_get_dtstart(dtstart);
    if (start.is_date) {
      record.reject(Outcome::skipped,
                    "an all-day event (its DTSTART is a date), not a session at a time");
      return false;
    }
    std::string why, note;
    const auto local = local_of(start);
    const auto zone =
        local ? zones.find(tzid_of(dtstart), icaltime_is_utc(start) != 0, why, note) : std::nullopt;
    if (!local) why = "its DTSTART has an invalid date or time";
    if (!zone) {
      record.reject(Outcome::unmapped, why);
      return false;
    }
    if (!note.empty()) record.note(note);
    d.zone = *zone;
    d.start_local = *local;
    d.start = Zones::to_instant(*local, *zone);

    if (icalproperty* dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
      std::string end_why, end_note;
      const icaltimetype end_time = icalproperty_get_dtend(dtend);
      const auto end =
          end_time.is_date ? std::nullopt : instant_of(end_time, dtend, zones, end_why, end_note);
      if (!end) {
        record.reject(Outcome::unmapped, "its DTEND cannot be read" +
                                             (end_why.empty() ? std::string{} : ": " + end_why));
        return false;
      }
      if (*end < d.start) {
        record.reject(Outcome::unmapped, "its DTEND is before its DTSTART");
        return false;
      }
      d.duration = std::chrono::duration_cast<std::chrono::seconds>(*end - d.start);
    } else if (icalproperty* duration =
                   icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
      const int seconds = icaldurationtype_as_int(icalproperty_get_duration(duration));
      if (seconds < 0) {
        record.reject(Outcome::unmapped, "its DURATION is negative");
        return false;
      }
      d.duration = std::chrono::seconds{seconds};
    } else if (master != nullptr) {
      d.duration = master->duration;
    } else {
      record.note("it has no DTEND or DURATION, so it is taken to end when it starts");
    }

    if (icalproperty* seq = icalcomponent_get_first_property(event, ICAL_SEQUENCE_PROPERTY)) {
      d.sequence = std::max(0, icalproperty_get_sequence(seq));
    }
    d.cancelled =
        cancel_all_ || (icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY) != nullptr &&
                        icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED);

    // People and place; an overridden instance that names none keeps the series'.
    // An overridden instance that leaves out the ORGANIZER or the ATTENDEEs keeps the series'.
    d.people = people_of(event, config_);
    if (master != nullptr) {
      if (icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY) == nullptr &&
          d.people.therapists.empty()) {
        d.people.therapists = master->people.therapists;
        d.people.any = d.people.any || master->people.any;
      }
      if (icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY) == nullptr) {
        d.people.clients = master->people.clients;
        d.people.unknown.insert(d.people.unknown.end(), master->people.unknown.begin(),
                                master->people.unknown.end());
        d.people.any = d.people.any || master->people.any;
      }
    }
    if (d.people.therapists.empty()) {
      problems.push_back(d.people.unknown.empty()
                             ? "it has no ORGANIZER or ATTENDEE (who takes part is unknown)"
                             : "none of its ORGANIZER and ATTENDEEs is a therapist in the "
                               "mapping's people[].emails");
    }
    if (d.people.clients.empty() && d.people.any) {
      problems.push_back(
          "none of its ORGANIZER and ATTENDEEs is a client in the mapping's "
          "people[].emails");
    }
    if (!problems.empty() && !d.people.unknown.empty()) {
      std::string list;
      for (const auto& a : d.people.unknown) list += (list.empty() ? "" : ", ") + a;
      problems.push_back("not in the mapping: " + list);
    }
    if (!problems.empty()) {
      std::string text;
      for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
      record.reject(Outcome::unmapped, text);
      return false;
    }
    if (!d.people.unknown.empty()) {
      record.note(std::to_string(d.people.unknown.size()) +
                  " participant(s) not in the mapping's people[].emails were not used");
    }
    if (!d.people.declined.empty()) {
      record.note(std::to_string(d.people.declined.size()) +
                  " attendee(s) who declined were "
                  "not used");
    }
    d.location = property_text(event, ICAL_LOCATION_PROPERTY);
    if (d.location.empty() && master != nullptr) d.location = master->location;
    if (d.location.empty()) {
      d.setting = config_.session_without_location;
      if (!config_.session_without_location_set) {
        record.note("no LOCATION, so the setting is taken as " + std::string{name_of(d.setting)} +
                    " (set session_without_location in the mapping)");
      }
    } else if (const SettingRule* rule = match_setting(d.location, config_)) {
      d.setting = rule->setting;
    } else {
      d.setting = LocationKind::other;
      record.note(
          "its LOCATION matches no rule under settings in the mapping, so the setting "
          "is other");
    }
    return true;
  }

  std::string start_text(Instant at, const Zone& zone) const {
    return rfc3339_with_offset(at, Zones::offset_at(at, zone));
  }

  // Queues the events of one occurrence: one per therapist-client pair.
  void queue(size_t record, const Details& d, const std::string& id, bool updated, Instant start,
             std::optional<Instant> end) {
    const Instant finish = end.value_or(start + d.duration);
    const bool several = d.people.therapists.size() * d.people.clients.size() > 1;
    std::string base = id;
    if (d.sequence > 0) base += ";seq=" + std::to_string(d.sequence);
    for (const auto& therapist : d.people.therapists) {
      for (const auto& client : d.people.clients) {
        OrderedJson event;
        event["type"] = "appointment";
        event["id"] = several ? base + "#" + therapist.id + "+" + client.id : base;
        event["action"] =
            d.cancelled ? "cancelled" : (updated || d.sequence > 0 ? "updated" : "created");
        event["start"] = start_text(start, d.zone);
        event["end"] = start_text(finish, d.zone);
        event["therapist"] = therapist.id;
        event["client"] = client.id;
        OrderedJson location;
        location["kind"] = name_of(d.setting);
        if (!d.location.empty()) location["name"] = d.location;
        event["location"] = location;
        pending_.push_back(Pending{start, record, std::move(event)});
      }
    }
  }

  void series(icalcomponent* event, size_t index, Zones& zones,
              const std::vector<Instant>& overridden) {
    const std::string uid = property_text(event, ICAL_UID_PROPERTY);
    RecordReport record{uid.empty() ? "VEVENT #" + std::to_string(index) : "VEVENT " + uid,
                        Outcome::mapped,
                        {},
                        {}};
    Details d;
    std::string base = uid.empty() ? std::string{} : id_base(uid);
    if (uid.empty()) {
      // RFC 5545 requires a UID; without one the id comes from the VEVENT's text, so that
      // reading the same file again gives the same ids.
      char* text = icalcomponent_as_ical_string_r(event);
      base = id_base(std::string{"\x01"} + (text != nullptr ? text : ""));
      std::free(text);
      record.note(
          "it has no UID, so its ids are derived from its content (an edited copy "
          "counts as a new event)");
    }
    if (read(event, zones, nullptr, d, record)) {
      details_[event] = d;
      const Window window{options_.window_start, options_.window_end};
      if (!is_recurring(event)) {
        if (!window.contains(d.start)) {
          record.reject(Outcome::skipped,
                        "it starts " + compact_utc(d.start) + ", outside the window");
        } else if (pending_.size() >= options_.max_events) {
          record.reject(Outcome::unmapped, budget_spent());
        } else {
          queue(records_.size(), d, base, false, d.start, std::nullopt);
        }
      } else if (pending_.size() >= options_.max_events || steps_ >= options_.max_steps) {
        record.reject(Outcome::unmapped, budget_spent());
      } else {
        Series occurrences;
        std::string why;
        Limits limits;
        limits.max_occurrences =
            std::min(options_.max_occurrences, options_.max_events - pending_.size());
        limits.max_steps = std::min<size_t>(200000, options_.max_steps - steps_);
        const bool expanded =
            expand(event, d.start_local, d.zone, zones, window, limits, occurrences, why);
        steps_ += occurrences.steps;
        if (!expanded) {
          record.reject(Outcome::unmapped, why);
        } else {
          for (const auto& n : occurrences.notes) record.note(n);
          size_t queued = 0;
          for (const auto& o : occurrences.occurrences) {
            if (std::find(overridden.begin(), overridden.end(), o.start) != overridden.end()) {
              continue;  // its overridden instance stands in for it
            }
            queue(records_.size(), d, base + "/" + compact_utc(o.start), false, o.start, o.end);
            ++queued;
          }
          if (queued == 0 && record.outcome != Outcome::unmapped) {
            record.reject(Outcome::skipped, "no occurrence of the series falls in the window");
          }
        }
      }
    }
    records_.push_back(std::move(record));
  }

  std::string budget_spent() const {
    return "the calendar needs more than this conversion allows (" +
           std::to_string(options_.max_events) + " occurrences, " +
           std::to_string(options_.max_steps) +
           " recurrence steps): convert a narrower window or a smaller calendar";
  }

  void instance(icalcomponent* event, Instant rid, Zones& zones, icalcomponent* master) {
    const std::string uid = property_text(event, ICAL_UID_PROPERTY);
    RecordReport record{
        "VEVENT " + uid + " RECURRENCE-ID " + compact_utc(rid), Outcome::mapped, {}, {}};
    const auto found = master == nullptr ? details_.end() : details_.find(master);
    const Details* series = found == details_.end() ? nullptr : &found->second;
    Details d;
    if (uid.empty()) {
      record.reject(Outcome::unmapped, "it has no UID");
    } else if (read(event, zones, series, d, record)) {
      const Window window{options_.window_start, options_.window_end};
      if (!window.contains(d.start)) {
        record.reject(Outcome::skipped,
                      "this instance starts " + compact_utc(d.start) + ", outside the window");
      } else if (pending_.size() >= options_.max_events) {
        record.reject(Outcome::unmapped, budget_spent());
      } else {
        queue(records_.size(), d, id_base(uid) + "/" + compact_utc(rid), true, d.start,
              std::nullopt);
      }
    }
    records_.push_back(std::move(record));
  }

  const MappingConfig& config_;
  const IcsOptions& options_;
  EventWriter writer_;
  bool cancel_all_ = false;
  size_t steps_ = 0;
  std::vector<RecordReport> records_;
  std::vector<Pending> pending_;
  std::map<icalcomponent*, Details> details_;
};

}  // namespace
}  // namespace ics

Conversion convert_ics(std::string_view input, const MappingConfig& config,
                       const IcsOptions& options) {
  Conversion out;
  if (input.size() > options.max_input_bytes) {
    out.input_error = "the input is " + std::to_string(input.size()) +
                      " bytes, over the limit of " + std::to_string(options.max_input_bytes);
    return out;
  }
  if (const auto nul = input.find('\0'); nul != std::string_view::npos) {
    out.input_error = "a NUL byte at byte " + std::to_string(nul) + ": not an iCalendar file";
    return out;
  }
  if (input.find("BEGIN:") == std::string_view::npos) {
    out.input_error = "not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT";
    return out;
  }
  if (options.window_start && options.window_end && *options.window_end < *options.window_start) {
    out.input_error = "the window ends before it starts";
    return out;
  }
  ics::ensure_libical_ready();
  const std::string text{input};
  ics::ComponentPtr root{icalparser_parse_string(text.c_str())};
  if (!root) {
    out.input_error = "not an iCalendar file: libical could not parse it";
    return out;
  }
  ics::Reader reader{config, options, out};
  const icalcomponent_kind kind = icalcomponent_isa(root.get());
  if (kind == ICAL_VCALENDAR_COMPONENT) {
    reader.calendar(root.get(), nullptr);
  } else if (kind == ICAL_VEVENT_COMPONENT) {
    reader.calendar(nullptr, root.get());
  } else if (kind == ICAL_XROOT_COMPONENT) {
    // Several calendars (or events) one after another.
    for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_ANY_COMPONENT);
         c != nullptr; c = icalcomponent_get_next_component(root.get(), ICAL_ANY_COMPONENT)) {
      if (icalcomponent_isa(c) == ICAL_VCALENDAR_COMPONENT) reader.calendar(c, nullptr);
      if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT) reader.calendar(nullptr, c);
    }
  } else {
    // libical has no name for an unknown component (BEGIN:VEVEOT): NULL.
    const char* name = icalcomponent_kind_to_string(kind);
    out.input_error = std::string{"not an iCalendar file: it holds "} +
                      (name != nullptr ? std::string{"a "} + name : "an unknown component") +
                      ", not a VCALENDAR or VEVENT";
    return out;
  }
  reader.finish();
  if (out.records.empty()) {
    out.records.push_back(RecordReport{
        "VCALENDAR", Outcome::skipped, "the calendar has no VEVENT (no sessions)", {}});
  }
  return out;
}

}  // namespace bg::adapters
