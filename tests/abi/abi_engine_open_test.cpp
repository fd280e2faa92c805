// engine_open: configs of every size, policies that do not load, options, audit paths.
#include <cstring>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

bg_engine_config default_config() {
  bg_engine_config config{};
  config.struct_size = static_cast<uint32_t>(sizeof config);
  return config;
}

TEST(AbiEngineOpen, DefaultPackOpensAndClearsTheErrorBuffer) {
  const auto result = open_engine();
  EXPECT_EQ(result.status, BG_OK) << result.error;
  EXPECT_NE(result.engine, nullptr);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(last_error(result.engine.get()), "");
}

TEST(AbiEngineOpen, PolicyFolderAndPolicyFileBothOpen) {
  EXPECT_EQ(open_engine(default_policy_dir()).status, BG_OK);
  EXPECT_EQ(open_engine(default_policy_dir() + "/pack.yaml").status, BG_OK);
}

TEST(AbiEngineOpen, NullOutIsInvalidArgument) {
  const auto config = default_config();
  char error[256] = "";
  EXPECT_EQ(api().engine_open(&config, nullptr, error, sizeof error), BG_E_INVALID_ARGUMENT);
  EXPECT_STRNE(error, "");
}

TEST(AbiEngineOpen, NullConfigIsInvalidArgument) {
  bg_engine* engine = reinterpret_cast<bg_engine*>(&engine);  // must be reset to NULL
  char error[256] = "";
  EXPECT_EQ(api().engine_open(nullptr, &engine, error, sizeof error), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(engine, nullptr);
  EXPECT_STRNE(error, "");
}

TEST(AbiEngineOpen, StructSizeSmallerThanTheStructIsInvalidArgument) {
  for (const uint32_t size :
       {0u, 4u, static_cast<uint32_t>(offsetof(bg_engine_config, options_json)),
        static_cast<uint32_t>(sizeof(bg_engine_config) - 1)}) {
    auto config = default_config();
    config.struct_size = size;
    bg_engine* engine = nullptr;
    char error[256] = "";
    EXPECT_EQ(api().engine_open(&config, &engine, error, sizeof error), BG_E_INVALID_ARGUMENT)
        << "struct_size " << size;
    EXPECT_EQ(engine, nullptr);
    EXPECT_THAT(std::string{error}, HasSubstr("struct_size")) << "struct_size " << size;
    api().engine_close(engine);
  }
}

// A newer host's config: ours plus fields this plugin does not know.
struct NewerConfig {
  bg_engine_config v1;
  uint64_t added_later[2];
};

TEST(AbiEngineOpen, LargerStructWithNonZeroTailIsUnsupported) {
  NewerConfig config{};
  config.v1 = default_config();
  config.v1.struct_size = static_cast<uint32_t>(sizeof config);
  config.added_later[1] = 1;
  bg_engine* engine = nullptr;
  char error[256] = "";
  EXPECT_EQ(api().engine_open(&config.v1, &engine, error, sizeof error), BG_E_UNSUPPORTED);
  EXPECT_EQ(engine, nullptr);
  EXPECT_STRNE(error, "");
}

TEST(AbiEngineOpen, LargerStructWithZeroTailOpens) {
  NewerConfig config{};
  config.v1 = default_config();
  config.v1.struct_size = static_cast<uint32_t>(sizeof config);
  bg_engine* engine = nullptr;
  char error[256] = "";
  EXPECT_EQ(api().engine_open(&config.v1, &engine, error, sizeof error), BG_OK) << error;
  EXPECT_NE(engine, nullptr);
  api().engine_close(engine);
}

TEST(AbiEngineOpen, MissingPolicyFileIsPolicyErrorWithAMessage) {
  TempDir dir;
  const auto result = open_engine(dir.file("no-such-policy.yaml"));
  EXPECT_EQ(result.status, BG_E_POLICY);
  EXPECT_EQ(result.engine, nullptr);
  EXPECT_THAT(result.error, HasSubstr("no-such-policy.yaml"));
}

TEST(AbiEngineOpen, BrokenPolicyIsPolicyErrorPointingAtTheLine) {
  const auto rule = open_engine(data_path("broken_rule"));
  EXPECT_EQ(rule.status, BG_E_POLICY);
  EXPECT_EQ(rule.engine, nullptr);
  EXPECT_THAT(rule.error, HasSubstr("pack.yaml:12:"));
  EXPECT_THAT(rule.error, HasSubstr("catastrophic"));

  const auto yaml = open_engine(data_path("broken_yaml"));
  EXPECT_EQ(yaml.status, BG_E_POLICY);
  EXPECT_EQ(yaml.engine, nullptr);
  EXPECT_THAT(yaml.error, HasSubstr("pack.yaml:"));
}

TEST(AbiEngineOpen, BadOptionsAreInvalidArgument) {
  for (const char* options :
       {"{", "not json", "[1,2]", "42", R"({"no_such_option":1})", R"({"fail_mode":"sideways"})",
        R"({"fail_mode":1})", R"({"max_text_bytes":0})", R"({"max_text_bytes":-5})",
        R"({"fault_injection":"everything"})", R"({"diagnostic_log":7})"}) {
    const auto result = open_engine("", "", options);
    EXPECT_EQ(result.status, BG_E_INVALID_ARGUMENT) << options;
    EXPECT_EQ(result.engine, nullptr) << options;
    EXPECT_NE(result.error, "") << options;
  }
  EXPECT_THAT(open_engine("", "", R"({"no_such_option":1})").error, HasSubstr("no_such_option"));
}

TEST(AbiEngineOpen, KnownOptionsOpen) {
  TempDir dir;
  for (const std::string& options :
       {std::string{"{}"}, std::string{R"({"fail_mode":"closed"})"},
        std::string{R"({"fail_mode":"open","max_text_bytes":1024,"seen_event_capacity":10})"},
        R"({"diagnostic_log":")" + dir.file("diag.log") + R"("})"}) {
    const auto result = open_engine("", "", options);
    EXPECT_EQ(result.status, BG_OK) << options << ": " << result.error;
  }
}

TEST(AbiEngineOpen, AuditPathThatIsADirectoryIsAuditError) {
  TempDir dir;
  const auto result = open_engine("", dir.path());
  EXPECT_EQ(result.status, BG_E_AUDIT);
  EXPECT_EQ(result.engine, nullptr);
  EXPECT_NE(result.error, "");
}

TEST(AbiEngineOpen, AuditPathInAMissingDirectoryIsAuditError) {
  TempDir dir;
  const auto result = open_engine("", dir.file("missing/dir/audit.sqlite"));
  EXPECT_EQ(result.status, BG_E_AUDIT);
  EXPECT_EQ(result.engine, nullptr);
  EXPECT_NE(result.error, "");
}

TEST(AbiEngineOpen, AuditPathThatIsNotADatabaseIsAuditError) {
  TempDir dir;
  const std::string path = dir.file("not-a-db.sqlite");
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("this is a text file, not an SQLite database, padded to look real......\n", f);
  std::fclose(f);
  const auto result = open_engine("", path);
  EXPECT_EQ(result.status, BG_E_AUDIT);
  EXPECT_EQ(result.engine, nullptr);
  EXPECT_NE(result.error, "");
}

TEST(AbiEngineOpen, StringWithNullDataAndASizeIsInvalidArgument) {
  auto config = default_config();
  config.policy_path = bg_str{nullptr, 5};
  bg_engine* engine = nullptr;
  char error[256] = "";
  EXPECT_EQ(api().engine_open(&config, &engine, error, sizeof error), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(engine, nullptr);
}

TEST(AbiEngineOpen, ErrorBufferIsTruncatedAndTerminated) {
  TempDir dir;
  const std::string missing = dir.file("no-such-policy.yaml");
  auto config = default_config();
  config.policy_path = view(missing);
  bg_engine* engine = nullptr;

  char small[8];
  std::memset(small, 'x', sizeof small);
  EXPECT_EQ(api().engine_open(&config, &engine, small, sizeof small), BG_E_POLICY);
  EXPECT_EQ(std::strlen(small), sizeof small - 1);

  char untouched[4] = {'a', 'b', 'c', 'd'};
  EXPECT_EQ(api().engine_open(&config, &engine, untouched, 0), BG_E_POLICY);
  EXPECT_EQ(std::string(untouched, 4), "abcd");

  EXPECT_EQ(api().engine_open(&config, &engine, nullptr, 100), BG_E_POLICY);
  EXPECT_EQ(engine, nullptr);
}

TEST(AbiEngineOpen, ManyEnginesOnePerAuditFile) {
  TempDir dir;
  std::vector<EngineHandle> engines;
  for (int i = 0; i < 4; ++i) {
    engines.push_back(must_open("", dir.file("audit-" + std::to_string(i) + ".sqlite")));
    ASSERT_NE(engines.back(), nullptr);
  }
  for (auto& engine : engines) load_roster(engine.get());
}

}  // namespace
}  // namespace bgtest
