// Communication -> message events.
#include "adapters/event_time.h"
#include "adapters/fhir_mappers.h"

namespace bg::adapters::fhir {
namespace {

// The channel the Communication's medium names through the mapping's fhir.media table
// ("system|code" first, then the bare code).
Channel channel_of(const Json& resource, const MappingConfig& config, RecordReport& record) {
  std::vector<std::string> seen;
  for (const auto& medium : list(resource, "medium")) {
    for (const auto& coding : list(medium, "coding")) {
      const std::string system = text(coding, "system");
      const std::string code = text(coding, "code");
      if (code.empty()) continue;
      if (const auto it = config.fhir.media.find(system + "|" + code);
          it != config.fhir.media.end()) {
        return it->second;
      }
      if (const auto it = config.fhir.media.find(code); it != config.fhir.media.end()) {
        return it->second;
      }
      seen.push_back(code);
    }
    if (std::string t = text(medium, "text"); !t.empty() && list(medium, "coding").empty()) {
      seen.push_back("\"" + t + "\"");
    }
  }
  if (seen.empty()) {
    record.note("no medium, so the channel is mapped as other");
  } else {
    record.note("medium " + join(seen, ", ") +
                " names no channel in the mapping (fhir.media), so the channel is mapped as "
                "other");
  }
  return Channel::other;
}

// The text of every contentString; other payloads are noted, not analysed.
std::optional<std::string> text_of(const Json& resource, RecordReport& record) {
  std::optional<std::string> out;
  const Json& payload = list(resource, "payload");
  for (size_t i = 0; i < payload.size(); ++i) {
    const std::string where = "payload[" + std::to_string(i) + "]";
    if (const Json* content = member(payload[i], "contentString");
        content && content->is_string()) {
      if (out) *out += "\n";
      out = out.value_or("") + content->get<std::string>();
    } else if (const Json* attachment = member(payload[i], "contentAttachment")) {
      const std::string type = text(*attachment, "contentType");
      record.note(where + " is an attachment" + (type.empty() ? "" : " (" + type + ")") +
                  ", which is not analysed; only text is");
    } else if (member(payload[i], "contentReference") != nullptr) {
      record.note(where + " refers to another resource, which is not analysed; only text is");
    }
  }
  return out;
}

}  // namespace

void map_communication(const Input& in) {
  const Json& r = in.resource;
  RecordReport& record = in.record;
  const std::string status = text(r, "status");
  if (status == "entered-in-error") {
    record.reject(Outcome::skipped, "status entered-in-error: the record was a mistake");
    return;
  }
  if (status == "not-done") {
    record.reject(Outcome::skipped, "status not-done: the message was never sent");
    return;
  }
  std::vector<std::string> problems;
  const std::string id = event_id(r, in.full_url);
  if (id.empty())
    problems.push_back("it has no id, so a repeated delivery could not be recognised");

  std::string at = text(r, "sent");
  if (at.empty()) {
    if ((status == "preparation" || status == "in-progress") &&
        parse_rfc3339(in.context.notification_time())) {
      at = in.context.notification_time();
      record.note("no sent time yet (status " + status +
                  "), so it is stamped with the time of the notification event");
    } else if (status == "preparation" || status == "in-progress") {
      at = rfc3339_with_offset(in.context.now(), std::chrono::seconds{0});
      record.note("no sent time yet (status " + status +
                  "), so it is stamped with the time it was converted");
    } else {
      problems.push_back("no sent time");
    }
  } else if (!parse_rfc3339(at)) {
    problems.push_back("sent \"" + at + "\" is not a date-time with a time-zone offset");
  }

  std::optional<Person> from;
  if (member(r, "sender") == nullptr) {
    problems.push_back("no sender");
  } else {
    std::string why;
    from = in.context.person(in.context.resolve(object(r, "sender"), &r), why);
    if (!from) problems.push_back("the sender " + why);
  }

  std::vector<Person> to;
  std::vector<std::string> not_used;
  for (const auto& recipient : list(r, "recipient")) {
    std::string why;
    const Reference ref = in.context.resolve(recipient, &r);
    const auto person = in.context.person(ref, why);
    if (!person) {
      not_used.push_back("the recipient " + why);
    } else if (from && person->role == from->role) {
      not_used.push_back("the recipient " + ref.describe() + " is, like the sender, a " +
                         std::string{name_of(person->role)} +
                         " (only therapist-client contact is evaluated)");
    } else {
      to.push_back(*person);
    }
  }
  if (to.empty()) {
    if (not_used.empty()) {
      problems.push_back("no recipient");
    } else {
      problems.insert(problems.end(), not_used.begin(), not_used.end());
    }
  }
  if (reject_if(problems, record)) return;
  for (const auto& why : not_used) record.note(why);

  const Channel channel = channel_of(r, in.context.config(), record);
  const std::optional<std::string> message_text = text_of(r, record);
  for (const auto& person : to) {
    OrderedJson event;
    event["type"] = "message";
    event["id"] = to.size() == 1 ? id : id + "#" + person.id;
    event["at"] = at;
    event["from"] = {{"role", name_of(from->role)}, {"id", from->id}};
    event["to"] = {{"role", name_of(person.role)}, {"id", person.id}};
    event["channel"] = name_of(channel);
    if (message_text) event["text"] = *message_text;
    in.writer.add(record, event);
  }
}

}  // namespace bg::adapters::fhir
