#include "codec/event_decoder.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "codec/utf8.h"
#include "time/zone.h"

namespace bg {
namespace {

using Json = nlohmann::json;

// Thrown inside this file only; decode() turns it into an EventError.
struct Rejection {
  std::string field;
  std::string message;
};

std::string join_path(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string{key} : prefix + "." + std::string{key};
}

// Reads typed fields out of one JSON object, naming the full path of any field it rejects.
class FieldReader {
 public:
  FieldReader(const Json& object, std::string path, const EventLimits& limits)
      : object_(object), path_(std::move(path)), limits_(limits) {}

  const Json* find(std::string_view key) const {
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  [[noreturn]] void reject(std::string_view key, std::string message) const {
    throw Rejection{join_path(path_, key), std::move(message)};
  }

  const Json& required(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) reject(key, "is required");
    return *value;
  }

  std::string string(std::string_view key, bool is_required, size_t max_bytes) const {
    const Json* value = is_required ? &required(key) : find(key);
    if (value == nullptr) return {};
    if (!value->is_string())
      reject(key, "must be a string, not " + std::string{value->type_name()});
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > max_bytes) {
      reject(key, "is " + std::to_string(text.size()) + " bytes, over the limit of " +
                      std::to_string(max_bytes));
    }
    return text;
  }

  std::string id(std::string_view key, bool is_required = true) const {
    std::string value = string(key, is_required, limits_.max_id_bytes);
    if (is_required && value.empty()) reject(key, "must not be empty");
    for (const char c : value) {
      if (static_cast<unsigned char>(c) < 0x20) reject(key, "must not contain control characters");
    }
    return value;
  }

  std::string text(std::string_view key, bool is_required = false) const {
    return string(key, is_required, limits_.max_text_bytes);
  }

  template <typename E>
  E name(std::string_view key) const {
    const std::string value = string(key, true, limits_.max_id_bytes);
    const auto parsed = parse_name<E>(value);
    if (!parsed) {
      reject(key, "\"" + value + "\" is not one of " + std::string{accepted_names<E>()});
    }
    return *parsed;
  }

  Instant timestamp(std::string_view key) const {
    const std::string value = string(key, true, 64);
    const auto parsed = parse_rfc3339(value);
    if (!parsed) {
      reject(key, "\"" + value +
                      "\" is not an RFC 3339 timestamp with an offset, such as "
                      "2026-03-04T23:15:00-06:00");
    }
    return *parsed;
  }

  date::year_month_day day(std::string_view key, bool is_required) const {
    const std::string value = string(key, is_required, 64);
    const auto parsed = parse_date(value);
    if (!parsed) reject(key, "\"" + value + "\" is not a date such as 2026-03-04");
    return *parsed;
  }

  std::string zone(std::string_view key, bool is_required) const {
    std::string value = string(key, is_required, 128);
    if (value.empty() && !is_required) return value;
    if (find_zone(value) == nullptr) {
      reject(key, "\"" + value + "\" is not a known IANA time zone such as America/Chicago");
    }
    return value;
  }

  FieldReader object(std::string_view key) const {
    const Json& value = required(key);
    if (!value.is_object()) reject(key, "must be an object, not " + std::string{value.type_name()});
    return FieldReader{value, join_path(path_, key), limits_};
  }

  Party party(std::string_view key) const {
    const FieldReader reader = object(key);
    return Party{reader.name<Role>("role"), reader.id("id")};
  }

  const Json& raw() const { return object_; }
  const std::string& path() const { return path_; }

 private:
  const Json& object_;
  std::string path_;
  const EventLimits& limits_;
};

WeeklyHours read_hours(const FieldReader& event) {
  const FieldReader hours = event.object("hours");
  WeeklyHours out;
  for (const auto& [key, value] : hours.raw().items()) {
    int day = -1;
    for (size_t i = 0; i < kWeekdayKeys.size(); ++i) {
      if (kWeekdayKeys[i] == key) day = static_cast<int>(i);
    }
    if (day < 0) hours.reject(key, "is not a weekday; use mon, tue, wed, thu, fri, sat or sun");
    if (!value.is_array()) hours.reject(key, "must be a list of \"HH:MM-HH:MM\" ranges");
    std::vector<TimeRange> ranges;
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string item_key = key + "[" + std::to_string(i) + "]";
      if (!value[i].is_string()) hours.reject(item_key, "must be a string \"HH:MM-HH:MM\"");
      TimeRange range;
      std::string why;
      if (!parse_time_range(value[i].get_ref<const std::string&>(), range, why)) {
        hours.reject(item_key, why);
      }
      ranges.push_back(range);
    }
    std::string why;
    if (!check_no_overlap(ranges, why)) hours.reject(key, why);
    out.set_day(day, std::move(ranges));
  }
  return out;
}

EventBody read_therapist(const FieldReader& r) {
  TherapistEvent e;
  e.time_zone = r.zone("time_zone", true);
  e.supervisor = r.id("supervisor", false);
  if (r.find("hours") != nullptr) e.hours = read_hours(r);
  return e;
}

EventBody read_client(const FieldReader& r) {
  ClientEvent e;
  e.therapist = r.id("therapist");
  e.time_zone = r.zone("time_zone", false);
  e.status = r.find("status") != nullptr ? r.name<ClientStatus>("status") : ClientStatus::active;
  if (e.status == ClientStatus::terminated) {
    e.terminated_on = r.day("terminated_on", true);
  } else if (r.find("terminated_on") != nullptr) {
    e.terminated_on = r.day("terminated_on", true);
  }
  return e;
}

