#include "adapters/twilio_adapter.h"

#include <nlohmann/json.hpp>

#include "adapters/event_time.h"
#include "adapters/form_encoding.h"
#include "adapters/twilio_signature.h"
#include "codec/utf8.h"

namespace bg::adapters {
namespace {

using Json = nlohmann::json;

// One webhook request: its fields, and its body as received (for the signature).
struct Request {
  std::string name;
  std::string body;
  bool json = false;
  FormFields fields;
  std::string error;  // set when the body could not be read
};

const std::string* field(const FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

FormFields fields_of(const Json& object) {
  FormFields out;
  for (const auto& [key, value] : object.items()) {
    if (value.is_string()) {
      out.emplace_back(key, value.get<std::string>());
    } else if (value.is_number() || value.is_boolean()) {
      out.emplace_back(key, value.dump());
    }
  }
  return out;
}

std::vector<Request> split_requests(std::string_view input) {
  std::vector<Request> out;
  const auto first = input.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return out;
  const bool json = input[first] == '{';
  if (json) {
    try {
      const Json doc = Json::parse(input.begin(), input.end());
      Request r{"webhook", std::string{input}, true, {}, {}};
      if (!doc.is_object())
        r.error = "not a JSON object of webhook fields";
      else
        r.fields = fields_of(doc);
      out.push_back(std::move(r));
      return out;
    } catch (const Json::parse_error&) {
      // JSON Lines, one request per line: handled below.
    }
  }
  size_t start = 0, number = 0;
  while (start <= input.size()) {
    size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Request r{"webhook (line " + std::to_string(number) + ")", std::string{line}, json, {}, {}};
    if (json) {
      try {
        const Json doc = Json::parse(line.begin(), line.end());
        if (!doc.is_object())
          r.error = "not a JSON object of webhook fields";
        else
          r.fields = fields_of(doc);
      } catch (const Json::parse_error& e) {
        r.error = "not valid JSON at byte " + std::to_string(e.byte);
      }
    } else {
      std::string why;
      if (auto fields = parse_form(line, why))
        r.fields = std::move(*fields);
      else
        r.error = why;
    }
    out.push_back(std::move(r));
  }
  return out;
}

// The roster person behind a number, or a problem saying why not.
const PhoneEntry* lookup(const FormFields& fields, const char* name, const MappingConfig& config,
                         std::vector<std::string>& problems) {
  const std::string* raw = field(fields, name);
  if (raw == nullptr || raw->empty()) {
    problems.push_back(std::string{"no "} + name + " number");
    return nullptr;
  }
  const auto number = normalize_phone(*raw);
  if (!number) {
    problems.push_back(std::string{name} + " \"" + *raw + "\" is not a phone number");
    return nullptr;
  }
  const auto it = config.numbers.find(*number);
  if (it == config.numbers.end()) {
    problems.push_back(std::string{name} + " " + *number +
                       " is not a number in the mapping (people[].numbers, practice_numbers or "
                       "personal_numbers)");
    return nullptr;
  }
  return &it->second;
}

void map_request(const Request& request, const MappingConfig& config, const TwilioOptions& options,
                 Instant received, EventWriter& writer) {
  const FormFields& f = request.fields;
  std::string sid;
  for (const char* key : {"MessageSid", "SmsMessageSid", "SmsSid"}) {
    if (const std::string* v = field(f, key); sid.empty() && v != nullptr) sid = *v;
  }
  RecordReport record{sid.empty() ? request.name : "webhook " + sid, Outcome::mapped, {}, {}};
  if (!request.error.empty()) {
    record.reject(Outcome::unmapped, "the request body cannot be read: " + request.error);
    writer.finish(std::move(record));
    return;
  }
  if (!options.signature.empty()) {
    const bool good =
        verify_twilio_signature(options.auth_token, options.url, request.json ? FormFields{} : f,
                                options.signature, request.json ? &request.body : nullptr);
    if (!good) {
      record.reject(Outcome::unmapped,
                    "X-Twilio-Signature does not match: the request was not signed by Twilio "
                    "with this auth token for this URL (use the URL exactly as Twilio requested "
                    "it, with its query string)");
      writer.finish(std::move(record));
      return;
    }
  }
  std::vector<std::string> problems;
  if (sid.empty())
    problems.push_back("no MessageSid, so a repeated delivery could not be recognised");
  const PhoneEntry* from = lookup(f, "From", config, problems);
  const PhoneEntry* to = lookup(f, "To", config, problems);
  if (from != nullptr && to != nullptr && from->person.role == to->person.role) {
    problems.push_back("From and To are both " + std::string{name_of(from->person.role)} +
                       " numbers (only therapist-client contact is evaluated)");
  }
  if (!problems.empty()) {
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
    record.reject(Outcome::unmapped, text);
    writer.finish(std::move(record));
    return;
  }
  const PhoneEntry& therapist = from->person.role == Role::therapist ? *from : *to;
  OrderedJson event;
  event["type"] = "message";
  event["id"] = sid;
  event["at"] = rfc3339_with_offset(received, std::chrono::seconds{0});
  event["from"] = {{"role", name_of(from->person.role)}, {"id", from->person.id}};
  event["to"] = {{"role", name_of(to->person.role)}, {"id", to->person.id}};
  event["channel"] = therapist.line == Line::personal ? "personal_sms" : "practice_sms";
  if (const std::string* body = field(f, "Body")) {
    if (find_invalid_utf8(*body) != std::string_view::npos) {
      record.note("the Body is not valid UTF-8; invalid bytes were replaced");
    }
    event["text"] = *body;
  }
  const std::string* media = field(f, "NumMedia");
  if (media != nullptr && !media->empty() && *media != "0") {
    std::string types;
    for (int i = 0; i < 10; ++i) {
      if (const std::string* t = field(f, "MediaContentType" + std::to_string(i))) {
        types += (types.empty() ? "" : ", ") + *t;
      }
    }
    record.note(*media + " media item(s)" + (types.empty() ? "" : " (" + types + ")") +
                " were not analysed; only the Body text is");
  }
  writer.add(record, event);
  writer.finish(std::move(record));
}

}  // namespace

Conversion convert_twilio(std::string_view input, const MappingConfig& config,
                          const TwilioOptions& options) {
  Conversion out;
  if (input.size() > options.max_input_bytes) {
    out.input_error = "the input is " + std::to_string(input.size()) +
                      " bytes, over the limit of " + std::to_string(options.max_input_bytes);
    return out;
  }
  if (!options.signature.empty() && (options.url.empty() || options.auth_token.empty())) {
    out.input_error = "checking X-Twilio-Signature needs the request URL and the auth token";
    return out;
  }
  const std::vector<Request> requests = split_requests(input);
  if (requests.empty()) {
    out.input_error = "the input is empty: no webhook request";
    return out;
  }
  if (!options.signature.empty() && requests.size() > 1) {
    out.input_error = "an X-Twilio-Signature covers one request, and the input holds " +
                      std::to_string(requests.size());
    return out;
  }
  const Instant received = options.received_at ? *options.received_at
                           : options.clock
                               ? options.clock()
                               : std::chrono::time_point_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now());
  EventWriter writer{out};
  for (const auto& request : requests) map_request(request, config, options, received, writer);
  return out;
}

}  // namespace bg::adapters
