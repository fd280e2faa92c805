// Helpers shared by the adapter tests: where the fixtures are, and reading conversions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/conversion.h"
#include "adapters/mapping_config.h"

namespace bg::adapters::test {

// A file of the public fixtures (../shared/fixtures), read in place. Fails the test, naming the
// expected location, when the fixtures are missing.
std::string shared_path(const std::string& relative);
std::string read_shared(const std::string& relative);
// The file names in a folder of the shared fixtures.
std::vector<std::string> shared_files(const std::string& folder);

// tests/data/adapters/<relative>, and docs/integrations/<relative>.
std::string data_path(const std::string& relative);
std::string docs_path(const std::string& relative);
std::string read_file(const std::string& path);

// A mapping file, loaded (the test fails if it does not load).
MappingConfig load_mapping(const std::string& path);
MappingConfig hillside();  // docs/integrations/examples/hillside-mapping.yaml

std::vector<nlohmann::json> events_of(const Conversion& conversion);
// The record named `name` (the test fails when there is none).
const RecordReport& record(const Conversion& conversion, const std::string& name);
// The report as text, for failure messages.
std::string describe(const Conversion& conversion);

}  // namespace bg::adapters::test
