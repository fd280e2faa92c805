#include "adapters/fhir_adapter.h"

#include <set>

#include "adapters/fhir_mappers.h"
#include "codec/event_decoder.h"
#include "codec/utf8.h"

namespace bg::adapters {
namespace fhir {

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

bool reject_if(const std::vector<std::string>& problems, RecordReport& record) {
  if (problems.empty()) return false;
  record.reject(Outcome::unmapped, join(problems));
  return true;
}

namespace {

constexpr int kMaxBundleDepth = 4;

bool is_roster(const std::string& type) {
  return type == "Practitioner" || type == "PractitionerRole" || type == "Patient";
}

// The value of a Parameters parameter (or of a part) named `name`: valueX as text.
std::string parameter(const Json& parameters, const char* name,
                      const char* list_key = "parameter") {
  for (const auto& p : list(parameters, list_key)) {
    if (text(p, "name") != name) continue;
    for (const char* key : {"valueCode", "valueString", "valueInstant", "valueCanonical",
                            "valueUri", "valueDateTime"}) {
      if (std::string v = text(p, key); !v.empty()) return v;
    }
    if (const Json* v = member(p, "valueInteger"); v != nullptr && v->is_number_integer()) {
      return std::to_string(v->get<long long>());
    }
    if (std::string v = text(object(p, "valueReference"), "reference"); !v.empty()) return v;
  }
  return {};
}

// One notification event of a subscription notification bundle.
struct Notice {
  std::string number;
  std::string timestamp;
  std::string focus;
};

class Walker {
 public:
  Walker(const MappingConfig& config, std::function<Instant()> clock, Conversion& out)
      : context_(config, std::move(clock)), writer_(out) {}

  void document(const Json& doc, const std::string& fallback_name) {
    if (!doc.is_object()) {
      RecordReport record{fallback_name.empty() ? "(input)" : fallback_name,
                          Outcome::unmapped,
                          std::string{"not a FHIR resource but a JSON "} + doc.type_name(),
                          {}};
      writer_.finish(std::move(record));
      return;
    }
    resource(doc, "", fallback_name, 0);
  }

 private:
  static std::string name_of_record(const Json& r, const std::string& full_url,
                                    const std::string& fallback) {
    if (std::string key = resource_key(r); !key.empty()) return key;
    if (!full_url.empty()) return full_url;
    const std::string type = resource_type(r);
    if (type.empty()) return fallback.empty() ? "(input)" : fallback;
    return fallback.empty() ? type : type + " (" + fallback + ")";
  }

  void resource(const Json& r, const std::string& full_url, const std::string& fallback,
                int depth) {
    const std::string type = resource_type(r);
    const std::string name = name_of_record(r, full_url, fallback);
    if (type == "Bundle") {
      if (depth >= kMaxBundleDepth) {
        writer_.finish(RecordReport{
            name,
            Outcome::unmapped,
            "Bundles nested more than " + std::to_string(kMaxBundleDepth) + " deep are not read",
            {}});
      } else {
        bundle(r, name, depth + 1);
      }
      return;
    }
    RecordReport record{name, Outcome::mapped, {}, {}};
    const Input in{r, full_url, context_, record, writer_};
    if (type.empty()) {
      record.reject(Outcome::unmapped, "not a FHIR resource: it has no resourceType");
    } else if (type == "Communication") {
      map_communication(in);
    } else if (type == "Appointment") {
      map_appointment(in);
    } else if (type == "Encounter") {
      map_encounter(in);
    } else if (type == "Patient") {
      map_patient(in);
    } else if (type == "Practitioner") {
      map_practitioner(in);
    } else if (type == "PractitionerRole") {
      map_practitioner_role(in);
    } else {
      not_evaluated(r, type, record);
    }
    writer_.finish(std::move(record));
  }

  void not_evaluated(const Json& r, const std::string& type, RecordReport& record) {
    std::string why;
    Outcome outcome = Outcome::skipped;
    if (type == "Location") {
      Reference self;
      self.key = resource_key(r);
      self.resource = &r;
      self.type = type;
      const Setting setting = context_.classify_location(self);
      outcome = Outcome::context;
      why = setting.known
                ? "a Location: sessions that name it are mapped to the setting " +
                      std::string{bg::name_of(setting.kind)}
                : "a Location whose setting is not known (it is not listed under "
                  "fhir.locations, and neither its type nor its name matches a rule): sessions "
                  "that name it are mapped as other";
    } else if (type == "Subscription") {
      why =
          "a Subscription asks a FHIR server to send notifications; Boundary Guard evaluates "
          "the notification bundles it sends";
      for (const auto& e : list(object(object(r, "channel"), "_payload"), "extension")) {
        if (text(e, "valueCode") == "id-only") {
          why +=
              " (this one asks for id-only notifications, which carry no resources: ask for "
              "full-resource)";
        }
      }
    } else if (type == "CommunicationRequest") {
      why =
          "a CommunicationRequest asks for a message to be sent; Boundary Guard evaluates the "
          "Communication when it is sent";
    } else if (type == "AppointmentResponse") {
      why = "a participant's reply to " + text(object(r, "appointment"), "reference") +
            "; Boundary Guard evaluates the Appointment itself";
    } else if (type == "Schedule" || type == "Slot") {
      why = "a " + type + " is availability, not a booking; Boundary Guard evaluates Appointments";
    } else if (type == "Parameters") {
      why = "a Parameters resource is the input of an operation, not an event";
    } else if (type == "OperationOutcome") {
      why = "an OperationOutcome is a server's report on a request, not an event";
    } else {
      why = type +
            " is not a resource Boundary Guard evaluates (it maps Communication, Appointment, "
            "Encounter, Patient, Practitioner and PractitionerRole, and uses Location as "
            "context)";
    }
    record.reject(outcome, why);
  }

