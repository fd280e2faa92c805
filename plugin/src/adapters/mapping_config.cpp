#include "adapters/mapping_config.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "codec/event_decoder.h"
#include "time/zone.h"

namespace bg::adapters {
namespace {

std::string lower(std::string_view text) {
  std::string out{text};
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Reads the document, collecting every problem with its position instead of stopping at the
// first one.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  void problem(const YAML::Node& node, const std::string& where, const std::string& what) {
    std::ostringstream out;
    out << source_;
    const YAML::Mark mark = node.Mark();
    if (mark.line >= 0) out << ':' << mark.line + 1 << ':' << mark.column + 1;
    out << ": " << where << ": " << what;
    problems_.push_back(out.str());
  }

  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> known,
                  const std::string& where) {
    for (const auto& kv : map) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string{};
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string list;
      for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string{k};
      problem(kv.first, where, "unknown key \"" + key + "\" (known: " + list + ")");
    }
  }

  bool scalar(const YAML::Node& node, const std::string& where, std::string& out) {
    if (!node.IsScalar()) {
      problem(node, where, "must be a single value");
      return false;
    }
    out = node.Scalar();
    return true;
  }

  // A single value or a list of values.
  std::vector<std::string> scalars(const YAML::Node& node, const std::string& where) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (size_t i = 0; i < node.size(); ++i) {
        std::string value;
        if (scalar(node[i], where + "[" + std::to_string(i) + "]", value)) out.push_back(value);
      }
    } else if (!node.IsNull()) {
      problem(node, where, "must be a value or a list of values");
    }
    return out;
  }

  template <typename E>
  bool name(const YAML::Node& node, const std::string& where, E& out) {
    std::string text;
    if (!scalar(node, where, text)) return false;
    const auto parsed = parse_name<E>(text);
    if (!parsed) {
      problem(node, where, "\"" + text + "\" is not one of " + std::string{accepted_names<E>()});
      return false;
    }
    out = *parsed;
    return true;
  }

  bool zone(const YAML::Node& node, const std::string& where, std::string& out) {
    std::string text;
    if (!scalar(node, where, text)) return false;
    if (find_zone(text) == nullptr) {
      problem(node, where,
              "\"" + text + "\" is not a known IANA time zone such as America/Chicago");
      return false;
    }
    out = text;
    return true;
  }

  // A map of codes to enum values, merged into `out` (the defaults stay unless replaced).
  template <typename E>
  void code_map(const YAML::Node& node, const std::string& where, std::map<std::string, E>& out) {
    if (!node.IsMap()) {
      problem(node, where, "must map codes to values, such as {VR: telehealth}");
      return;
    }
    for (const auto& kv : node) {
      std::string code;
      E value{};
      if (scalar(kv.first, where, code) && name(kv.second, where + "." + code, value)) {
        out[code] = value;
      }
    }
  }

  std::vector<std::string>& problems() { return problems_; }

 private:
  std::string source_;
  std::vector<std::string> problems_;
};

void read_settings(Reader& r, const YAML::Node& node, MappingConfig& config) {
  if (!node.IsSequence()) {
    r.problem(node, "settings", "must be a list of {contains: TEXT, setting: KIND}");
    return;
  }
  // The practice's rules come before the built-in ones: the first match wins.
  std::vector<SettingRule> builtin = std::move(config.settings);
  config.settings.clear();
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string where = "settings[" + std::to_string(i) + "]";
    const YAML::Node& rule = node[i];
    if (!rule.IsMap()) {
      r.problem(rule, where, "must be {contains: TEXT, setting: KIND}");
      continue;
    }
    r.check_keys(rule, {"contains", "setting"}, where);
    SettingRule out;
    std::string contains;
    if (!rule["contains"]) {
      r.problem(rule, where, "\"contains\" is required");
    } else if (r.scalar(rule["contains"], where + ".contains", contains)) {
      if (contains.empty()) r.problem(rule["contains"], where + ".contains", "must not be empty");
      out.contains = lower(contains);
    }
    if (!rule["setting"]) {
      r.problem(rule, where, "\"setting\" is required");
    } else {
      r.name(rule["setting"], where + ".setting", out.setting);
    }
    config.settings.push_back(out);
  }
  config.settings.insert(config.settings.end(), builtin.begin(), builtin.end());
}

