#include "tools/policy_explainer.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace bg {
namespace {

std::string where(const SourcePosition& p) { return p.file + ":" + std::to_string(p.line); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string event_list(const EventTypeSet& events) {
  std::vector<std::string> names;
  for (size_t t = 0; t < events.size(); ++t) {
    if (events.test(t)) names.emplace_back(Names<EventType>::kAll[t]);
  }
  return joined(names);
}

template <typename E, size_t N>
std::vector<std::string> enabled_names(const std::array<bool, N>& flags) {
  std::vector<std::string> out;
  for (size_t i = 0; i < N; ++i) {
    if (flags[i]) out.emplace_back(Names<E>::kAll[i]);
  }
  return out;
}

// "8", "7.5": a threshold as a policy author writes it.
std::string format_threshold(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

}  // namespace

std::string explain_policy_text(const Policy& p, const std::string& rule_id) {
  std::string out;
  if (rule_id.empty()) {
    std::vector<std::string> chain(p.packs.begin(), p.packs.end());
    out += "Policy " + p.label() + " (packs, base first: " + joined(chain) + ")\n\n";
    out += "Settings\n";
    std::string hours;
    for (int d = 0; d < 7; ++d) {
      hours += std::string{"  "} + std::string{kWeekdayLabels[static_cast<size_t>(d)]} + " " +
               p.settings.default_hours.describe_day(d) + "\n";
    }
    out += "  default hours:\n" + hours;
    out += "  client quiet hours: " + format_clock(p.settings.client_quiet_hours.start) + "-" +
           format_clock(p.settings.client_quiet_hours.end) + "\n";
    out += "  personal channels: " + joined(enabled_names<Channel>(p.settings.personal_channel)) +
           "\n";
    out +=
        "  approved settings: " + joined(enabled_names<LocationKind>(p.settings.approved_setting)) +
        "\n";
    out += "  holidays: " + std::to_string(p.settings.holidays.size()) + "\n";
    out += "  evidence kept: " + std::string{name_of(p.settings.evidence)} + "; retention " +
           std::to_string(p.settings.retention_years) + " years\n\n";
    if (!p.macros.empty()) {
      out += "Macros\n";
      for (const auto& [name, text] : p.macros) out += "  " + name + ": " + text + "\n";
      out += "\n";
    }
    if (!p.classifiers.empty()) {
      out += "Classifiers (text models)\n";
      for (const auto& c : p.classifiers) {
        out += "  " + c.name + ": flags above " + format_threshold(c.threshold) + "; " +
               c.model_path + " (" + std::to_string(c.model->size()) + " features, trained for " +
               c.model->category() + ")\n";
      }
      out += "\n";
    }
    if (!p.lists.empty()) {
      out += "Lists\n";
      for (const auto& [name, items] : p.lists) {
        out += "  " + name + ": " + joined(std::vector<std::string>(items->begin(), items->end())) +
               "\n";
      }
      out += "\n";
    }
    out += "Rules\n";
  }
  bool found = false;
  for (const auto& r : p.rules) {
    if (!rule_id.empty() && r.id != rule_id) continue;
    found = true;
    out += "  " + r.id + (r.enabled ? "" : " (disabled)") + "  [pack " + r.pack + ", " +
           where(r.origin) + "]\n";
    for (const auto& o : r.overridden_at) out += "    overridden at " + where(o) + "\n";
    if (!r.description.empty()) out += "    " + r.description + "\n";
    out += "    events: " + event_list(r.events) + "\n";
    out += "    when: " + r.when_text + "\n";
    out += "    category " + std::string{name_of(r.category)} + ", severity " +
           std::string{name_of(r.severity)} + ", decision " + std::string{name_of(r.decision)} +
           "\n";
    out += "    citations: " + joined(r.citations) + "\n";
  }
  if (!rule_id.empty() && !found) return {};
  if (rule_id.empty() && !p.exceptions.empty()) {
    out += "\nExceptions\n";
    for (const auto& e : p.exceptions) {
      out += "  " + e.id + "  [" + where(e.origin) + "] until " + date::format("%F", e.expires) +
             ", owner " + e.owner + ": " + e.reason + "\n";
    }
  }
  return out;
}

std::string explain_policy_json(const Policy& p, const std::string& rule_id) {
  nlohmann::ordered_json out;
  out["policy"] = p.label();
  out["packs"] = p.packs;
  if (rule_id.empty()) {
    auto& classifiers = out["classifiers"] = nlohmann::ordered_json::array();
    for (const auto& c : p.classifiers) {
      classifiers.push_back({{"name", c.name},
                             {"threshold", c.threshold},
                             {"model", c.model_path},
                             {"features", c.model->size()},
                             {"category", c.model->category()}});
    }
  }
  auto& rules = out["rules"] = nlohmann::ordered_json::array();
  for (const auto& r : p.rules) {
    if (!rule_id.empty() && r.id != rule_id) continue;
    nlohmann::ordered_json overridden = nlohmann::ordered_json::array();
    for (const auto& o : r.overridden_at) overridden.push_back(where(o));
    rules.push_back({{"id", r.id},
                     {"pack", r.pack},
                     {"defined_at", where(r.origin)},
                     {"overridden_at", overridden},
                     {"enabled", r.enabled},
                     {"events", event_list(r.events)},
                     {"when", r.when_text},
                     {"category", name_of(r.category)},
                     {"severity", name_of(r.severity)},
                     {"decision", name_of(r.decision)},
                     {"citations", r.citations},
                     {"tags", r.tags}});
  }
  if (!rule_id.empty() && rules.empty()) return {};
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace bg
