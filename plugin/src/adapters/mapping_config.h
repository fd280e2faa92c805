// The practice's mapping from the formats it speaks (FHIR R4, iCalendar, Twilio SMS webhooks) to
// the roster ids, channels and settings of event schema v1. One YAML (or JSON) file, shared by
// every adapter; documented in docs/integrations/mapping.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/vocabulary.h"

namespace bg::adapters {

// A person on the roster, as the events name them.
struct Person {
  Role role = Role::client;
  std::string id;
};

// Whether a phone number is one the practice runs or a therapist's own.
enum class Line { practice, personal };

struct PhoneEntry {
  Person person;
  Line line = Line::practice;
};

// Free text (an iCalendar LOCATION, a FHIR Location's name) that contains `contains`
// (compared case-insensitively) is the setting `setting`.
struct SettingRule {
  std::string contains;  // lower case
  LocationKind setting = LocationKind::other;
};

struct FhirMapping {
  std::map<std::string, LocationKind> locations;             // "Location/1" -> office
  std::map<std::string, Channel> media;                      // "EMAILWRIT" or "system|code"
  std::map<std::string, LocationKind> encounter_classes;     // "VR" -> telehealth
  std::map<std::string, LocationKind> location_types;        // "PTRES" -> client_home
  std::map<std::string, LocationKind> physical_types;        // "vi" -> telehealth
  std::map<std::string, std::string> treating_practitioner;  // "Patient/x" -> "Practitioner/y"
  std::vector<std::string> time_zone_extensions;             // extension URLs holding an IANA zone
};

struct MappingConfig {
  std::string source = "(built-in defaults)";  // the file it came from, for messages
  std::string default_time_zone;               // IANA; empty: none
  // The setting of a session whose record names no place. Defaults to `other`, so that a session
  // of unknown setting is looked at rather than assumed to be in the office.
  LocationKind session_without_location = LocationKind::other;
  bool session_without_location_set = false;
  std::vector<SettingRule> settings;
  std::map<std::string, std::string> time_zone_aliases;  // TZID as written -> IANA zone
  std::map<std::string, Person> emails;                  // normalized address -> person
  std::map<std::string, PhoneEntry> numbers;             // normalized number -> person, line
  std::map<std::string, Person> fhir_references;         // "Practitioner/example" -> person
  FhirMapping fhir;

  // The configuration with no file: built-in defaults only.
  static MappingConfig defaults();
};

struct MappingLoad {
  std::optional<MappingConfig> config;
  std::vector<std::string> problems;  // "file:line:col: where: what", one per problem

  std::string describe() const;  // the problems, one per line
};

// Reads a mapping file (YAML, or JSON, which is YAML too). An empty path: the defaults.
MappingLoad load_mapping_file(const std::string& path);
// The same from text; `source` names it in messages.
MappingLoad parse_mapping(std::string_view text, const std::string& source);

// The setting that free text names by the mapping's `settings` rules (the practice's first,
// then the built-in ones for video-visit links), or nullptr.
const SettingRule* match_setting(std::string_view text, const MappingConfig& config);

// "mailto:Ana@Example.org " -> "ana@example.org".
std::string normalize_email(std::string_view address);

// "+1 (512) 555-0100", "%2B15125550100" -> "+15125550100"; nullopt unless the result is an
// optional "+" and 3 to 15 digits (E.164 numbers and short codes).
std::optional<std::string> normalize_phone(std::string_view number);

}  // namespace bg::adapters
