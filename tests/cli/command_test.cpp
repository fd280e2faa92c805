// boundaryctl's commands, help and plugin lookup, end to end.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace {

using cli_test::run_boundaryctl;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Commands, HelpListsTheCommandsAndExitCodes) {
  const auto r = run_boundaryctl({"--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "replay")) << r.out;
  EXPECT_TRUE(contains(r.out, "version")) << r.out;
  EXPECT_TRUE(contains(r.out, "Exit codes")) << r.out;
}

TEST(Commands, ReplayHelpDocumentsOptionsDefaultsAndExitCodes) {
  const auto r = run_boundaryctl({"replay", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* option :
       {"--policy", "--db", "--no-audit", "--format", "--options", "--plugin"}) {
    EXPECT_TRUE(contains(r.out, option)) << option << " missing from\n" << r.out;
  }
  EXPECT_TRUE(contains(r.out, "boundary-guard-audit.db")) << r.out;
  EXPECT_TRUE(contains(r.out, "summary")) << r.out;
  EXPECT_TRUE(contains(r.out, "1  some lines were rejected")) << r.out;
  EXPECT_TRUE(contains(r.out, "2  usage error")) << r.out;
}

TEST(Commands, VersionHelpWorks) {
  const auto r = run_boundaryctl({"version", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "--plugin")) << r.out;
}

TEST(Commands, VersionPrintsToolAndPluginVersions) {
  const auto r = run_boundaryctl({"version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, std::string{"boundaryctl "} + BG_PROJECT_VERSION)) << r.out;
  EXPECT_TRUE(contains(r.out, std::string{"plugin "} + BG_PROJECT_VERSION + " (ABI 1.")) << r.out;
  EXPECT_TRUE(contains(r.out, BG_TEST_PLUGIN)) << r.out;
}

TEST(Commands, PluginIsFoundThroughTheEnvironment) {
  cli_test::RunOptions options;
  options.pass_plugin = false;
  options.plugin_env = BG_TEST_PLUGIN;
  const auto r = run_boundaryctl({"version"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, BG_TEST_PLUGIN)) << r.out;
}

TEST(Commands, PluginIsFoundInTheBuildTreeByDefault) {
  cli_test::RunOptions options;
  options.pass_plugin = false;
  const auto r = run_boundaryctl({"version"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "plugin ")) << r.out;
}

TEST(Commands, MissingPluginExitsTwoListingThePathsTried) {
  cli_test::RunOptions options;
  options.pass_plugin = false;
  const auto r = run_boundaryctl(
      {"replay", "--plugin", "/nonexistent/libboundary_guard.so", "--no-audit", "-"}, options);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "not found")) << r.err;
  EXPECT_TRUE(contains(r.err, "/nonexistent/libboundary_guard.so")) << r.err;
}

TEST(Commands, NoCommandIsAUsageError) {
  const auto r = run_boundaryctl({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(Commands, UnknownOptionIsAUsageError) {
  const auto r = run_boundaryctl({"replay", "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "frobnicate")) << r.err;
}

}  // namespace