void add_email(Reader& r, const YAML::Node& node, const std::string& where, const Person& person,
               MappingConfig& config) {
  for (const auto& address : r.scalars(node, where)) {
    const std::string key = normalize_email(address);
    if (key.find('@') == std::string::npos) {
      r.problem(node, where, "\"" + address + "\" is not an e-mail address");
    } else if (!config.emails.emplace(key, person).second) {
      r.problem(node, where, "\"" + address + "\" is listed for more than one person");
    }
  }
}

void add_numbers(Reader& r, const YAML::Node& node, const std::string& where, const Person& person,
                 Line line, MappingConfig& config) {
  for (const auto& number : r.scalars(node, where)) {
    const auto key = normalize_phone(number);
    if (!key) {
      r.problem(node, where, "\"" + number + "\" is not a phone number such as +15125550100");
    } else if (!config.numbers.emplace(*key, PhoneEntry{person, line}).second) {
      r.problem(node, where, "\"" + number + "\" is listed more than once");
    }
  }
}

void read_people(Reader& r, const YAML::Node& node, MappingConfig& config) {
  if (!node.IsSequence()) {
    r.problem(node, "people", "must be a list of people, each {therapist: ID} or {client: ID}");
    return;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string where = "people[" + std::to_string(i) + "]";
    const YAML::Node& entry = node[i];
    if (!entry.IsMap()) {
      r.problem(entry, where, "must be a map such as {therapist: t-ana, emails: [...]}");
      continue;
    }
    r.check_keys(entry,
                 {"therapist", "client", "fhir", "emails", "numbers", "practice_numbers",
                  "personal_numbers"},
                 where);
    Person person;
    if (entry["therapist"] && entry["client"]) {
      r.problem(entry, where, "is either a therapist or a client, not both");
      continue;
    }
    if (entry["therapist"]) {
      person.role = Role::therapist;
      r.scalar(entry["therapist"], where + ".therapist", person.id);
    } else if (entry["client"]) {
      person.role = Role::client;
      r.scalar(entry["client"], where + ".client", person.id);
    } else {
      r.problem(entry, where, "names neither \"therapist\" nor \"client\" (the roster id)");
      continue;
    }
    if (person.id.empty()) {
      r.problem(entry, where, "the roster id must not be empty");
      continue;
    }
    if (entry["fhir"]) {
      for (const auto& reference : r.scalars(entry["fhir"], where + ".fhir")) {
        if (reference.find('/') == std::string::npos) {
          r.problem(entry["fhir"], where + ".fhir",
                    "\"" + reference + "\" is not a reference such as Practitioner/example");
        } else if (!config.fhir_references.emplace(reference, person).second) {
          r.problem(entry["fhir"], where + ".fhir",
                    "\"" + reference + "\" is listed for more than one person");
        }
      }
    }
    if (entry["emails"]) add_email(r, entry["emails"], where + ".emails", person, config);
    const bool therapist = person.role == Role::therapist;
    if (entry["numbers"]) {
      if (therapist) {
        r.problem(entry["numbers"], where + ".numbers",
                  "a therapist's numbers are either practice_numbers or personal_numbers");
      } else {
        add_numbers(r, entry["numbers"], where + ".numbers", person, Line::practice, config);
      }
    }
    for (const auto& [key, line] : {std::pair{"practice_numbers", Line::practice},
                                    std::pair{"personal_numbers", Line::personal}}) {
      if (!entry[key]) continue;
      if (!therapist) {
        r.problem(entry[key], where + "." + key,
                  "only a therapist's numbers are practice or personal; list a client's under "
                  "\"numbers\"");
      } else {
        add_numbers(r, entry[key], where + "." + key, person, line, config);
      }
    }
  }
}

