#include "abi/struct_events.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "codec/utf8.h"
#include "model/vocabulary.h"
#include "time/timestamp.h"

namespace bg {
namespace {

using Json = nlohmann::json;

// A caller bug (BG_E_INVALID_ARGUMENT).
struct BadArgument {
  std::string message;
};

// A well-formed struct whose content is not a valid event (BG_E_BAD_EVENT), named like the
// JSON decoder names it.
struct BadField {
  std::string message;
};

BadField bad_field(const char* field, const std::string& why) {
  return BadField{std::string{"field \""} + field + "\": " + why};
}

std::string text(const bg_str& s, const char* field) {
  if (s.data == nullptr) {
    if (s.size != 0) throw BadArgument{std::string{field} + ": data is NULL but size is not 0"};
    return {};
  }
  const std::string_view bytes{s.data, s.size};
  if (const auto at = find_invalid_utf8(bytes); at != std::string_view::npos) {
    throw bad_field(field, "not valid UTF-8 at byte " + std::to_string(at));
  }
  return std::string{bytes};
}

void put(Json& j, const char* key, const bg_str& s) {
  if (s.data != nullptr || s.size != 0) j[key] = text(s, key);
}

std::string timestamp(int64_t ms) {
  return format_utc(Instant{std::chrono::milliseconds{ms}}).substr(0, 19) + "." + [ms] {
    const auto frac = ((ms % 1000) + 1000) % 1000;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%03d", static_cast<int>(frac));
    return std::string{buf};
  }() + "Z";
}

Json party(const bg_party& p, const char* field) {
  Json j;
  if (p.role == BG_ROLE_THERAPIST) {
    j["role"] = "therapist";
  } else if (p.role == BG_ROLE_CLIENT) {
    j["role"] = "client";
  } else {
    throw BadArgument{std::string{field} + ".role: not BG_ROLE_THERAPIST or BG_ROLE_CLIENT"};
  }
  j["id"] = text(p.id, field);
  return j;
}

template <typename T>
T read(const void* in, std::string& error, Status& status) {
  T out{};
  status = read_versioned(in, sizeof(T), sizeof(T), &out, error);
  return out;
}

}  // namespace

Status read_versioned(const void* in, size_t our_size, size_t min_size, void* out,
                      std::string& error) {
  if (in == nullptr) {
    error = "the struct pointer is NULL";
    return Status::invalid_argument;
  }
  uint32_t size = 0;
  std::memcpy(&size, in, sizeof size);
  if (size < min_size) {
    error = "struct_size " + std::to_string(size) +
            " is smaller than any version of this struct (" + std::to_string(min_size) +
            "); set it to sizeof the struct";
    return Status::invalid_argument;
  }
  const auto* bytes = static_cast<const unsigned char*>(in);
  for (size_t i = our_size; i < size; ++i) {
    if (bytes[i] != 0) {
      error = "the struct has fields this plugin does not know (non-zero byte at offset " +
              std::to_string(i) + "); a newer plugin is needed";
      return Status::unsupported;
    }
  }
  std::memset(out, 0, our_size);
  std::memcpy(out, in, size < our_size ? size : our_size);
  return Status::ok;
}

Status struct_event_to_json(bg_event_type type, const void* event, std::string& json,
                            std::string& error) {
  Status status = Status::ok;
  Json j;
  try {
    switch (type) {
      case BG_EVENT_THERAPIST: {
        const auto e = read<bg_therapist_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "therapist"}, {"id", text(e.id, "id")}};
        put(j, "time_zone", e.time_zone);
        put(j, "supervisor", e.supervisor);
        if (e.hours_mon_to_sun != nullptr) {
          Json hours = Json::object();
          static constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
          for (int d = 0; d < 7; ++d) {
            Json ranges = Json::array();
            const std::string list = text(e.hours_mon_to_sun[d], "hours");
            size_t start = 0;
            while (start < list.size()) {
              size_t comma = list.find(',', start);
              if (comma == std::string::npos) comma = list.size();
              std::string range = list.substr(start, comma - start);
              range.erase(0, range.find_first_not_of(' '));
              range.erase(range.find_last_not_of(' ') + 1);
              if (!range.empty()) ranges.push_back(range);
              start = comma + 1;
            }
            hours[kDays[d]] = ranges;
          }
          j["hours"] = hours;
        }
        break;
      }
      case BG_EVENT_CLIENT: {
        const auto e = read<bg_client_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "client"}, {"id", text(e.id, "id")}};
        put(j, "therapist", e.therapist);
        put(j, "time_zone", e.time_zone);
        put(j, "status", e.status);
        put(j, "terminated_on", e.terminated_on);
        break;
      }
      case BG_EVENT_EXTENSION: {
        const auto e = read<bg_extension_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "boundary_extension"}, {"id", text(e.id, "id")}};
        put(j, "therapist", e.therapist);
        put(j, "client", e.client);
        if (e.covers == nullptr && e.covers_count != 0) throw BadArgument{"covers is NULL"};
        Json covers = Json::array();
        for (size_t i = 0; i < e.covers_count; ++i) covers.push_back(text(e.covers[i], "covers"));
        j["covers"] = covers;
        put(j, "reason", e.reason);
        put(j, "approved_by", e.approved_by);
        put(j, "from", e.from);
        put(j, "until", e.until);
        break;
      }
      case BG_EVENT_MESSAGE: {
        const auto e = read<bg_message_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "message"}, {"id", text(e.id, "id")}, {"at", timestamp(e.at_ms)}};
        j["from"] = party(e.from, "from");
        j["to"] = party(e.to, "to");
        put(j, "channel", e.channel);
        put(j, "text", e.text);
        put(j, "platform", e.platform);
        break;
      }
      case BG_EVENT_APPOINTMENT: {
        const auto e = read<bg_appointment_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "appointment"}, {"id", text(e.id, "id")}};
        put(j, "action", e.action);
        j["start"] = timestamp(e.start_ms);
        j["end"] = timestamp(e.end_ms);
        put(j, "therapist", e.therapist);
        put(j, "client", e.client);
        Json location;
        put(location, "kind", e.location_kind);
        put(location, "name", e.location_name);
        put(location, "address", e.location_address);
        j["location"] = location;
        put(j, "service", e.service);
        break;
      }
      case BG_EVENT_SOCIAL: {
        const auto e = read<bg_social_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "social"}, {"id", text(e.id, "id")}, {"at", timestamp(e.at_ms)}};
        put(j, "platform", e.platform);
        put(j, "action", e.action);
        j["actor"] = party(e.actor, "actor");
        j["target"] = party(e.target, "target");
        break;
      }
      case BG_EVENT_PAYMENT: {
        const auto e = read<bg_payment_event>(event, error, status);
        if (status != Status::ok) return status;
        j = {{"type", "payment"}, {"id", text(e.id, "id")}, {"at", timestamp(e.at_ms)}};
        j["from"] = party(e.from, "from");
        j["to"] = party(e.to, "to");
        put(j, "kind", e.kind);
        if (e.amount_currency.size == 0 && e.amount_value != 0) {
          // Dropping the amount would hide it from every gift rule.
          throw bad_field("amount.currency", "is required when amount_value is set");
        }
        if (e.amount_currency.size != 0) {
          j["amount"] = {{"value", e.amount_value},
                         {"currency", text(e.amount_currency, "amount_currency")}};
        }
        put(j, "description", e.description);
        break;
      }
      default:
        error = "unknown event type " + std::to_string(type);
        return Status::invalid_argument;
    }
    json = j.dump(-1, ' ', false, Json::error_handler_t::strict);
  } catch (const BadArgument& bad) {
    error = bad.message;
    return Status::invalid_argument;
  } catch (const BadField& bad) {
    error = bad.message;
    return Status::bad_event;
  } catch (const Json::type_error&) {
    error = "a string is not valid UTF-8";
    return Status::bad_event;
  }
  return Status::ok;
}

}  // namespace bg
