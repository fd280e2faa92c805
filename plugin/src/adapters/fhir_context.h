// What the FHIR mappers share while converting one input: the mapping, the resources of the
// bundle being read (to resolve references), and the rules that turn references into roster
// people and Locations into settings.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/fhir_json.h"
#include "adapters/mapping_config.h"
#include "time/timestamp.h"

namespace bg::adapters::fhir {

// A FHIR Reference, resolved as far as the input allows.
struct Reference {
  std::string type;                // "Patient", "Practitioner", "Location", ...; "" unknown
  std::string key;                 // "Patient/example", "#home", "urn:uuid:..."; "" none
  const Json* resource = nullptr;  // the resource, when the input carries it
  std::string display;
  std::string identifier;  // "system|value" of a logical reference

  // How a message names it: the key, else the identifier, else the display text.
  std::string describe() const;
};

// Where a session took place, and how that was decided.
struct Setting {
  LocationKind kind = LocationKind::other;
  std::string name;
  std::string address;
  bool known = false;  // false: nothing said the setting; `kind` is the fallback
};

class Context {
 public:
  Context(const MappingConfig& config, std::function<Instant()> clock)
      : config_(config), clock_(std::move(clock)) {}

  const MappingConfig& config() const { return config_; }
  Instant now() const { return clock_(); }

  // While a subscription notification's focus is mapped: the time of its notification event
  // (RFC 3339), the best "now" for a message still being prepared. "" otherwise.
  const std::string& notification_time() const { return notification_time_; }
  void set_notification_time(std::string time) { notification_time_ = std::move(time); }

  // Makes the entries of a bundle resolvable by fullUrl and by "Type/id".
  void index_bundle(const Json& bundle);
  const Json* find(const std::string& key_or_full_url) const;

  // Resolves a Reference object; `container` is the resource it appears in (for "#id").
  Reference resolve(const Json& reference, const Json* container) const;

  // The roster person a reference names: the mapping's people[].fhir first, else a
  // Practitioner is a therapist and a Patient a client, with the reference as their id.
  // nullopt with `why` for anything else (an Organization, a Device, an identifier only).
  std::optional<Person> person(const Reference& reference, std::string& why) const;

  // The roster id of a Patient or Practitioner resource given in the input.
  std::string roster_id(const Json& resource, const std::string& full_url) const;

  // An IANA zone from the resource's time-zone extension, "" when there is none; `note` says
  // why an extension present was not used.
  std::string zone_extension(const Json& resource, std::string& note) const;

  Setting classify_location(const Reference& location) const;

  // The PractitionerRoles of the input whose practitioner is `practitioner_key`.
  std::vector<const Json*> roles_of(const std::string& practitioner_key) const;

 private:
  const MappingConfig& config_;
  std::function<Instant()> clock_;
  std::string notification_time_;
  std::map<std::string, const Json*> by_full_url_;
  std::map<std::string, const Json*> by_key_;
  std::vector<const Json*> roles_;
};

// "Type/id[/_history/version]" of a resource: the event id of what it records. `full_url` is
// used for a resource without an id; "" when there is neither.
std::string event_id(const Json& resource, const std::string& full_url);

}  // namespace bg::adapters::fhir
