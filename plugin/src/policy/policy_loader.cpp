#include "policy/policy_loader.h"

#include <dlfcn.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <yaml-cpp/yaml.h>

namespace bg {
namespace {

namespace fs = std::filesystem;

class PolicyReader {
 public:
  PolicyReader(std::string file, std::vector<PolicyProblem>& problems)
      : file_(std::move(file)), problems_(problems) {}

  SourcePosition at(const YAML::Node& node) const {
    const auto mark = node.Mark();
    if (mark.is_null()) return {file_, 0, 0};
    return {file_, mark.line + 1, mark.column + 1};
  }

  void error(const YAML::Node& node, std::string code, std::string item, std::string message) {
    problems_.push_back({std::move(code), true, at(node), std::move(item), std::move(message)});
  }
  void warning(const YAML::Node& node, std::string code, std::string item, std::string message) {
    problems_.push_back({std::move(code), false, at(node), std::move(item), std::move(message)});
  }

  // Warns about keys of `map` not in `known`.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> known,
                  const std::string& item) {
    for (const auto& kv : map) {
      const auto key = kv.first.as<std::string>("");
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        warning(kv.first, "BG-P004", item, "unknown key \"" + key + "\" is ignored (a typo?)");
      }
    }
  }

  bool scalar(const YAML::Node& node, std::string& out, const std::string& item,
              std::string_view what) {
    if (!node.IsScalar()) {
      error(node, "BG-P003", item, std::string{what} + " must be a single value");
      return false;
    }
    out = node.Scalar();
    return true;
  }

  bool string_list(const YAML::Node& node, std::vector<std::string>& out, const std::string& item,
                   std::string_view what) {
    if (!node.IsSequence()) {
      error(node, "BG-P003", item, std::string{what} + " must be a list");
      return false;
    }
    for (const auto& entry : node) {
      std::string value;
      if (scalar(entry, value, item, what)) out.push_back(value);
    }
    return true;
  }

  template <typename E>
  bool name(const YAML::Node& node, E& out, const std::string& item, std::string_view what) {
    std::string value;
    if (!scalar(node, value, item, what)) return false;
    const auto parsed = parse_name<E>(value);
    if (!parsed) {
      error(node, "BG-P006", item,
            std::string{what} + " \"" + value + "\" is not one of " +
                std::string{accepted_names<E>()});
      return false;
    }
    out = *parsed;
    return true;
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<PolicyProblem>& problems_;
};

void read_hours(PolicyReader& r, const YAML::Node& node, WeeklyHours& out) {
  const std::string item = "settings.default_hours";
  if (!node.IsMap()) {
    r.error(node, "BG-P003", item, "default_hours must map weekdays (mon..sun) to lists of ranges");
    return;
  }
  out = WeeklyHours{};
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>("");
    const auto it = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key);
    if (it == kWeekdayKeys.end()) {
      r.error(kv.first, "BG-P006", item, "\"" + key + "\" is not a weekday (mon, tue, ... sun)");
      continue;
    }
    std::vector<std::string> texts;
    if (!r.string_list(kv.second, texts, item, "a day's hours")) continue;
    std::vector<TimeRange> ranges;
    size_t index = 0;
    for (const auto& text : texts) {
      TimeRange range;
      std::string why;
      if (parse_time_range(text, range, why)) {
        ranges.push_back(range);
      } else {
        r.error(kv.second[index], "BG-P007", item, "\"" + text + "\": " + why);
      }
      ++index;
    }
    std::string why;
    if (!check_no_overlap(ranges, why)) r.error(kv.second, "BG-P007", item, why);
    out.set_day(static_cast<int>(it - kWeekdayKeys.begin()), std::move(ranges));
  }
}

