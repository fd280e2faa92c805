#include "policy/classifier_reader.h"

#include <algorithm>
#include <filesystem>

#include "util/decimal_text.h"

namespace bg {
namespace {

bool read_threshold(YamlFields& yaml, const YAML::Node& node, double& out,
                    const std::string& item) {
  std::string value;
  if (!yaml.scalar(node, value, item, "threshold")) return false;
  if (parse_decimal(value, out)) return true;
  yaml.error(node, "BG-P012", item, "the threshold is a log-odds score such as 8 or -1.5");
  return false;
}

}  // namespace

void read_classifiers(YamlFields& yaml, const YAML::Node& node,
                      std::map<std::string, DeclaredClassifier>& into, bool load_models) {
  if (!node.IsMap()) {
    yaml.error(node, "BG-P003", "classifiers",
               "classifiers map a name to {model: FILE, threshold: N}");
    return;
  }
  for (const auto& kv : node) {
    const std::string name = kv.first.as<std::string>("");
    const std::string item = "classifier " + name;
    if (into.count(name) != 0) {
      yaml.error(kv.first, "BG-P008", item,
                 "classifier \"" + name + "\" is already defined (in " + into[name].file->path +
                     "); use overrides to change its threshold");
      continue;
    }
    // A classifier with a mistake is still declared (without a model), so that conditions
    // naming it add no second error.
    DeclaredClassifier& c = into[name];
    c.file = &yaml.file();
    c.head = kv.first;
    if (!kv.second.IsMap() || !kv.second["model"] || !kv.second["threshold"]) {
      yaml.error(kv.second, "BG-P005", item, "a classifier is {model: FILE, threshold: N}");
      continue;
    }
    yaml.check_keys(kv.second, {"model", "threshold", "description"}, item);
    std::string model;
    if (!yaml.scalar(kv.second["model"], model, item, "model") ||
        !read_threshold(yaml, kv.second["threshold"], c.threshold, item))
      continue;
    const std::filesystem::path relative{model};
    c.model_path = relative.is_absolute()
                       ? model
                       : (std::filesystem::path{yaml.file().path}.parent_path() / relative)
                             .lexically_normal()
                             .string();
    if (!load_models) continue;
    // Classifiers that name the same file share one loaded model (and one score per event).
    const auto same_file = std::find_if(into.begin(), into.end(), [&](const auto& other) {
      return other.second.model && other.second.model_path == c.model_path;
    });
    if (same_file != into.end()) {
      c.model = same_file->second.model;
      continue;
    }
    std::string error;
    c.model = TextModel::load(c.model_path, error);
    if (!c.model) yaml.error(kv.second["model"], "BG-P035", item, "the text model " + error);
  }
}

void override_classifiers(YamlFields& yaml, const YAML::Node& node,
                          std::map<std::string, DeclaredClassifier>& into) {
  if (!node.IsMap()) {
    yaml.error(node, "BG-P003", "overrides.classifiers",
               "overrides.classifiers map a name to {threshold: N}");
    return;
  }
  for (const auto& kv : node) {
    const std::string name = kv.first.as<std::string>("");
    const auto it = into.find(name);
    if (it == into.end()) {
      yaml.error(kv.first, "BG-P030", "overrides.classifiers",
                 "no classifier \"" + name + "\" to override");
      continue;
    }
    const std::string item = "classifier " + name;
    if (!kv.second.IsMap() || !kv.second["threshold"]) {
      yaml.error(kv.second, "BG-P005", item, "an override of a classifier is {threshold: N}");
      continue;
    }
    yaml.check_keys(kv.second, {"threshold"}, item);
    read_threshold(yaml, kv.second["threshold"], it->second.threshold, item);
  }
}

}  // namespace bg