EventBody read_extension(const FieldReader& r) {
  ExtensionEvent e;
  e.therapist = r.id("therapist");
  e.client = r.id("client");
  const Json& covers = r.required("covers");
  if (!covers.is_array() || covers.empty())
    r.reject("covers", "must be a non-empty list of categories");
  for (size_t i = 0; i < covers.size(); ++i) {
    const auto* name = covers[i].is_string() ? &covers[i].get_ref<const std::string&>() : nullptr;
    const auto category = name ? parse_name<Category>(*name) : std::nullopt;
    if (!category) {
      r.reject("covers[" + std::to_string(i) + "]",
               "must be one of " + std::string{accepted_names<Category>()});
    }
    e.covers.push_back(*category);
  }
  e.reason = r.text("reason", true);
  if (e.reason.empty()) r.reject("reason", "must say why the extension was approved");
  e.approved_by = r.id("approved_by");
  e.from = r.day("from", true);
  e.until = r.day("until", true);
  if (date::sys_days{e.until} < date::sys_days{e.from}) r.reject("until", "is before \"from\"");
  return e;
}

EventBody read_message(const FieldReader& r) {
  MessageEvent e;
  e.at = r.timestamp("at");
  e.from = r.party("from");
  e.to = r.party("to");
  e.channel = r.name<Channel>("channel");
  if (r.find("text") != nullptr) e.text = r.text("text");
  e.platform = r.id("platform", false);
  return e;
}

EventBody read_appointment(const FieldReader& r) {
  AppointmentEvent e;
  e.action = r.name<AppointmentAction>("action");
  e.start = r.timestamp("start");
  e.end = r.timestamp("end");
  if (e.end < e.start) r.reject("end", "is before \"start\"");
  e.therapist = r.id("therapist");
  e.client = r.id("client");
  const FieldReader location = r.object("location");
  e.location.kind = location.name<LocationKind>("kind");
  e.location.name = location.text("name");
  e.location.address = location.text("address");
  e.service = r.id("service", false);
  return e;
}

EventBody read_social(const FieldReader& r) {
  SocialEvent e;
  e.at = r.timestamp("at");
  e.platform = r.id("platform");
  e.action = r.name<SocialAction>("action");
  e.actor = r.party("actor");
  e.target = r.party("target");
  return e;
}

EventBody read_payment(const FieldReader& r) {
  PaymentEvent e;
  e.at = r.timestamp("at");
  e.from = r.party("from");
  e.to = r.party("to");
  e.kind = r.name<PaymentKind>("kind");
  if (r.find("amount") != nullptr) {
    const FieldReader amount = r.object("amount");
    const Json& value = amount.required("value");
    if (!value.is_number()) amount.reject("value", "must be a number");
    const double v = value.get<double>();
    if (!std::isfinite(v) || v < 0 || v > 1e12) {
      amount.reject("value", "must be a non-negative amount below 10^12");
    }
    std::string currency = amount.id("currency");
    const bool iso =
        currency.size() == 3 &&
        std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso) amount.reject("currency", "must be an ISO 4217 code such as \"USD\"");
    e.amount = Money{v, std::move(currency)};
  }
  e.description = r.text("description");
  return e;
}

}  // namespace

std::size_t json_nesting_depth(std::string_view json, std::size_t limit) noexcept {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool EventDecoder::decode(std::string_view json, Event& event, EventError& error) const {
  error = EventError{};
  // Whole-line checks come first, so that a hostile line costs one linear scan.
  const size_t max_line = limits_.max_text_bytes * 6 + 64 * 1024;  // escapes may expand text
  if (json.size() > max_line) {
    error.message = "the line is " + std::to_string(json.size()) + " bytes, over the limit of " +
                    std::to_string(max_line);
    return false;
  }
  if (const auto bad = find_invalid_utf8(json); bad != std::string_view::npos) {
    error.message = "invalid UTF-8 at byte " + std::to_string(bad);
    return false;
  }
  // A raw NUL is never valid JSON; the parser would stop reading at a trailing one.
  if (const auto nul = json.find('\0'); nul != std::string_view::npos) {
    error.message = "not valid JSON: a NUL byte at byte " + std::to_string(nul);
    return false;
  }
  if (json_nesting_depth(json, limits_.max_depth) > limits_.max_depth) {
    error.message = "nested more than " + std::to_string(limits_.max_depth) + " levels deep";
    return false;
  }
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& e) {
    error.message = "not valid JSON at byte " + std::to_string(e.byte);
    return false;
  } catch (const Json::out_of_range&) {
    error.message = "not valid JSON: a number is too large to represent";
    return false;
  }
  if (!doc.is_object()) {
    error.message = "each line must be a JSON object";
    return false;
  }
  try {
    const FieldReader reader{doc, "", limits_};
    if (const Json* id = reader.find("id"); id != nullptr && id->is_string()) {
      error.event_id = id->get<std::string>().substr(0, limits_.max_id_bytes);
    }
    const EventType type = reader.name<EventType>("type");
    event.id = reader.id("id");
    switch (type) {
      case EventType::therapist:
        event.body = read_therapist(reader);
        break;
      case EventType::client:
        event.body = read_client(reader);
        break;
      case EventType::boundary_extension:
        event.body = read_extension(reader);
        break;
      case EventType::message:
        event.body = read_message(reader);
        break;
      case EventType::appointment:
        event.body = read_appointment(reader);
        break;
      case EventType::social:
        event.body = read_social(reader);
        break;
      case EventType::payment:
        event.body = read_payment(reader);
        break;
    }
  } catch (const Rejection& rejection) {
    error.field = rejection.field;
    error.message = rejection.message;
    return false;
  } catch (const Json::exception&) {
    error.message = "a field has an unexpected JSON type";
    return false;
  }
  return true;
}

}  // namespace bg
