// Reads a pack's `settings:` section into the policy settings. A later pack's key replaces an
// earlier pack's.
#pragma once

#include "policy/policy.h"
#include "policy/yaml_fields.h"

namespace bg {

void read_settings(YamlFields& yaml, const YAML::Node& node, PolicySettings& settings);

// The settings before any pack changes them (the brief's defaults).
PolicySettings default_settings();

}  // namespace bg
