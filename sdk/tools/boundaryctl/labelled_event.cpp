#include "labelled_event.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace boundaryctl {
namespace {

using nlohmann::json;

std::string string_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// The role of the party under `key` ({"role":..., "id":...}), "" when absent.
std::string role_at(const json& event, const char* key) {
  const auto it = event.find(key);
  return it != event.end() && it->is_object() ? string_at(*it, "role") : std::string{};
}

// Who started the event: the sender of a message or payment, the actor of a social action.
std::string initiator_role(const json& event, const std::string& type) {
  if (type == "message" || type == "payment") return role_at(event, "from");
  if (type == "social") return role_at(event, "actor");
  return {};  // appointments and roster events are the therapist's side
}

void read_label(const json& label, LabelledEvent& out) {
  if (!label.is_object()) throw std::runtime_error("label is not an object");
  const auto categories = label.find("categories");
  if (categories == label.end()) throw std::runtime_error("label has no categories");
  if (!categories->is_array()) throw std::runtime_error("label.categories is not an array");
  for (const auto& category : *categories) {
    if (!category.is_string() || category.get_ref<const std::string&>().empty()) {
      throw std::runtime_error("label.categories holds something other than a category name");
    }
    out.expected.insert(category.get<std::string>());
  }
  const auto note = label.find("note");
  if (note != label.end()) {
    if (!note->is_string()) throw std::runtime_error("label.note is not text");
    out.note = note->get<std::string>();
  }
  out.labelled = true;
}

}  // namespace

LabelledEvent read_labelled_event(std::string_view line) {
  const json event = json::parse(line.begin(), line.end(), nullptr, false);
  if (event.is_discarded() || !event.is_object()) {
    throw std::runtime_error("not a JSON object");
  }
  LabelledEvent out;
  out.type = string_at(event, "type");
  out.id = string_at(event, "id");
  out.roster = out.type == "therapist" || out.type == "client" || out.type == "boundary_extension";
  out.client_side = initiator_role(event, out.type) == "client";
  const auto label = event.find("label");
  if (label != event.end()) read_label(*label, out);
  return out;
}

}  // namespace boundaryctl
