#include "adapter_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bg::adapters::test {

std::string shared_path(const std::string& relative) {
  const std::filesystem::path dir{BG_SHARED_FIXTURES_DIR};
  if (!std::filesystem::exists(dir / "PROVENANCE.md")) {
    ADD_FAILURE() << "The shared fixtures are missing: expected them at " << dir.string()
                  << " (../shared/fixtures beside the repository, read in place)";
  }
  return (dir / relative).string();
}

std::string read_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string read_shared(const std::string& relative) { return read_file(shared_path(relative)); }

std::vector<std::string> shared_files(const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator{shared_path(folder), ec}) {
    if (entry.is_regular_file()) out.push_back(entry.path().filename().string());
  }
  if (ec) ADD_FAILURE() << "cannot list " << shared_path(folder) << ": " << ec.message();
  std::sort(out.begin(), out.end());
  return out;
}

std::string data_path(const std::string& relative) {
  return std::string{BG_ADAPTER_DATA_DIR} + "/" + relative;
}

std::string docs_path(const std::string& relative) {
  return std::string{BG_INTEGRATION_DOCS_DIR} + "/" + relative;
}

MappingConfig load_mapping(const std::string& path) {
  MappingLoad load = load_mapping_file(path);
  if (!load.config) {
    ADD_FAILURE() << "the mapping " << path << " does not load:\n" << load.describe();
    return MappingConfig::defaults();
  }
  return *load.config;
}

MappingConfig hillside() { return load_mapping(docs_path("examples/hillside-mapping.yaml")); }

std::vector<nlohmann::json> events_of(const Conversion& conversion) {
  std::vector<nlohmann::json> out;
  for (const auto& line : conversion.events) out.push_back(nlohmann::json::parse(line));
  return out;
}

const RecordReport& record(const Conversion& conversion, const std::string& name) {
  for (const auto& r : conversion.records) {
    if (r.record == name) return r;
  }
  ADD_FAILURE() << "no record \"" << name << "\" in the report:\n" << describe(conversion);
  static const RecordReport kNone{"(none)", Outcome::unmapped, "(missing)", {}};
  return kNone;
}

std::string describe(const Conversion& conversion) {
  return conversion.events_jsonl() + "----\n" + conversion.report_jsonl();
}

}  // namespace bg::adapters::test
