// Reads a pack's `classifiers:` section. Each classifier names a text model file (relative to
// the YAML file that declares it) and the score above which `classifier.NAME` is true:
//
//   classifiers:
//     personal_talk: {model: models/personal-content.model, threshold: 8}
//
// A later pack may change a threshold under `overrides: {classifiers: {NAME: {threshold: N}}}`.
// Models are loaded as they are read (unless `load_models` is false: see PolicyLoadOptions), once
// per file however many classifiers name it (each with its own threshold); one
// that cannot be read or parsed is a BG-P035 error at its `model` key, and conditions that name
// the classifier add no second error.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "policy/yaml_fields.h"
#include "text/text_model.h"

namespace bg {

struct DeclaredClassifier {
  const SourceFile* file = nullptr;
  YAML::Node head;  // the name's key, for "never used"
  std::string model_path;
  std::shared_ptr<const TextModel> model;  // null: unreadable (reported) or not loaded
  double threshold = 0;
  bool used = false;
};

void read_classifiers(YamlFields& yaml, const YAML::Node& node,
                      std::map<std::string, DeclaredClassifier>& into, bool load_models = true);

void override_classifiers(YamlFields& yaml, const YAML::Node& node,
                          std::map<std::string, DeclaredClassifier>& into);

}  // namespace bg
