#include "policy/settings_reader.h"

#include "time/timestamp.h"
#include "time/zone.h"
#include "util/decimal_text.h"

namespace bg {
namespace {

void read_hours(YamlFields& yaml, const YAML::Node& node, WeeklyHours& out) {
  const std::string item = "settings.default_hours";
  if (!node.IsMap()) {
    yaml.error(node, "BG-P003", item,
               "default_hours maps weekdays (mon ... sun) to lists of \"HH:MM-HH:MM\"");
    return;
  }
  WeeklyHours hours;
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>("");
    const auto it = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key);
    if (it == kWeekdayKeys.end()) {
      yaml.error(kv.first, "BG-P006", item,
                 "\"" + key + "\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)");
      continue;
    }
    if (!kv.second.IsSequence()) {
      yaml.error(kv.second, "BG-P003", item, "a day's hours are a list, such as [\"09:00-17:00\"]");
      continue;
    }
    std::vector<TimeRange> ranges;
    for (const auto& entry : kv.second) {
      std::string text, why;
      TimeRange range;
      if (!yaml.scalar(entry, text, item, "a range")) continue;
      if (parse_time_range(text, range, why)) {
        ranges.push_back(range);
      } else {
        yaml.error(entry, "BG-P007", item, "\"" + text + "\": " + why);
      }
    }
    std::string why;
    if (!check_no_overlap(ranges, why)) yaml.error(kv.second, "BG-P007", item, why);
    hours.set_day(static_cast<int>(it - kWeekdayKeys.begin()), std::move(ranges));
  }
  out = std::move(hours);
}

template <typename E, size_t N>
void read_enum_set(YamlFields& yaml, const YAML::Node& node, std::array<bool, N>& out,
                   const std::string& item, std::string_view what) {
  if (!node.IsSequence()) {
    yaml.error(node, "BG-P003", item, std::string{item} + " must be a list");
    return;
  }
  out = {};
  for (const auto& entry : node) {
    E value{};
    if (yaml.name(entry, value, item, what)) out[static_cast<size_t>(value)] = true;
  }
}

bool read_int(YamlFields& yaml, const YAML::Node& node, int low, int high, int& out,
              const std::string& item, const std::string& rule) {
  std::string text;
  if (!yaml.scalar(node, text, item, item)) return false;
  try {
    size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= low && value <= high) {
      out = value;
      return true;
    }
  } catch (const std::exception&) {
  }
  yaml.error(node, "BG-P012", item, item + " must be a whole number " + rule);
  return false;
}

}  // namespace

PolicySettings default_settings() {
  PolicySettings s;
  for (int day = 0; day < 5; ++day) s.default_hours.set_day(day, {TimeRange{8 * 60, 18 * 60}});
  for (Channel c : {Channel::personal_sms, Channel::personal_email, Channel::personal_phone}) {
    s.personal_channel[static_cast<size_t>(c)] = true;
  }
  for (LocationKind k : {LocationKind::office, LocationKind::telehealth}) {
    s.approved_setting[static_cast<size_t>(k)] = true;
  }
  return s;
}

