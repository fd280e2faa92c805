// The policy file watch (engine option watch_policy_ms): an edited policy is reloaded, a broken
// edit leaves the last good policy active and is reported, and fixing it recovers.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "test_support.h"

namespace bg::test {
namespace {

// One off-hours rule whose decision the test edits.
std::string pack_text(const std::string& decision) {
  return R"yaml(pack: watched
version: "1"
description: A pack the watch test edits in place.
rules:
  - id: late-message
    description: A therapist's message outside their hours.
    events: [message]
    when: sender.role == 'therapist' and time.known and not time.in_hours
    category: off_hours
    severity: medium
    decision: )yaml" +
         decision + R"yaml(
    citations: ["NASW 2021 1.06(e)"]
    notice: "Outside your working hours."
)yaml";
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out{path, std::ios::trunc};
  out << text;
}

// Waits for `done` (polling), up to a generous deadline that only a broken watch reaches.
bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{20};
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return done();
}

std::unique_ptr<Engine> watched_engine(const std::string& pack, const std::string& options) {
  EngineConfig config;
  config.policy_path = pack;
  std::string error;
  EXPECT_TRUE(parse_engine_options(options, config.options, error)) << error;
  auto engine = std::make_unique<Engine>(config);
  for (const char* const* line = kRoster; *line != nullptr; ++line) eval(*engine, *line);
  return engine;
}

Decision late_decision(Engine& engine, const std::string& id) {
  return eval(engine, message(id, "2026-03-04T23:15:00-06:00", "see you"))->decision;
}

TEST(PolicyWatch, AnEditedPolicyIsReloaded) {
  TempDir dir;
  const std::string pack = dir.path("pack.yaml");
  write(pack, pack_text("warn"));
  auto engine = watched_engine(pack, R"({"watch_policy_ms":50})");
  EXPECT_EQ(late_decision(*engine, "m-1"), Decision::warn);
  const std::string before = engine->policy()->label();

  write(pack, pack_text("hold") + "# edited\n");
  ASSERT_TRUE(eventually([&] { return engine->policy()->label() != before; }))
      << "the edit was not picked up";
  EXPECT_EQ(late_decision(*engine, "m-2"), Decision::hold);
  std::string error;
  EXPECT_EQ(engine->policy_watch_status(error), Status::ok) << error;
}

TEST(PolicyWatch, ABrokenEditKeepsTheLastGoodPolicyAndIsReportedUntilFixed) {
  TempDir dir;
  const std::string pack = dir.path("pack.yaml");
  write(pack, pack_text("warn"));
  auto engine = watched_engine(pack, R"({"watch_policy_ms":50})");
  const std::string good = engine->policy()->label();

  write(pack, pack_text("stop-everything"));  // not a decision
  std::string error;
  ASSERT_TRUE(eventually([&] { return engine->policy_watch_status(error) == Status::policy; }))
      << "the failed reload was not reported";
  EXPECT_NE(error.find("BG-P"), std::string::npos) << error;
  EXPECT_NE(error.find("pack.yaml"), std::string::npos) << error;
  EXPECT_EQ(engine->policy()->label(), good);
  EXPECT_EQ(late_decision(*engine, "m-1"), Decision::warn) << "the last good policy serves";

  write(pack, pack_text("hold"));
  ASSERT_TRUE(eventually([&] {
    std::string ignored;
    return engine->policy_watch_status(ignored) == Status::ok && engine->policy()->label() != good;
  })) << "the fix was not picked up";
  EXPECT_EQ(late_decision(*engine, "m-2"), Decision::hold);
}

TEST(PolicyWatch, AFragmentOfAFolderPackIsWatchedToo) {
  TempDir dir;
  const std::string folder = dir.path("practice");
  std::filesystem::create_directories(folder);
  write(folder + "/pack.yaml", "pack: practice\nversion: \"1\"\ndescription: A folder pack.\n");
  // The rule lives in the fragment, not in pack.yaml.
  std::string rules = pack_text("warn");
  rules = rules.substr(rules.find("rules:"));
  write(folder + "/rules.yaml", rules);
  auto engine = watched_engine(folder, R"({"watch_policy_ms":50})");
  const std::string before = engine->policy()->label();
  std::string edited = pack_text("hold");
  write(folder + "/rules.yaml", edited.substr(edited.find("rules:")));
  ASSERT_TRUE(eventually([&] { return engine->policy()->label() != before; }));
  EXPECT_EQ(late_decision(*engine, "m-1"), Decision::hold);
}

TEST(PolicyWatch, AHostReloadFromAnotherPathEndsTheFailureAndIsWatchedFromThen) {
  TempDir dir;
  const std::string first = dir.path("first.yaml");
  const std::string second = dir.path("second.yaml");
  write(first, pack_text("warn"));
  write(second, pack_text("warn") + "# the second file\n");
  auto engine = watched_engine(first, R"({"watch_policy_ms":50})");
  write(first, pack_text("not-a-decision"));
  std::string error;
  ASSERT_TRUE(eventually([&] { return engine->policy_watch_status(error) == Status::policy; }));

  ASSERT_EQ(engine->reload_policy(second, error), Status::ok) << error;
  EXPECT_EQ(engine->policy_watch_status(error), Status::ok) << "a stale failure is reported";
  const std::string loaded = engine->policy()->label();
  write(second, pack_text("hold"));
  ASSERT_TRUE(eventually([&] { return engine->policy()->label() != loaded; }))
      << "the file the host switched to is not watched";
  EXPECT_EQ(late_decision(*engine, "m-1"), Decision::hold);
}

TEST(PolicyWatch, WithoutTheOptionNothingIsWatched) {
  TempDir dir;
  const std::string pack = dir.path("pack.yaml");
  write(pack, pack_text("warn"));
  auto engine = watched_engine(pack, "");
  const std::string before = engine->policy()->label();
  write(pack, pack_text("hold"));
  std::this_thread::sleep_for(std::chrono::milliseconds{300});
  EXPECT_EQ(engine->policy()->label(), before);
}

TEST(PolicyWatch, TheIntervalIsBounded) {
  EngineOptions options;
  std::string error;
  EXPECT_FALSE(parse_engine_options(R"({"watch_policy_ms":10})", options, error));
  EXPECT_NE(error.find("watch_policy_ms"), std::string::npos);
  EXPECT_FALSE(parse_engine_options(R"({"watch_policy_ms":-5})", options, error));
  EXPECT_TRUE(parse_engine_options(R"({"watch_policy_ms":0})", options, error)) << error;
}

}  // namespace
}  // namespace bg::test
