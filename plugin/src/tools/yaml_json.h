// Converts YAML (as practice administrators write events in policy tests) to JSON. Plain
// scalars that read as numbers, true/false or null become those; quoted scalars stay text.
#pragma once

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

namespace bg {

nlohmann::ordered_json yaml_to_json(const YAML::Node& node);

}  // namespace bg