void read_settings(YamlFields& yaml, const YAML::Node& node, PolicySettings& s) {
  if (!node.IsMap()) {
    yaml.error(node, "BG-P003", "settings", "settings must be a mapping");
    return;
  }
  yaml.check_keys(node,
                  {"practice_time_zone", "default_hours", "client_quiet_hours", "personal_channels",
                   "approved_settings", "holidays", "gift_threshold", "former_client_years",
                   "evidence", "evidence_window_chars", "retention_years", "crisis_numbers",
                   "practice_numbers", "practice_email_domains", "pattern_threshold",
                   "pattern_window_days", "pattern_min_severity"},
                  "settings");
  if (const auto zone = node["practice_time_zone"]) {
    std::string name;
    if (yaml.scalar(zone, name, "settings.practice_time_zone", "practice_time_zone")) {
      s.practice_time_zone = find_zone(name);
      if (s.practice_time_zone == nullptr) {
        yaml.error(zone, "BG-P006", "settings.practice_time_zone",
                   "\"" + name + "\" is not a known IANA time zone such as America/Chicago");
      }
    }
  }
  if (node["default_hours"]) read_hours(yaml, node["default_hours"], s.default_hours);
  if (const auto quiet = node["client_quiet_hours"]) {
    std::string text, why;
    if (yaml.scalar(quiet, text, "settings.client_quiet_hours", "client_quiet_hours") &&
        !parse_daily_window(text, s.client_quiet_hours, why)) {
      yaml.error(quiet, "BG-P007", "settings.client_quiet_hours", "\"" + text + "\": " + why);
    }
  }
  if (const auto channels = node["personal_channels"]) {
    read_enum_set<Channel>(yaml, channels, s.personal_channel, "settings.personal_channels",
                           "channel");
  }
  if (const auto approved = node["approved_settings"]) {
    read_enum_set<LocationKind>(yaml, approved, s.approved_setting, "settings.approved_settings",
                                "setting");
  }
  if (const auto holidays = node["holidays"]) {
    std::vector<std::string> days;
    if (yaml.string_list(holidays, days, "settings.holidays", "holidays")) {
      s.holidays.clear();
      size_t i = 0;
      for (const auto& day : days) {
        if (const auto parsed = parse_date(day)) {
          s.holidays.insert(*parsed);
        } else {
          yaml.error(holidays[i], "BG-P007", "settings.holidays",
                     "\"" + day + "\" is not a date such as 2026-12-25");
        }
        ++i;
      }
    }
  }
  if (const auto gift = node["gift_threshold"]) {
    const std::string item = "settings.gift_threshold";
    if (!gift.IsMap() || !gift["value"] || !gift["currency"]) {
      yaml.error(gift, "BG-P003", item, "gift_threshold is {value: 25, currency: USD}");
    } else {
      yaml.check_keys(gift, {"value", "currency"}, item);
      std::string value, currency;
      if (yaml.scalar(gift["value"], value, item, "value") &&
          yaml.scalar(gift["currency"], currency, item, "currency")) {
        double v = 0;
        if (parse_decimal(value, v) && v >= 0) {
          s.gift_threshold = v;
        } else {
          yaml.error(gift["value"], "BG-P012", item, "the value must be an amount of 0 or more");
        }
        if (currency.size() != 3) {
          yaml.error(gift["currency"], "BG-P012", item,
                     "the currency is an ISO 4217 code such as USD");
        } else {
          s.gift_currency = currency;
        }
      }
    }
  }
  if (const auto years = node["former_client_years"]) {
    read_int(yaml, years, 0, 100, s.former_client_years, "settings.former_client_years",
             "from 0 (no limit) to 100");
  }
  if (const auto evidence = node["evidence"]) {
    yaml.name(evidence, s.evidence, "settings.evidence", "evidence mode");
  }
  if (const auto window = node["evidence_window_chars"]) {
    read_int(yaml, window, 0, 500, s.evidence_window_chars, "settings.evidence_window_chars",
             "from 0 to 500");
  }
  for (const auto& [key, list] :
       {std::pair<const char*, std::vector<std::string>*>{"crisis_numbers", &s.crisis_numbers},
        {"practice_numbers", &s.practice_numbers},
        {"practice_email_domains", &s.practice_email_domains}}) {
    if (const auto node_list = node[key]) {
      std::vector<std::string> values;
      if (yaml.string_list(node_list, values, std::string{"settings."} + key, key))
        *list = std::move(values);
    }
  }
  if (const auto threshold = node["pattern_threshold"]) {
    read_int(yaml, threshold, 2, 100, s.pattern_threshold, "settings.pattern_threshold",
             "from 2 to 100");
  }
  if (const auto window = node["pattern_window_days"]) {
    read_int(yaml, window, 1, 3650, s.pattern_window_days, "settings.pattern_window_days",
             "from 1 to 3650");
  }
  if (const auto severity = node["pattern_min_severity"]) {
    yaml.name(severity, s.pattern_min_severity, "settings.pattern_min_severity", "severity");
  }
  if (const auto retention = node["retention_years"]) {
    read_int(yaml, retention, 6, 100, s.retention_years, "settings.retention_years",
             "of at least 6 (HIPAA 45 CFR 164.316(b)(2))");
  }
}

}  // namespace bg
