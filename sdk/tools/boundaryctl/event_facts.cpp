#include "event_facts.h"

#include <nlohmann/json.hpp>

namespace boundaryctl {
namespace {

using nlohmann::json;

std::string string_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// Reads a party {"role":..., "id":...} into `out`'s therapist or client; returns its role.
std::string read_party(const json& event, const char* key, EventFacts& out) {
  const auto it = event.find(key);
  if (it == event.end() || !it->is_object()) return {};
  std::string role = string_at(*it, "role");
  if (role == "therapist") out.therapist = string_at(*it, "id");
  if (role == "client") out.client = string_at(*it, "id");
  return role;
}

}  // namespace

EventFacts read_event_facts(std::string_view line) {
  EventFacts out;
  const json event = json::parse(line.begin(), line.end(), nullptr, false);
  if (event.is_discarded() || !event.is_object()) return out;
  out.type = string_at(event, "type");
  if (out.type == "message") {
    out.client_acted = read_party(event, "from", out) == "client";
    read_party(event, "to", out);
    out.time = string_at(event, "at");
  } else if (out.type == "social") {
    out.client_acted = read_party(event, "actor", out) == "client";
    read_party(event, "target", out);
    out.time = string_at(event, "at");
  } else if (out.type == "payment") {
    read_party(event, "from", out);
    read_party(event, "to", out);
    out.time = string_at(event, "at");
  } else if (out.type == "appointment") {
    out.therapist = string_at(event, "therapist");
    out.client = string_at(event, "client");
    out.time = string_at(event, "start");
  } else if (out.type == "therapist") {
    out.therapist = string_at(event, "id");
    out.supervisor = string_at(event, "supervisor");
  } else if (out.type == "client") {
    out.therapist = string_at(event, "therapist");
    out.client = string_at(event, "id");
  }
  return out;
}

std::string local_time_label(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)
  if (t.size() < 20 || (t[10] != 'T' && t[10] != 't' && t[10] != ' ')) return std::string{t};
  size_t zone = 19;
  if (t[zone] == '.') {
    ++zone;
    while (zone < t.size() && t[zone] >= '0' && t[zone] <= '9') ++zone;
  }
  std::string out;
  out.reserve(24);
  out.append(t.substr(0, 10)).append(" ").append(t.substr(11, 5)).append(" ");
  const std::string_view offset = t.substr(zone);
  out.append(offset == "Z" || offset == "z" ? std::string_view{"UTC"} : offset);
  return out;
}

}  // namespace boundaryctl