void read_fhir(Reader& r, const YAML::Node& node, MappingConfig& config) {
  if (!node.IsMap()) {
    r.problem(node, "fhir", "must be a map");
    return;
  }
  r.check_keys(node,
               {"locations", "media", "encounter_classes", "location_types", "physical_types",
                "treating_practitioner", "time_zone_extensions"},
               "fhir");
  FhirMapping& fhir = config.fhir;
  if (const auto locations = node["locations"]) {
    if (!locations.IsMap()) {
      r.problem(locations, "fhir.locations",
                "must map settings to Location ids, such as "
                "{office: [Location/1]}");
    } else {
      for (const auto& kv : locations) {
        LocationKind kind{};
        if (!r.name(kv.first, "fhir.locations", kind)) continue;
        for (const auto& id : r.scalars(kv.second, "fhir.locations." + kv.first.Scalar())) {
          if (!fhir.locations.emplace(id, kind).second) {
            r.problem(kv.second, "fhir.locations", "\"" + id + "\" is listed more than once");
          }
        }
      }
    }
  }
  if (const auto media = node["media"]) r.code_map(media, "fhir.media", fhir.media);
  if (const auto classes = node["encounter_classes"]) {
    r.code_map(classes, "fhir.encounter_classes", fhir.encounter_classes);
  }
  if (const auto types = node["location_types"]) {
    r.code_map(types, "fhir.location_types", fhir.location_types);
  }
  if (const auto types = node["physical_types"]) {
    r.code_map(types, "fhir.physical_types", fhir.physical_types);
  }
  if (const auto treating = node["treating_practitioner"]) {
    if (!treating.IsMap()) {
      r.problem(treating, "fhir.treating_practitioner",
                "must map Patient references to Practitioner references");
    } else {
      for (const auto& kv : treating) {
        std::string patient, practitioner;
        if (r.scalar(kv.first, "fhir.treating_practitioner", patient) &&
            r.scalar(kv.second, "fhir.treating_practitioner." + patient, practitioner)) {
          fhir.treating_practitioner[patient] = practitioner;
        }
      }
    }
  }
  if (const auto urls = node["time_zone_extensions"]) {
    for (auto& url : r.scalars(urls, "fhir.time_zone_extensions")) {
      fhir.time_zone_extensions.push_back(std::move(url));
    }
  }
}

void read_document(Reader& r, const YAML::Node& root, MappingConfig& config) {
  if (root.IsNull()) return;  // an empty file: the defaults
  if (!root.IsMap()) {
    r.problem(root, "(top level)", "must be a map of settings");
    return;
  }
  r.check_keys(root,
               {"version", "default_time_zone", "session_without_location", "time_zone_aliases",
                "settings", "people", "fhir"},
               "(top level)");
  if (const auto version = root["version"]) {
    std::string text;
    if (r.scalar(version, "version", text) && text != "1") {
      r.problem(version, "version", "this plugin reads mapping version 1, not \"" + text + "\"");
    }
  }
  if (const auto zone = root["default_time_zone"]) {
    r.zone(zone, "default_time_zone", config.default_time_zone);
  }
  if (const auto setting = root["session_without_location"]) {
    config.session_without_location_set =
        r.name(setting, "session_without_location", config.session_without_location);
  }
  if (const auto aliases = root["time_zone_aliases"]) {
    if (!aliases.IsMap()) {
      r.problem(aliases, "time_zone_aliases", "must map TZIDs to IANA zones");
    } else {
      for (const auto& kv : aliases) {
        std::string tzid, zone;
        if (r.scalar(kv.first, "time_zone_aliases", tzid) &&
            r.zone(kv.second, "time_zone_aliases." + tzid, zone)) {
          config.time_zone_aliases[tzid] = zone;
        }
      }
    }
  }
  if (const auto settings = root["settings"]) read_settings(r, settings, config);
  if (const auto people = root["people"]) read_people(r, people, config);
  if (const auto fhir = root["fhir"]) read_fhir(r, fhir, config);
}

}  // namespace

