// Defensive reads from FHIR JSON: every accessor accepts any JSON (a wrong type reads as
// absent), so that a hostile or sloppy resource can never throw or crash the adapter.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace bg::adapters::fhir {

using Json = nlohmann::json;

// The member `key` of `object`, or nullptr when `object` is not an object or has no such member
// (or it is null).
inline const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

// The string member `key`, or "" when absent or not a string.
inline std::string text(const Json& object, std::string_view key) {
  const Json* value = member(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string{};
}

// The array member `key`, or an empty array.
inline const Json& list(const Json& object, std::string_view key) {
  static const Json kEmpty = Json::array();
  const Json* value = member(object, key);
  return value != nullptr && value->is_array() ? *value : kEmpty;
}

// The object member `key`, or an empty object.
inline const Json& object(const Json& parent, std::string_view key) {
  static const Json kEmpty = Json::object();
  const Json* value = member(parent, key);
  return value != nullptr && value->is_object() ? *value : kEmpty;
}

inline std::string resource_type(const Json& resource) { return text(resource, "resourceType"); }

// "Patient/example", or "" when the resource has no id.
inline std::string resource_key(const Json& resource) {
  const std::string type = resource_type(resource);
  const std::string id = text(resource, "id");
  return type.empty() || id.empty() ? std::string{} : type + "/" + id;
}

}  // namespace bg::adapters::fhir