  void bundle(const Json& b, const std::string& name, int depth) {
    context_.index_bundle(b);
    const Json& entries = list(b, "entry");
    for (size_t i = 0; i < entries.size(); ++i) {
      if (const std::string url = text(entries[i], "fullUrl"); !url.empty()) {
        if (const Json* r = member(entries[i], "resource")) full_urls_[r] = url;
      }
    }
    if (const Json* status = notification_status(b)) {
      notification(b, *status, name, depth);
      return;
    }
    if (entries.empty()) {
      writer_.finish(RecordReport{name, Outcome::skipped, "an empty Bundle", {}});
      return;
    }
    // Roster resources first, so that the events they set up are in place for the rest.
    for (const bool roster : {true, false}) {
      for (size_t i = 0; i < entries.size(); ++i) {
        const Json* r = member(entries[i], "resource");
        const bool entry_is_roster = r != nullptr && r->is_object() && is_roster(resource_type(*r));
        if (entry_is_roster != roster) continue;
        entry(entries[i], name + " entry[" + std::to_string(i) + "]", depth);
      }
    }
  }

  void entry(const Json& e, const std::string& fallback, int depth) {
    const std::string url = text(e, "fullUrl");
    const Json* r = member(e, "resource");
    if (r != nullptr && r->is_object()) {
      resource(*r, url, fallback, depth);
      return;
    }
    const Json& request = object(e, "request");
    const std::string method = text(request, "method");
    if (!method.empty()) {
      writer_.finish(RecordReport{url.empty() ? method + " " + text(request, "url") : url,
                                  Outcome::skipped,
                                  "a " + method + " request entry, which carries no resource",
                                  {}});
    } else if (member(e, "response") != nullptr) {
      writer_.finish(RecordReport{url.empty() ? fallback : url,
                                  Outcome::skipped,
                                  "a response entry, which carries no resource",
                                  {}});
    } else {
      writer_.finish(RecordReport{url.empty() ? fallback : url,
                                  Outcome::needs_resource,
                                  "the entry carries no resource: fetch it and pass it in",
                                  {}});
    }
  }

  // The status resource of a subscription notification bundle, or nullptr.
  static const Json* notification_status(const Json& b) {
    const std::string type = text(b, "type");
    if (type != "history" && type != "subscription-notification") return nullptr;
    const Json& entries = list(b, "entry");
    if (entries.empty()) return nullptr;
    const Json& first = object(entries[0], "resource");
    const std::string first_type = resource_type(first);
    if (first_type == "SubscriptionStatus") return &first;
    if (first_type == "Parameters" && !parameter(first, "type").empty() &&
        !parameter(first, "subscription").empty()) {
      return &first;
    }
    return nullptr;
  }

  static std::vector<Notice> notices_of(const Json& status) {
    std::vector<Notice> out;
    if (resource_type(status) == "SubscriptionStatus") {
      for (const auto& n : list(status, "notificationEvent")) {
        const Json* number = member(n, "eventNumber");
        out.push_back(Notice{number != nullptr ? number->dump() : "", text(n, "timestamp"),
                             text(object(n, "focus"), "reference")});
      }
      return out;
    }
    for (const auto& p : list(status, "parameter")) {
      if (text(p, "name") != "notification-event") continue;
      out.push_back(Notice{parameter(p, "event-number", "part"), parameter(p, "timestamp", "part"),
                           parameter(p, "focus", "part")});
    }
    return out;
  }