void read_settings(PolicyReader& r, const YAML::Node& node, Policy& policy) {
  if (!node.IsMap()) {
    r.error(node, "BG-P003", "settings", "settings must be a mapping");
    return;
  }
  r.check_keys(node, {"default_hours", "client_quiet_hours", "personal_channels"}, "settings");
  if (node["default_hours"]) read_hours(r, node["default_hours"], policy.default_hours);
  if (const auto quiet = node["client_quiet_hours"]) {
    std::string text, why;
    if (r.scalar(quiet, text, "settings.client_quiet_hours", "client_quiet_hours") &&
        !parse_daily_window(text, policy.client_quiet_hours, why)) {
      r.error(quiet, "BG-P007", "settings.client_quiet_hours", "\"" + text + "\": " + why);
    }
  }
  if (const auto channels = node["personal_channels"]) {
    policy.personal_channel = {};
    if (!channels.IsSequence()) {
      r.error(channels, "BG-P003", "settings.personal_channels",
              "personal_channels must be a list");
      return;
    }
    for (const auto& entry : channels) {
      Channel channel{};
      if (r.name(entry, channel, "settings.personal_channels", "channel")) {
        policy.personal_channel[static_cast<size_t>(channel)] = true;
      }
    }
  }
}

void read_lexicons(PolicyReader& r, const YAML::Node& node, Policy& policy) {
  if (!node.IsMap()) {
    r.error(node, "BG-P003", "lexicons", "lexicons must map a name to a list of phrases");
    return;
  }
  r.check_keys(node, {"crisis", "administrative", "personal"}, "lexicons");
  const std::pair<const char*, std::unique_ptr<Lexicon>*> slots[] = {
      {"crisis", &policy.crisis},
      {"administrative", &policy.administrative},
      {"personal", &policy.personal}};
  for (const auto& [key, slot] : slots) {
    const auto list = node[key];
    if (!list) continue;
    const std::string item = std::string{"lexicon "} + key;
    std::vector<std::string> phrases;
    if (!r.string_list(list, phrases, item, "a lexicon")) continue;
    std::string why;
    *slot = Lexicon::compile(key, phrases, why);
    if (!*slot) r.error(list, "BG-P009", item, "the phrases do not compile: " + why);
  }
}

void read_rule(PolicyReader& r, const YAML::Node& node, Policy& policy,
               std::set<std::string>& ids) {
  if (!node.IsMap()) {
    r.error(node, "BG-P003", "rules", "each rule must be a mapping");
    return;
  }
  Rule rule;
  rule.origin = r.at(node);
  std::string item = "rule";
  if (const auto id = node["id"]) {
    r.scalar(id, rule.id, item, "id");
    item = "rule " + rule.id;
    if (!rule.id.empty() && !ids.insert(rule.id).second) {
      r.error(id, "BG-P008", item, "rule id \"" + rule.id + "\" is used twice");
    }
  }
  r.check_keys(node,
               {"id", "description", "signal", "content", "category", "severity", "decision",
                "citations", "notice", "enabled", "tags"},
               item);
  bool ok = !rule.id.empty();
  for (const char* required : {"id", "signal", "category", "severity", "decision", "notice"}) {
    if (!node[required]) {
      r.error(node, "BG-P005", item, std::string{"the rule needs \""} + required + "\"");
      ok = false;
    }
  }
  if (!ok) return;
  if (node["description"]) r.scalar(node["description"], rule.description, item, "description");
  ok &= r.name(node["signal"], rule.signal, item, "signal");
  ok &= r.name(node["category"], rule.category, item, "category");
  ok &= r.name(node["severity"], rule.severity, item, "severity");
  ok &= r.name(node["decision"], rule.decision, item, "decision");
  ok &= r.scalar(node["notice"], rule.notice, item, "notice");
  if (const auto content = node["content"]) {
    if (!content.IsSequence()) {
      r.error(content, "BG-P003", item, "content must be a list such as [personal, neutral]");
      ok = false;
    } else {
      for (const auto& entry : content) {
        ContentClass c{};
        if (r.name(entry, c, item, "content class")) rule.content.push_back(c);
      }
    }
  }
  if (const auto citations = node["citations"]) {
    ok &= r.string_list(citations, rule.citations, item, "citations");
  }
  if (const auto enabled = node["enabled"]) {
    std::string text;
    if (r.scalar(enabled, text, item, "enabled")) {
      if (text == "true") {
        rule.enabled = true;
      } else if (text == "false") {
        rule.enabled = false;
      } else {
        r.error(enabled, "BG-P003", item, "enabled must be true or false");
        ok = false;
      }
    }
  }
  if (ok) policy.rules.push_back(std::move(rule));
}

