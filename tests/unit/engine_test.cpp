#include "engine/engine.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace bg::test {
namespace {

const std::string kLate = message("m-1", "2026-03-04T23:15:00-06:00", "can't sleep");

TEST(Engine, RosterEventsReturnEmptyVerdicts) {
  auto engine = make_engine();
  const auto v = eval(*engine, kRoster[0]);
  EXPECT_EQ(v->json,
            R"({"event":"t-ana","decision":"allow","findings":[],"notice":"","audit_id":""})");
}

TEST(Engine, RepeatedIdReturnsTheFirstVerdictAndLogsOnce) {
  TempDir dir;
  auto engine = make_engine(dir.path("audit.db"));
  const auto first = eval(*engine, kLate);
  // Same id, different content: still the same event.
  const auto second = eval(*engine, message("m-1", "2026-03-04T10:00:00-06:00", "hello"));
  EXPECT_EQ(first->json, second->json);
  EXPECT_EQ(first->audit_id, "au-000001");
  // A new engine on the same log answers from the log.
  engine.reset();
  auto restarted = make_engine(dir.path("audit.db"));
  const auto third = eval(*restarted, kLate);
  EXPECT_EQ(third->json, first->json);
  const auto next = eval(*restarted, message("m-2", "2026-03-04T23:30:00-06:00", "one more"));
  EXPECT_EQ(next->audit_id, "au-000002");
}

TEST(Engine, BadEventsNameTheFieldAndTheEngineCarriesOn) {
  auto engine = make_engine();
  const auto bad = engine->evaluate_json(R"({"type":"message","id":"m-9"})");
  EXPECT_EQ(bad.status, Status::bad_event);
  EXPECT_EQ(bad.verdict, nullptr);
  EXPECT_EQ(bad.error, "event \"m-9\": field \"at\": is required");
  EXPECT_FALSE(eval(*engine, kLate)->findings.empty());
}

TEST(Engine, ReloadKeepsTheLastGoodPolicy) {
  TempDir dir;
  auto engine = make_engine();
  const auto before = engine->policy();
  std::ofstream{dir.path("broken.yaml")} << "policy: x\nrules: [\n";
  std::string error;
  EXPECT_EQ(engine->reload_policy(dir.path("broken.yaml"), error), Status::policy);
  EXPECT_NE(error.find("BG-P002"), std::string::npos);
  EXPECT_EQ(engine->policy(), before);
  EXPECT_EQ(engine->reload_policy("", error), Status::ok) << error;
  EXPECT_NE(engine->policy(), before);
  EXPECT_EQ(engine->policy()->sha256, before->sha256);
}

TEST(Engine, OpeningWithABrokenPolicyThrowsTheProblems) {
  TempDir dir;
  std::ofstream{dir.path("p.yaml")} << "policy: x\nsettings:\n  client_quiet_hours: soon\n";
  EngineConfig config;
  config.policy_path = dir.path("p.yaml");
  try {
    Engine engine{config};
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string{e.what()}.find("p.yaml:3:23: error BG-P007"), std::string::npos)
        << e.what();
  }
}

// The policy test runner opens one engine per test file on a pack it compiled once.
TEST(Engine, AnEngineGivenACompiledPolicyUsesItAndReloadsFromItsPath) {
  const auto shared = make_engine()->policy();
  TempDir dir;
  std::ofstream{dir.path("p.yaml")} << "policy: x\nrules: [\n";  // never read at open
  EngineConfig config;
  config.policy_path = dir.path("p.yaml");
  config.policy = shared;
  Engine engine{config};
  EXPECT_EQ(engine.policy(), shared);
  for (const char* const* line = kRoster; *line != nullptr; ++line) eval(engine, *line);
  EXPECT_FALSE(eval(engine, kLate)->findings.empty());
  std::string error;
  EXPECT_EQ(engine.reload_policy("", error), Status::policy);  // the path's own, broken pack
  EXPECT_NE(error.find("BG-P002"), std::string::npos) << error;
  EXPECT_EQ(engine.policy(), shared);
}

TEST(Engine, InternalFailuresGiveAStatusAndAFailSafeVerdict) {
  struct Case {
    const char* options;
    Status status;
    Decision decision;
  };
  TempDir dir;
  const Case cases[] = {
      {R"({"fault_injection":"detector"})", Status::internal, Decision::allow},
      {R"({"fault_injection":"detector","fail_mode":"closed"})", Status::internal, Decision::hold},
      {R"({"fault_injection":"bad_alloc"})", Status::no_memory, Decision::allow},
      {R"({"fault_injection":"audit"})", Status::audit, Decision::allow},
  };
  for (const auto& c : cases) {
    auto engine = make_engine(
        dir.path(std::string{"audit-"} + std::to_string(static_cast<int>(c.status)) + ".db"),
        c.options);
    const auto r = engine->evaluate_json(kLate);
    EXPECT_EQ(r.status, c.status) << c.options;
    ASSERT_NE(r.verdict, nullptr);
    EXPECT_TRUE(r.verdict->fail_safe);
    EXPECT_TRUE(r.verdict->findings.empty());
    EXPECT_EQ(r.verdict->decision, c.decision) << c.options;
    EXPECT_FALSE(r.error.empty());
    EXPECT_NE(r.verdict->json.find("\"fail_safe\":true"), std::string::npos);
    // Failures are not remembered: the engine tries again next time.
    EXPECT_EQ(engine->evaluate_json(kLate).status, c.status);
  }
}

TEST(Engine, FailClosedNeverHoldsWhatCannotBeStopped) {
  auto engine = make_engine("", R"({"fault_injection":"detector","fail_mode":"closed"})");
  const auto client = engine->evaluate_json(
      message("m-2", "2026-03-04T23:15:00-06:00", "help", "portal", "c-042", true));
  EXPECT_EQ(client.verdict->decision, Decision::warn);
}

TEST(Engine, OutcomesNeedALoggedEventAndAReasonToProceed) {
  TempDir dir;
  auto engine = make_engine(dir.path("audit.db"));
  eval(*engine, kLate);
  std::string error;
  EXPECT_EQ(engine->record_outcome({"m-1", OutcomeKind::sent_anyway, "", {}}, error),
            Status::invalid_argument);
  EXPECT_EQ(engine->record_outcome({"m-1", OutcomeKind::sent_anyway, "safety check-in", {}}, error),
            Status::ok)
      << error;
  EXPECT_EQ(engine->record_outcome({"m-404", OutcomeKind::edited, "", {}}, error),
            Status::not_found);
  EXPECT_NE(error.find("m-404"), std::string::npos);
}

}  // namespace
}  // namespace bg::test
