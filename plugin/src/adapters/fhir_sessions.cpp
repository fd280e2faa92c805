// Appointment and Encounter -> appointment events, one per therapist-client pair.
#include "adapters/event_time.h"
#include "adapters/fhir_mappers.h"

namespace bg::adapters::fhir {
namespace {

struct Session {
  std::string id;
  std::string action;
  std::string start;
  std::string end;
  std::vector<Person> therapists;
  std::vector<Person> clients;
  Setting setting;
};

std::string action_of(const Json& resource, const std::string& status) {
  if (status == "cancelled" || status == "noshow") return "cancelled";
  const std::string version = text(object(resource, "meta"), "versionId");
  return version.empty() || version == "1" ? "created" : "updated";
}

// Adds the person a participant reference names to the therapists or clients.
void add_person(const Input& in, const Reference& ref, Session& session,
                std::vector<std::string>& not_used) {
  std::string why;
  const auto person = in.context.person(ref, why);
  if (!person) {
    not_used.push_back("participant " + why);
    return;
  }
  auto& people = person->role == Role::therapist ? session.therapists : session.clients;
  for (const auto& p : people) {
    if (p.id == person->id) return;
  }
  people.push_back(*person);
}

// The setting of a session that names no place, or a place that does not say its setting.
void fall_back(const Input& in, const Reference* location, Setting& setting) {
  const MappingConfig& config = in.context.config();
  if (location != nullptr) {
    in.record.note(
        location->describe() +
        (setting.name.empty() || location->key.empty() ? "" : " (\"" + setting.name + "\")") +
        " does not say its setting: it is not listed under fhir.locations and neither "
        "its type nor its name matches a rule, so it is mapped as other");
    setting.kind = LocationKind::other;
    return;
  }
  setting.kind = config.session_without_location;
  if (!config.session_without_location_set) {
    in.record.note("no Location, so the setting is taken as " + std::string{name_of(setting.kind)} +
                   " (set session_without_location in the mapping)");
  }
}

void emit(const Input& in, const Session& session) {
  const bool several = session.therapists.size() * session.clients.size() > 1;
  for (const auto& therapist : session.therapists) {
    for (const auto& client : session.clients) {
      OrderedJson event;
      event["type"] = "appointment";
      event["id"] = several ? session.id + "#" + therapist.id + "+" + client.id : session.id;
      event["action"] = session.action;
      event["start"] = session.start;
      event["end"] = session.end;
      event["therapist"] = therapist.id;
      event["client"] = client.id;
      OrderedJson location;
      location["kind"] = name_of(session.setting.kind);
      if (!session.setting.name.empty()) location["name"] = session.setting.name;
      if (!session.setting.address.empty()) location["address"] = session.setting.address;
      event["location"] = location;
      in.writer.add(in.record, event);
    }
  }
}

void check_times(const Session& session, std::vector<std::string>& problems) {
  if (!session.start.empty() && !parse_rfc3339(session.start)) {
    problems.push_back("start \"" + session.start +
                       "\" is not a date-time with a time-zone offset");
  }
  if (!session.end.empty() && !parse_rfc3339(session.end)) {
    problems.push_back("end \"" + session.end + "\" is not a date-time with a time-zone offset");
  }
}

void check_people(const Session& session, std::vector<std::string>& problems,
                  const std::vector<std::string>& not_used) {
  if (session.therapists.empty()) {
    problems.push_back("no Practitioner takes part (the therapist)");
  }
  if (session.clients.empty()) problems.push_back("no Patient takes part (the client)");
  if (session.therapists.empty() || session.clients.empty()) {
    problems.insert(problems.end(), not_used.begin(), not_used.end());
  }
}

}  // namespace

void map_appointment(const Input& in) {
  const Json& r = in.resource;
  const std::string status = text(r, "status");
  if (status == "entered-in-error") {
    in.record.reject(Outcome::skipped, "status entered-in-error: the booking was a mistake");
    return;
  }
  std::vector<std::string> problems;
  Session session;
  session.id = event_id(r, in.full_url);
  if (session.id.empty()) {
    problems.push_back("it has no id, so a repeated delivery could not be recognised");
  }
  session.action = action_of(r, status);
  session.start = text(r, "start");
  session.end = text(r, "end");
  if (session.start.empty()) {
    std::string why = "no start and end yet";
    if (!status.empty()) why += " (status " + status + ")";
    if (!list(r, "requestedPeriod").empty()) why += ", only a requested period";
    problems.push_back(why + ": it is evaluated once it is booked for a time");
  } else if (session.end.empty()) {
    const Json* minutes = member(r, "minutesDuration");
    if (minutes != nullptr && minutes->is_number_integer() && minutes->get<long long>() > 0 &&
        minutes->get<long long>() < 100000) {
      session.end = shift(session.start, std::chrono::minutes{minutes->get<long long>()});
    } else {
      problems.push_back("a start but no end or minutesDuration");
    }
  }
  check_times(session, problems);

  std::vector<std::string> not_used;
  std::vector<Reference> locations;
  for (const auto& participant : list(r, "participant")) {
    const Json* actor = member(participant, "actor");
    if (actor == nullptr) continue;  // a participant type with no one assigned yet
    const Reference ref = in.context.resolve(*actor, &r);
    if (ref.type == "Location") {
      locations.push_back(ref);
    } else if (text(participant, "status") == "declined") {
      not_used.push_back("participant " + ref.describe() + " declined");
    } else {
      add_person(in, ref, session, not_used);
    }
  }
  check_people(session, problems, not_used);
  if (reject_if(problems, in.record)) return;
  for (const auto& why : not_used) in.record.note(why);

  if (locations.empty()) {
    fall_back(in, nullptr, session.setting);
  } else {
    session.setting = in.context.classify_location(locations.front());
    if (!session.setting.known) fall_back(in, &locations.front(), session.setting);
    for (size_t i = 1; i < locations.size(); ++i) {
      in.record.note("only the first Location is used; " + locations[i].describe() + " is not");
    }
  }
  emit(in, session);
}

void map_encounter(const Input& in) {
  const Json& r = in.resource;
  const std::string status = text(r, "status");
  if (status == "entered-in-error") {
    in.record.reject(Outcome::skipped, "status entered-in-error: the encounter was a mistake");
    return;
  }
  std::vector<std::string> problems;
  Session session;
  session.id = event_id(r, in.full_url);
  if (session.id.empty()) {
    problems.push_back("it has no id, so a repeated delivery could not be recognised");
  }
  session.action = action_of(r, status);
  const Json& period = object(r, "period");
  session.start = text(period, "start");
  session.end = text(period, "end");
  if (session.start.empty()) {
    problems.push_back("no period, so there is no session time to check");
  } else if (session.end.empty()) {
    if (status == "in-progress" || status == "arrived" || status == "triaged" ||
        status == "onleave") {
      session.end = session.start;
      in.record.note("no end yet (status " + status + "), so it is taken to end when it starts");
    } else {
      problems.push_back("a period with a start but no end");
    }
  }
  check_times(session, problems);

  std::vector<std::string> not_used;
  if (const Json* subject = member(r, "subject")) {
    add_person(in, in.context.resolve(*subject, &r), session, not_used);
  }
  for (const auto& participant : list(r, "participant")) {
    if (const Json* individual = member(participant, "individual")) {
      add_person(in, in.context.resolve(*individual, &r), session, not_used);
    }
  }
  check_people(session, problems, not_used);
  if (reject_if(problems, in.record)) return;
  for (const auto& why : not_used) in.record.note(why);

  // The setting: a Location the mapping lists, else the encounter class, else what the
  // Location itself says, else the fallback.
  std::vector<Reference> locations;
  for (const auto& l : list(r, "location")) {
    if (const Json* ref = member(l, "location")) locations.push_back(in.context.resolve(*ref, &r));
  }
  const MappingConfig& config = in.context.config();
  std::optional<Setting> setting;
  for (const auto& l : locations) {
    if (config.fhir.locations.count(l.key) > 0) setting = in.context.classify_location(l);
  }
  if (!setting) {
    const Json* klass = member(r, "class");
    std::vector<const Json*> codings;
    if (klass != nullptr && klass->is_object()) codings.push_back(klass);  // R4: a Coding
    if (klass != nullptr && klass->is_array()) {                           // R5: concepts
      for (const auto& concept : *klass) {
        for (const auto& coding : list(concept, "coding")) codings.push_back(&coding);
      }
    }
    for (const Json* coding : codings) {
      const auto it = config.fhir.encounter_classes.find(text(*coding, "code"));
      if (!setting && it != config.fhir.encounter_classes.end()) {
        Setting s = locations.empty() ? Setting{} : in.context.classify_location(locations[0]);
        s.kind = it->second;
        s.known = true;
        setting = s;
      }
    }
  }
  if (!setting && !locations.empty()) {
    setting = in.context.classify_location(locations.front());
    if (!setting->known) fall_back(in, &locations.front(), *setting);
  }
  if (!setting) {
    setting = Setting{};
    fall_back(in, nullptr, *setting);
  }
  session.setting = *setting;
  emit(in, session);
}

}  // namespace bg::adapters::fhir
