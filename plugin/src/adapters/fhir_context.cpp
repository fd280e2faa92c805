#include "adapters/fhir_context.h"

#include <cctype>

#include "time/zone.h"

namespace bg::adapters::fhir {
namespace {

bool looks_like_type(const std::string& s) {
  if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  for (const char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "https://server/fhir/Patient/123/_history/2" or "Patient/123" -> {"Patient", "Patient/123"}.
std::pair<std::string, std::string> split_literal(std::string value) {
  if (const auto q = value.find_first_of("?#"); q != std::string::npos) value.resize(q);
  if (const auto h = value.find("/_history/"); h != std::string::npos) value.resize(h);
  while (!value.empty() && value.back() == '/') value.pop_back();
  const auto last = value.rfind('/');
  if (last == std::string::npos || last == 0) return {};
  const auto before = value.rfind('/', last - 1);
  const std::string type = value.substr(before == std::string::npos ? 0 : before + 1,
                                        last - (before == std::string::npos ? 0 : before + 1));
  const std::string id = value.substr(last + 1);
  if (!looks_like_type(type) || id.empty()) return {};
  return {type, type + "/" + id};
}

std::string join_address(const Json& address) {
  if (std::string t = text(address, "text"); !t.empty()) return t;
  std::string out;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ", ";
    out += part;
  };
  for (const auto& line : list(address, "line")) {
    if (line.is_string()) add(line.get<std::string>());
  }
  for (const char* key : {"city", "district", "state", "postalCode", "country"}) {
    add(text(address, key));
  }
  return out;
}

// Every coding code of a CodeableConcept (or a list of them, or a bare Coding).
std::vector<std::string> codes_of(const Json& concept) {
  std::vector<std::string> out;
  if (concept.is_array()) {
    for (const auto& c : concept) {
      auto more = codes_of(c);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  if (std::string code = text(concept, "code"); !code.empty()) out.push_back(code);
  for (const auto& coding : list(concept, "coding")) {
    if (std::string code = text(coding, "code"); !code.empty()) out.push_back(code);
  }
  return out;
}

}  // namespace

std::string Reference::describe() const {
  if (!key.empty()) return key;
  if (!identifier.empty()) return "identifier " + identifier;
  if (!display.empty()) return "\"" + display + "\"";
  return "an empty reference";
}

void Context::index_bundle(const Json& bundle) {
  for (const auto& entry : list(bundle, "entry")) {
    const Json* resource = member(entry, "resource");
    if (resource == nullptr || !resource->is_object()) continue;
    if (const std::string url = text(entry, "fullUrl"); !url.empty()) by_full_url_[url] = resource;
    if (const std::string key = resource_key(*resource); !key.empty()) by_key_[key] = resource;
    if (resource_type(*resource) == "PractitionerRole") roles_.push_back(resource);
  }
}

const Json* Context::find(const std::string& key) const {
  if (const auto it = by_full_url_.find(key); it != by_full_url_.end()) return it->second;
  if (const auto it = by_key_.find(key); it != by_key_.end()) return it->second;
  const auto [type, literal] = split_literal(key);
  if (const auto it = by_key_.find(literal); !literal.empty() && it != by_key_.end()) {
    return it->second;
  }
  return nullptr;
}

Reference Context::resolve(const Json& reference, const Json* container) const {
  Reference out;
  out.display = text(reference, "display");
  out.type = text(reference, "type");
  if (const Json* id = member(reference, "identifier"); id != nullptr) {
    const std::string system = text(*id, "system");
    out.identifier = (system.empty() ? "" : system + "|") + text(*id, "value");
  }
  const std::string value = text(reference, "reference");
  if (value.empty()) return out;
  if (value[0] == '#') {
    out.key = value;
    if (container != nullptr) {
      for (const auto& contained : list(*container, "contained")) {
        if ("#" + text(contained, "id") == value) {
          out.resource = &contained;
          out.type = resource_type(contained);
        }
      }
    }
    return out;
  }
  if (const auto it = by_full_url_.find(value); it != by_full_url_.end()) {
    out.resource = it->second;
    out.type = resource_type(*it->second);
    const std::string key = resource_key(*it->second);
    out.key = key.empty() ? value : key;
    return out;
  }
  const auto [type, key] = split_literal(value);
  if (key.empty()) {
    out.key = value;  // an urn:uuid or an unusual URL that is not in the input
    return out;
  }
  out.type = type;
  out.key = key;
  if (const auto it = by_key_.find(key); it != by_key_.end()) out.resource = it->second;
  return out;
}

std::optional<Person> Context::person(const Reference& reference, std::string& why) const {
  if (!reference.key.empty()) {
    if (const auto it = config_.fhir_references.find(reference.key);
        it != config_.fhir_references.end()) {
      return it->second;
    }
  }
  if (reference.key.empty()) {
    why = reference.describe() +
          " has no reference to a resource, so it names no one on the "
          "roster";
    return std::nullopt;
  }
  if (reference.key[0] == '#' &&
      (reference.type == "Practitioner" || reference.type == "Patient")) {
    why = reference.key + " is a " + reference.type +
          " contained in this resource, with no identity outside it; list it under people[].fhir "
          "in the mapping";
    return std::nullopt;
  }
  if (reference.type == "Practitioner") return Person{Role::therapist, reference.key};
  if (reference.type == "Patient") return Person{Role::client, reference.key};
  if (reference.type == "PractitionerRole") {
    if (reference.resource != nullptr) {
      const Reference practitioner =
          resolve(object(*reference.resource, "practitioner"), reference.resource);
      if (practitioner.type == "Practitioner" && practitioner.key != reference.key) {
        return person(practitioner, why);
      }
    }
    why = reference.key +
          " is a PractitionerRole whose practitioner is not in the input; list it under "
          "people[].fhir in the mapping";
    return std::nullopt;
  }
  if (reference.type.empty()) {
    why = reference.key + " is not a reference to a Practitioner or Patient";
  } else {
    const bool vowel = std::string_view{"AEIOU"}.find(reference.type[0]) != std::string_view::npos;
    why = reference.key + (vowel ? " is an " : " is a ") + reference.type +
          ", not a Practitioner or Patient (Boundary Guard evaluates contact between therapists "
          "and clients)";
  }
  return std::nullopt;
}

std::string Context::roster_id(const Json& resource, const std::string& full_url) const {
  std::string key = resource_key(resource);
  if (key.empty()) key = full_url;
  if (const auto it = config_.fhir_references.find(key); it != config_.fhir_references.end()) {
    return it->second.id;
  }
  return key;
}

std::string Context::zone_extension(const Json& resource, std::string& note) const {
  for (const auto& extension : list(resource, "extension")) {
    const std::string url = text(extension, "url");
    bool known = false;
    for (const auto& u : config_.fhir.time_zone_extensions) known = known || u == url;
    if (!known) continue;
    std::string zone = text(extension, "valueCode");
    if (zone.empty()) zone = text(extension, "valueString");
    if (find_zone(zone) != nullptr) return zone;
    note = "its time-zone extension \"" + zone + "\" is not an IANA zone and was not used";
  }
  return {};
}

Setting Context::classify_location(const Reference& location) const {
  Setting out;
  const Json* resource = location.resource;
  out.name = resource != nullptr ? text(*resource, "name") : std::string{};
  if (out.name.empty()) out.name = location.display;
  if (out.name.empty() && resource != nullptr) out.name = text(*resource, "description");
  if (resource != nullptr) out.address = join_address(object(*resource, "address"));

  if (const auto it = config_.fhir.locations.find(location.key);
      !location.key.empty() && it != config_.fhir.locations.end()) {
    out.kind = it->second;
    out.known = true;
    return out;
  }
  if (resource != nullptr) {
    const Json* type = member(*resource, "type");
    for (const auto& code : type != nullptr ? codes_of(*type) : std::vector<std::string>{}) {
      if (const auto it = config_.fhir.location_types.find(code);
          it != config_.fhir.location_types.end()) {
        out.kind = it->second;
        out.known = true;
        return out;
      }
    }
    for (const auto& code : codes_of(object(*resource, "physicalType"))) {
      if (const auto it = config_.fhir.physical_types.find(code);
          it != config_.fhir.physical_types.end()) {
        out.kind = it->second;
        out.known = true;
        return out;
      }
    }
  }
  for (const std::string* text_field : {&out.name, &out.address}) {
    if (const SettingRule* rule = match_setting(*text_field, config_)) {
      out.kind = rule->setting;
      out.known = true;
      return out;
    }
  }
  return out;
}

std::vector<const Json*> Context::roles_of(const std::string& practitioner_key) const {
  std::vector<const Json*> out;
  for (const Json* role : roles_) {
    const Reference practitioner = resolve(object(*role, "practitioner"), role);
    if (!practitioner.key.empty() && practitioner.key == practitioner_key) out.push_back(role);
  }
  return out;
}

std::string event_id(const Json& resource, const std::string& full_url) {
  const std::string key = resource_key(resource);
  if (key.empty()) return full_url;
  const std::string version = text(object(resource, "meta"), "versionId");
  return version.empty() ? key : key + "/_history/" + version;
}

}  // namespace bg::adapters::fhir
