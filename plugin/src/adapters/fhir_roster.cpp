// Patient -> client, Practitioner and PractitionerRole -> therapist roster events.
#include <array>

#include "adapters/fhir_mappers.h"

namespace bg::adapters::fhir {
namespace {

constexpr std::array<const char*, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// "09:00:00" -> "09:00"; "" when it is not a FHIR time.
std::string clock_of(const std::string& time, RecordReport& record) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (time.size() < 5 || !digit(time[0]) || !digit(time[1]) || time[2] != ':' || !digit(time[3]) ||
      !digit(time[4])) {
    return {};
  }
  if (time.size() >= 8 && time.compare(5, 3, ":00") != 0) {
    record.note("seconds in the time " + time + " are dropped");
  }
  return time.substr(0, 5);
}

// The weekly hours of the roles' availableTime, keyed mon..sun; false when none says any.
bool hours_of(const std::vector<const Json*>& roles, OrderedJson& hours, RecordReport& record) {
  std::array<std::vector<std::string>, 7> days;
  bool any = false;
  for (const Json* role : roles) {
    for (const auto& available : list(*role, "availableTime")) {
      std::string range;
      const Json* all_day = member(available, "allDay");
      if (all_day != nullptr && all_day->is_boolean() && all_day->get<bool>()) {
        range = "00:00-24:00";
      } else {
        const std::string start = clock_of(text(available, "availableStartTime"), record);
        std::string end = clock_of(text(available, "availableEndTime"), record);
        if (end == "00:00") end = "24:00";
        if (start.empty() || end.empty()) {
          record.note("an availableTime without a start and end time is not used");
          continue;
        }
        range = start + "-" + end;
      }
      const Json& listed = list(available, "daysOfWeek");
      for (size_t d = 0; d < kDays.size(); ++d) {
        bool on = listed.empty();  // no days listed: every day
        for (const auto& day : listed)
          on = on || (day.is_string() && day.get<std::string>() == kDays[d]);
        if (on) {
          days[d].push_back(range);
          any = true;
        }
      }
    }
  }
  if (!any) return false;
  hours = OrderedJson::object();
  for (size_t d = 0; d < kDays.size(); ++d) {
    if (!days[d].empty()) hours[kDays[d]] = days[d];
  }
  return true;
}

// The therapist's zone: an extension on the resources, else the mapping's default.
std::string therapist_zone(const Input& in, const std::vector<const Json*>& sources,
                           std::vector<std::string>& problems) {
  for (const Json* source : sources) {
    std::string note;
    std::string zone = in.context.zone_extension(*source, note);
    if (!note.empty()) in.record.note(note);
    if (!zone.empty()) return zone;
  }
  if (!in.context.config().default_time_zone.empty()) return in.context.config().default_time_zone;
  problems.push_back(
      "no time zone: add the tz-code extension, or set default_time_zone in the mapping");
  return {};
}

void emit_therapist(const Input& in, const std::string& id, const std::string& zone,
                    const std::vector<const Json*>& roles) {
  OrderedJson event;
  event["type"] = "therapist";
  event["id"] = id;
  event["time_zone"] = zone;
  OrderedJson hours;
  if (hours_of(roles, hours, in.record)) event["hours"] = hours;
  in.writer.add(in.record, event);
}

// A reference from a string, resolved in the input.
Reference resolve_string(const Input& in, const std::string& reference) {
  Json ref = Json::object();
  ref["reference"] = reference;
  return in.context.resolve(ref, &in.resource);
}

}  // namespace

void map_patient(const Input& in) {
  const Json& r = in.resource;
  std::vector<std::string> problems;
  const std::string id = in.context.roster_id(r, in.full_url);
  if (id.empty()) problems.push_back("it has no id");
  std::string key = resource_key(r);
  if (key.empty()) key = in.full_url;

  std::optional<Person> therapist;
  const auto& treating = in.context.config().fhir.treating_practitioner;
  if (const auto it = treating.find(key); !key.empty() && it != treating.end()) {
    std::string why;
    therapist = in.context.person(resolve_string(in, it->second), why);
    if (!therapist || therapist->role != Role::therapist) {
      problems.push_back("fhir.treating_practitioner names " + it->second +
                         ", which is not a therapist" + (why.empty() ? "" : ": " + why));
      therapist.reset();
    }
  } else {
    for (const auto& gp : list(r, "generalPractitioner")) {
      std::string why;
      const auto person = in.context.person(in.context.resolve(gp, &r), why);
      if (person && person->role == Role::therapist) {
        therapist = person;
        break;
      }
    }
    if (!therapist && problems.empty()) {
      problems.push_back(
          "it names no treating practitioner: set generalPractitioner to the therapist's "
          "Practitioner, or list it under fhir.treating_practitioner in the mapping");
    }
  }
  if (reject_if(problems, in.record)) return;

  OrderedJson event;
  event["type"] = "client";
  event["id"] = id;
  event["therapist"] = therapist->id;
  std::string note;
  const std::string zone = in.context.zone_extension(r, note);
  if (!note.empty()) in.record.note(note + "; the client is taken to be in the therapist's zone");
  if (!zone.empty()) event["time_zone"] = zone;
  in.writer.add(in.record, event);
}

void map_practitioner(const Input& in) {
  const Json& r = in.resource;
  std::vector<std::string> problems;
  const std::string id = in.context.roster_id(r, in.full_url);
  if (id.empty()) problems.push_back("it has no id");
  std::string key = resource_key(r);
  if (key.empty()) key = in.full_url;
  const std::vector<const Json*> roles = in.context.roles_of(key);
  std::vector<const Json*> sources{&r};
  sources.insert(sources.end(), roles.begin(), roles.end());
  const std::string zone = therapist_zone(in, sources, problems);
  if (reject_if(problems, in.record)) return;
  emit_therapist(in, id, zone, roles);
}

void map_practitioner_role(const Input& in) {
  const Json& r = in.resource;
  const Reference practitioner = in.context.resolve(object(r, "practitioner"), &r);
  if (practitioner.resource != nullptr && resource_type(*practitioner.resource) == "Practitioner") {
    in.record.reject(
        Outcome::context,
        "its hours (availableTime) are part of the therapist event of " + practitioner.key);
    return;
  }
  std::vector<std::string> problems;
  std::string why;
  const auto person = in.context.person(practitioner, why);
  if (member(r, "practitioner") == nullptr) {
    problems.push_back("it names no practitioner");
  } else if (!person || person->role != Role::therapist) {
    problems.push_back("its practitioner " +
                       (why.empty() ? practitioner.describe() + " is not a therapist" : why));
  }
  const std::string zone = therapist_zone(in, {&r}, problems);
  if (reject_if(problems, in.record)) return;
  emit_therapist(in, person->id, zone, {&r});
}

}  // namespace bg::adapters::fhir