MappingConfig MappingConfig::defaults() {
  MappingConfig config;
  FhirMapping& fhir = config.fhir;
  // HL7 v3 ParticipationMode: the modes that name a channel. A practice whose system records
  // personal channels (its own codes, or EMAILWRIT from a personal address) lists them.
  fhir.media = {{"EMAILWRIT", Channel::practice_email},
                {"PHONE", Channel::practice_phone},
                {"ONLINEWRIT", Channel::portal},
                {"VIDEOCONF", Channel::telehealth_chat}};
  // HL7 v3 ActCode encounter classes that say where a session took place.
  fhir.encounter_classes = {{"VR", LocationKind::telehealth},
                            {"HH", LocationKind::client_home},
                            {"FLD", LocationKind::community}};
  // HL7 v3 ServiceDeliveryLocationRoleType codes that say the setting.
  fhir.location_types = {{"PTRES", LocationKind::client_home},
                         {"COMM", LocationKind::community},
                         {"SCHOOL", LocationKind::community},
                         {"WORK", LocationKind::community},
                         {"ACC", LocationKind::community}};
  // location-physical-type: only "virtual" says the setting.
  fhir.physical_types = {{"vi", LocationKind::telehealth}};
  // Links to video visits are telehealth wherever they appear.
  for (const char* host :
       {"zoom.us/", "meet.google.com/", "teams.microsoft.com/", "doxy.me/", "webex.com/"}) {
    config.settings.push_back(SettingRule{host, LocationKind::telehealth});
  }
  fhir.time_zone_extensions = {"http://hl7.org/fhir/StructureDefinition/tz-code",
                               "http://hl7.org/fhir/StructureDefinition/timezone"};
  return config;
}

std::string MappingLoad::describe() const {
  std::string out;
  for (const auto& p : problems) out += p + "\n";
  return out;
}

MappingLoad parse_mapping(std::string_view text, const std::string& source) {
  MappingLoad result;
  MappingConfig config = MappingConfig::defaults();
  config.source = source;
  Reader reader{source};
  // A mapping is a short file: refuse what could only be a mistake (or an attack) before the
  // YAML parser sees it.
  constexpr size_t kMaxBytes = 1u << 20;
  constexpr size_t kMaxDepth = 32;
  if (text.size() > kMaxBytes) {
    result.problems.push_back(source + ": the mapping file is " + std::to_string(text.size()) +
                              " bytes, over the limit of " + std::to_string(kMaxBytes));
    return result;
  }
  if (json_nesting_depth(text, kMaxDepth) > kMaxDepth) {
    result.problems.push_back(source + ": nested more than " + std::to_string(kMaxDepth) +
                              " levels deep");
    return result;
  }
  try {
    const YAML::Node root = YAML::Load(std::string{text});
    read_document(reader, root, config);
  } catch (const YAML::Exception& e) {
    std::ostringstream out;
    out << source;
    if (e.mark.line >= 0) out << ':' << e.mark.line + 1 << ':' << e.mark.column + 1;
    out << ": not valid YAML or JSON: " << e.msg;
    reader.problems().push_back(out.str());
  }
  result.problems = std::move(reader.problems());
  if (result.problems.empty()) result.config = std::move(config);
  return result;
}

MappingLoad load_mapping_file(const std::string& path) {
  if (path.empty()) {
    MappingLoad result;
    result.config = MappingConfig::defaults();
    return result;
  }
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    MappingLoad result;
    result.problems.push_back(path + ": cannot open the mapping file");
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_mapping(text.str(), path);
}

const SettingRule* match_setting(std::string_view text, const MappingConfig& config) {
  if (text.empty()) return nullptr;
  const std::string haystack = lower(text);
  for (const auto& rule : config.settings) {
    if (!rule.contains.empty() && haystack.find(rule.contains) != std::string::npos) return &rule;
  }
  return nullptr;
}

std::string normalize_email(std::string_view address) {
  std::string text = lower(address);
  const auto first = text.find_first_not_of(" \t");
  const auto last = text.find_last_not_of(" \t");
  text = first == std::string::npos ? std::string{} : text.substr(first, last - first + 1);
  if (text.rfind("mailto:", 0) == 0) text.erase(0, 7);
  return text;
}

std::optional<std::string> normalize_phone(std::string_view number) {
  std::string out;
  for (size_t i = 0; i < number.size(); ++i) {
    char c = number[i];
    if (c == '%') {
      // Percent-encoded, as some forwarders leave form values: "%2B15125550100".
      const auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      if (i + 2 >= number.size() || hex(number[i + 1]) < 0 || hex(number[i + 2]) < 0) {
        return std::nullopt;
      }
      c = static_cast<char>(hex(number[i + 1]) * 16 + hex(number[i + 2]));
      i += 2;
    }
    if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') continue;
    if (c == '+' && out.empty()) {
      out += c;
    } else if (c >= '0' && c <= '9') {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  const size_t digits = out.size() - (out.rfind('+', 0) == 0 ? 1 : 0);
  if (digits < 3 || digits > 15) return std::nullopt;
  return out;
}

}  // namespace bg::adapters