  void notification(const Json& b, const Json& status, const std::string& name, int depth) {
    const bool r5 = resource_type(status) == "SubscriptionStatus";
    const std::string kind = r5 ? text(status, "type") : parameter(status, "type");
    std::string subscription =
        r5 ? text(object(status, "subscription"), "reference") : parameter(status, "subscription");
    Json ref = Json::object();
    ref["reference"] = subscription;
    if (const auto key = context_.resolve(ref, nullptr).key; !key.empty()) subscription = key;
    const std::vector<Notice> notices = notices_of(status);
    if (kind == "handshake" || kind == "heartbeat" || kind == "query-status" ||
        (notices.empty() && kind != "event-notification" && kind != "query-event")) {
      writer_.finish(RecordReport{name,
                                  Outcome::skipped,
                                  "a subscription " + (kind.empty() ? "status" : kind) + " from " +
                                      subscription + ": it carries no events",
                                  {}});
      return;
    }
    if (notices.empty()) {
      writer_.finish(
          RecordReport{name, Outcome::skipped, "an event notification that lists no events", {}});
    }
    std::set<const Json*> done{&status};
    std::set<std::string> focus_urls;
    for (const auto& notice : notices) {
      if (notice.focus.empty()) continue;
      focus_urls.insert(notice.focus);
      const Json* r = context_.find(notice.focus);
      if (r != nullptr) {
        context_.set_notification_time(notice.timestamp);
        if (done.insert(r).second) resource(*r, full_url_of(r), notice.focus, depth);
        context_.set_notification_time({});
        continue;
      }
      Json focus = Json::object();
      focus["reference"] = notice.focus;
      const std::string key = context_.resolve(focus, nullptr).key;
      std::string why = "an id-only notification";
      if (!notice.number.empty()) why += " (event " + notice.number;
      if (!notice.timestamp.empty())
        why += (notice.number.empty() ? " (" : ", ") + notice.timestamp;
      if (!notice.number.empty() || !notice.timestamp.empty()) why += ")";
      why += " from " + subscription + " names " + key + " without its content: fetch it (GET " +
             notice.focus +
             ") and pass the resource in, or ask the Subscription for full-resource payloads";
      writer_.finish(RecordReport{key, Outcome::needs_resource, why, {}});
    }
    // Any other resources the notification carries (a Patient included with an Encounter).
    const Json& entries = list(b, "entry");
    for (const bool roster : {true, false}) {
      for (size_t i = 1; i < entries.size(); ++i) {
        const Json* r = member(entries[i], "resource");
        const std::string url = text(entries[i], "fullUrl");
        if (r == nullptr || !r->is_object()) {
          if (!roster && focus_urls.count(url) == 0) {
            entry(entries[i], name + " entry[" + std::to_string(i) + "]", depth);
          }
          continue;
        }
        if (is_roster(resource_type(*r)) != roster || done.count(r) > 0) continue;
        done.insert(r);
        resource(*r, url, name + " entry[" + std::to_string(i) + "]", depth);
      }
    }
  }

  std::string full_url_of(const Json* r) const {
    const auto it = full_urls_.find(r);
    return it == full_urls_.end() ? std::string{} : it->second;
  }

  Context context_;
  EventWriter writer_;
  std::map<const Json*, std::string> full_urls_;
};

}  // namespace
}  // namespace fhir

Conversion convert_fhir(std::string_view input, const MappingConfig& config,
                        const FhirOptions& options) {
  using fhir::Json;
  Conversion out;
  if (input.size() > options.max_input_bytes) {
    out.input_error = "the input is " + std::to_string(input.size()) +
                      " bytes, over the limit of " + std::to_string(options.max_input_bytes);
    return out;
  }
  if (const auto bad = find_invalid_utf8(input); bad != std::string_view::npos) {
    out.input_error = "invalid UTF-8 at byte " + std::to_string(bad);
    return out;
  }
  if (json_nesting_depth(input, options.max_depth) > options.max_depth) {
    out.input_error = "nested more than " + std::to_string(options.max_depth) + " levels deep";
    return out;
  }
  auto clock = options.clock ? options.clock : [] {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  };
  // The documents: one JSON value, or NDJSON (one resource per line).
  std::vector<Json> documents;
  std::vector<std::string> names;
  try {
    documents.push_back(Json::parse(input.begin(), input.end()));
    names.emplace_back();
  } catch (const Json::parse_error& whole) {
    // NDJSON: one resource per line, the first line one of them. Anything else is one broken
    // document, and its parse error is the one to report.
    size_t start = 0, line_number = 0, lines = 0;
    bool first_is_resource = false;
    std::vector<std::string> bad_lines;
    while (start <= input.size()) {
      size_t end = input.find('\n', start);
      if (end == std::string_view::npos) end = input.size();
      const std::string_view line = input.substr(start, end - start);
      ++line_number;
      start = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      ++lines;
      try {
        documents.push_back(Json::parse(line.begin(), line.end()));
        names.push_back("line " + std::to_string(line_number));
        if (lines == 1) first_is_resource = documents.back().is_object();
      } catch (const Json::parse_error&) {
        bad_lines.push_back("line " + std::to_string(line_number));
      }
    }
    if (lines < 2 || !first_is_resource) {
      out.input_error = "not valid JSON at byte " + std::to_string(whole.byte);
      return out;
    }
    fhir::Walker walker{config, clock, out};
    for (size_t i = 0; i < documents.size(); ++i) walker.document(documents[i], names[i]);
    for (const auto& l : bad_lines) {
      out.records.push_back(RecordReport{l, Outcome::unmapped, "not valid JSON", {}});
    }
    return out;
  }
  fhir::Walker walker{config, clock, out};
  walker.document(documents[0], names[0]);
  return out;
}

}  // namespace bg::adapters
