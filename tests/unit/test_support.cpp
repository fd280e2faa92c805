#include "test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace bg::test {

const char* const kRoster[] = {
    R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","supervisor":"s-lee","hours":{"mon":["09:00-17:00"],"tue":["09:00-12:00","13:00-17:00"],"wed":["09:00-17:00"],"fri":["09:00-13:00"]}})",
    R"({"type":"therapist","id":"t-cruz","time_zone":"America/Los_Angeles","supervisor":"s-lee"})",
    R"({"type":"client","id":"c-042","therapist":"t-ana","time_zone":"America/Denver","status":"active"})",
    R"({"type":"client","id":"c-017","therapist":"t-ana","status":"active"})",
    R"({"type":"client","id":"c-300","therapist":"t-cruz","time_zone":"America/New_York"})",
    nullptr};

std::unique_ptr<Engine> make_engine(const std::string& audit_path,
                                    const std::string& options_json) {
  EngineConfig config;
  config.audit_path = audit_path;
  std::string error;
  EXPECT_TRUE(parse_engine_options(options_json, config.options, error)) << error;
  auto engine = std::make_unique<Engine>(config);
  for (const char* const* line = kRoster; *line != nullptr; ++line) eval(*engine, *line);
  return engine;
}

std::shared_ptr<const Verdict> eval(Engine& engine, const std::string& json) {
  auto result = engine.evaluate_json(json);
  EXPECT_EQ(result.status, Status::ok) << result.error << "\n" << json;
  return result.verdict;
}

std::string message(const std::string& id, const std::string& at, const std::string& text,
                    const std::string& channel, const std::string& client, bool from_client) {
  const std::string therapist = R"({"role":"therapist","id":"t-ana"})";
  const std::string other = R"({"role":"client","id":")" + client + R"("})";
  return R"({"type":"message","id":")" + id + R"(","at":")" + at + R"(","from":)" +
         (from_client ? other : therapist) + R"(,"to":)" + (from_client ? therapist : other) +
         R"(,"channel":")" + channel + R"(","text":")" + text + R"("})";
}

std::vector<std::string> rules_of(const Verdict& verdict) {
  std::vector<std::string> out;
  for (const auto& f : verdict.findings) out.push_back(f.rule);
  return out;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "bg-unit-XXXXXX").string();
  const char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  dir_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void PackFolder::write(const std::string& name, const std::string& text) {
  const auto file = dir_.path(name);
  std::filesystem::create_directories(std::filesystem::path{file}.parent_path());
  std::ofstream{file, std::ios::trunc} << text;
}

const PolicyProblem* find_code(const PolicyLoadResult& result, const std::string& code) {
  for (const auto& p : result.problems) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

}  // namespace bg::test