std::string sha256_hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

PolicyLoadResult load_policy_text(const std::string& text, const std::string& display_name) {
  PolicyLoadResult result;
  PolicyReader r{display_name, result.problems};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    result.problems.push_back({"BG-P002",
                               true,
                               {display_name, e.mark.line + 1, e.mark.column + 1},
                               "",
                               "not valid YAML: " + e.msg});
    return result;
  }
  auto policy = std::make_shared<Policy>();
  policy->source_path = display_name;
  policy->sha256 = sha256_hex(text);
  for (size_t day = 0; day < 5; ++day) {
    policy->default_hours.set_day(static_cast<int>(day), {TimeRange{8 * 60, 18 * 60}});
  }
  for (Channel c : {Channel::personal_sms, Channel::personal_email, Channel::personal_phone}) {
    policy->personal_channel[static_cast<size_t>(c)] = true;
  }
  try {
    if (!root.IsMap()) {
      r.error(root, "BG-P003", "",
              "a policy file must be a mapping with policy, settings and rules");
      return result;
    }
    r.check_keys(root, {"policy", "version", "description", "settings", "lexicons", "rules"}, "");
    if (!root["policy"]) {
      r.error(root, "BG-P005", "", "the file needs \"policy: <name>\"");
    } else {
      r.scalar(root["policy"], policy->name, "", "policy");
    }
    if (root["version"]) r.scalar(root["version"], policy->version, "", "version");
    if (policy->version.empty()) policy->version = "0";
    if (root["settings"]) read_settings(r, root["settings"], *policy);
    if (root["lexicons"]) read_lexicons(r, root["lexicons"], *policy);
    std::set<std::string> ids;
    if (const auto rules = root["rules"]) {
      if (!rules.IsSequence()) {
        r.error(rules, "BG-P003", "rules", "rules must be a list");
      } else {
        for (const auto& rule : rules) read_rule(r, rule, *policy, ids);
      }
    }
  } catch (const YAML::Exception& e) {
    result.problems.push_back({"BG-P002",
                               true,
                               {display_name, e.mark.line + 1, e.mark.column + 1},
                               "",
                               "cannot read the policy: " + e.msg});
  }
  for (const auto& rule : policy->rules) {
    if (rule.enabled) {
      policy->rules_by_signal[static_cast<size_t>(rule.signal)].push_back(&rule);
    }
  }
  const bool has_error = std::any_of(result.problems.begin(), result.problems.end(),
                                     [](const PolicyProblem& p) { return p.is_error; });
  if (!has_error) result.policy = std::move(policy);
  return result;
}

PolicyLoadResult load_policy_file(const std::string& path) {
  std::error_code ec;
  fs::path file{path};
  if (fs::is_directory(file, ec)) file /= "policy.yaml";
  std::ifstream in{file, std::ios::binary};
  if (!in) {
    PolicyLoadResult result;
    result.problems.push_back(
        {"BG-P001", true, {file.string(), 0, 0}, "", "cannot read the policy file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_policy_text(text.str(), file.string());
}

std::string default_policy_path() {
  // The installed layout is <prefix>/lib/libboundary_guard.so and
  // <prefix>/share/boundary_guard/policies/default.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&default_policy_path), &info) != 0 && info.dli_fname) {
    std::error_code ec;
    const fs::path installed = fs::path{info.dli_fname}.parent_path() / ".." / "share" /
                               "boundary_guard" / "policies" / "default";
    if (fs::exists(installed / "policy.yaml", ec)) return installed.lexically_normal().string();
  }
  return std::string{BG_SOURCE_POLICY_DIR} + "/default";
}

}  // namespace bg
