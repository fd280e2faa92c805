// The C++ wrapper (boundary_guard.hpp) over the real plugin: engines, verdicts, errors.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "boundary_guard/boundary_guard.hpp"
#include "sdk_test_support.h"

namespace {

namespace bg = boundary_guard;
using sdk_test::api;

static_assert(!std::is_copy_constructible_v<bg::Engine>);
static_assert(!std::is_copy_assignable_v<bg::Engine>);
static_assert(std::is_nothrow_move_constructible_v<bg::Engine>);
static_assert(std::is_nothrow_move_assignable_v<bg::Engine>);
static_assert(!std::is_copy_constructible_v<bg::Verdict>);
static_assert(std::is_nothrow_move_constructible_v<bg::Verdict>);
static_assert(std::is_nothrow_move_assignable_v<bg::Verdict>);

// An engine with the default pack, no audit log, the roster loaded.
bg::Engine open_with_roster(const std::string& audit_path = {}) {
  bg::Engine engine{api(), bg::EngineConfig{{}, audit_path, {}}};
  EXPECT_TRUE(engine.evaluate_json(sdk_test::kTherapist).ok());
  EXPECT_TRUE(engine.evaluate_json(sdk_test::kClient).ok());
  return engine;
}

// Runs `call` and returns the boundary_guard::Error it throws.
template <typename Call>
bg::Error expect_error(Call call) {
  try {
    call();
  } catch (const bg::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no boundary_guard::Error thrown";
  return bg::Error(BG_OK, "");
}

TEST(Wrapper, RosterEventGivesAnEmptyAllowVerdict) {
  const bg::Engine engine{api()};
  const bg::Evaluation result = engine.evaluate_json(sdk_test::kTherapist);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_TRUE(result.message.empty());
  ASSERT_TRUE(result.verdict);
  EXPECT_EQ(result.verdict.event_id(), "t-ana");
  EXPECT_EQ(result.verdict.decision(), BG_DECISION_ALLOW);
  EXPECT_EQ(result.verdict.finding_count(), 0u);
  EXPECT_EQ(result.verdict.notice(), "");
  EXPECT_EQ(result.verdict.audit_id(), "");
  EXPECT_EQ(result.verdict.json(),
            R"({"event":"t-ana","decision":"allow","findings":[],"notice":"","audit_id":""})");
}

TEST(Wrapper, LateMessageVerdictExposesFindingsCitationsAndEvidence) {
  const bg::Engine engine = open_with_roster();
  bg::Verdict verdict = engine.evaluate_json(sdk_test::kLateMessage).value();
  EXPECT_EQ(verdict.event_id(), "m-1");
  EXPECT_EQ(verdict.decision(), BG_DECISION_WARN);
  EXPECT_FALSE(verdict.notice().empty());
  EXPECT_NE(verdict.json().find(R"("event":"m-1")"), std::string_view::npos);

  const auto findings = verdict.findings();
  ASSERT_EQ(findings.size(), verdict.finding_count());
  ASSERT_GE(findings.size(), 1u);
  const bg::Finding& f = findings.front();
  EXPECT_EQ(f.category, "off_hours");
  EXPECT_EQ(f.severity, BG_SEVERITY_HIGH);
  EXPECT_EQ(f.decision, BG_DECISION_WARN);
  EXPECT_FALSE(f.rule.empty());
  EXPECT_FALSE(f.explanation.empty());
  EXPECT_FALSE(f.suppressed());
  ASSERT_FALSE(f.citations.empty());
  EXPECT_EQ(f.citations.front(), "NASW 2021 1.06(e)");
  // Evidence offsets index the event's original text.
  const std::string text = "can't sleep, thinking about our talk";
  ASSERT_FALSE(f.evidence.empty());
  for (const auto& e : f.evidence) {
    ASSERT_LE(e.end, text.size());
    EXPECT_EQ(text.substr(e.start, e.end - e.start), e.text);
  }
  // Findings are copies: they outlive the verdict.
  verdict.reset();
  EXPECT_EQ(f.category, "off_hours");
}

TEST(Wrapper, FindingIndexOutOfRangeThrows) {
  const bg::Engine engine = open_with_roster();
  const bg::Verdict verdict = engine.evaluate_json(sdk_test::kDaytimeMessage).value();
  EXPECT_EQ(verdict.finding_count(), 0u);
  EXPECT_EQ(expect_error([&] { (void)verdict.finding(0); }).status(), BG_E_INVALID_ARGUMENT);
}

TEST(Wrapper, RepeatedIdGivesTheSameVerdict) {
  const bg::Engine engine = open_with_roster();
  const std::string first{engine.evaluate_json(sdk_test::kLateMessage).value().json()};
  const std::string again{engine.evaluate_json(sdk_test::kLateMessage).value().json()};
  EXPECT_EQ(first, again);
}

TEST(Wrapper, BadEventReturnsStatusAndMessageWithoutVerdict) {
  const bg::Engine engine{api()};
  bg::Evaluation result = engine.evaluate_json(
      R"({"type":"message","id":"m-9","from":{"role":"therapist","id":"t-ana"},)"
      R"("to":{"role":"client","id":"c-042"},"channel":"portal"})");
  EXPECT_EQ(result.status, BG_E_BAD_EVENT);
  EXPECT_FALSE(result.verdict);
  EXPECT_NE(result.message.find("\"at\""), std::string::npos) << result.message;
  EXPECT_EQ(engine.last_error(), result.message);
  const bg::Error e = expect_error([&] { (void)std::move(result).value(); });
  EXPECT_EQ(e.status(), BG_E_BAD_EVENT);
  EXPECT_NE(std::string{e.what()}.find("\"at\""), std::string::npos);
}

TEST(Wrapper, NotJsonIsABadEvent) {
  const bg::Engine engine{api()};
  const bg::Evaluation result = engine.evaluate_json("not json at all");
  EXPECT_EQ(result.status, BG_E_BAD_EVENT);
  EXPECT_FALSE(result.message.empty());
}

TEST(Wrapper, InternalFailureKeepsTheFailSafeVerdict) {
  const bg::Engine engine{api(), bg::EngineConfig{{}, {}, R"({"fault_injection":"detector"})"}};
  ASSERT_TRUE(engine.evaluate_json(sdk_test::kTherapist).ok());
  ASSERT_TRUE(engine.evaluate_json(sdk_test::kClient).ok());
  bg::Evaluation result = engine.evaluate_json(sdk_test::kLateMessage);
  EXPECT_EQ(result.status, BG_E_INTERNAL);
  EXPECT_FALSE(result.message.empty());
  ASSERT_TRUE(result.verdict) << "the fail-safe verdict must not be lost";
  EXPECT_EQ(result.verdict.event_id(), "m-1");
  EXPECT_EQ(result.verdict.decision(), BG_DECISION_ALLOW);  // fail_mode open
  EXPECT_FALSE(result.verdict.notice().empty());
  // value() insists on success.
  EXPECT_EQ(expect_error([&] { (void)std::move(result).value(); }).status(), BG_E_INTERNAL);
}

TEST(Wrapper, FailClosedHoldsAnOutboundMessage) {
  const bg::Engine engine{
      api(), bg::EngineConfig{{}, {}, R"({"fault_injection":"detector","fail_mode":"closed"})"}};
  const bg::Evaluation result = engine.evaluate_json(sdk_test::kDaytimeMessage);
  EXPECT_EQ(result.status, BG_E_INTERNAL);
  ASSERT_TRUE(result.verdict);
  EXPECT_EQ(result.verdict.decision(), BG_DECISION_HOLD);
}

TEST(Wrapper, AuditFailureKeepsTheFailSafeVerdict) {
  const sdk_test::ScratchDir dir;
  const bg::Engine engine{
      api(), bg::EngineConfig{{}, dir.file("audit.db"), R"({"fault_injection":"audit"})"}};
  ASSERT_TRUE(engine.evaluate_json(sdk_test::kTherapist).ok());
  ASSERT_TRUE(engine.evaluate_json(sdk_test::kClient).ok());
  const bg::Evaluation result = engine.evaluate_json(sdk_test::kLateMessage);
  EXPECT_EQ(result.status, BG_E_AUDIT);
  EXPECT_NE(result.message.find("audit"), std::string::npos) << result.message;
  ASSERT_TRUE(result.verdict);
  EXPECT_EQ(result.verdict.event_id(), "m-1");
}

TEST(Wrapper, MissingPolicyThrowsPolicyErrorNamingThePath) {
  const sdk_test::ScratchDir dir;
  const std::string missing = dir.file("no-such-policy.yaml");
  const bg::Error e = expect_error([&] { bg::Engine{api(), bg::EngineConfig{missing, {}, {}}}; });
  EXPECT_EQ(e.status(), BG_E_POLICY);
  EXPECT_NE(std::string{e.what()}.find("no-such-policy.yaml"), std::string::npos) << e.what();
}

TEST(Wrapper, ExplicitDefaultPolicyOpens) {
  const bg::Engine engine{api(), bg::EngineConfig{BG_TEST_POLICY_DIR "/default/pack.yaml"}};
  EXPECT_TRUE(engine);
}

TEST(Wrapper, BadOptionsThrowInvalidArgument) {
  const bg::Error e = expect_error([] {
    bg::Engine{api(), bg::EngineConfig{{}, {}, R"({"no_such_key":1})"}};
  });
  EXPECT_EQ(e.status(), BG_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string{e.what()}.find("no_such_key"), std::string::npos) << e.what();
}

TEST(Wrapper, NullApiThrows) {
  EXPECT_EQ(expect_error([] { bg::Engine{nullptr}; }).status(), BG_E_INVALID_ARGUMENT);
}

TEST(Wrapper, VerdictMoveTransfersOwnership) {
  const bg::Engine engine = open_with_roster();
  bg::Verdict a = engine.evaluate_json(sdk_test::kLateMessage).value();
  bg_verdict* handle = a.get();
  bg::Verdict b{std::move(a)};
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): moved-from is defined to be empty
  EXPECT_EQ(b.get(), handle);
  EXPECT_EQ(b.event_id(), "m-1");

  bg::Verdict c = engine.evaluate_json(sdk_test::kDaytimeMessage).value();
  c = std::move(b);  // frees c's old verdict
  EXPECT_EQ(c.get(), handle);
  EXPECT_FALSE(b);  // NOLINT(bugprone-use-after-move)

  // An empty verdict reads as nothing.
  EXPECT_EQ(a.event_id(), "");  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(a.decision(), BG_DECISION_ALLOW);
  EXPECT_EQ(a.json(), "");
  EXPECT_EQ(a.finding_count(), 0u);
  EXPECT_TRUE(a.findings().empty());
}

TEST(Wrapper, VerdictReleaseHandsOverTheHandle) {
  const bg::Engine engine = open_with_roster();
  bg::Verdict verdict = engine.evaluate_json(sdk_test::kLateMessage).value();
  bg_verdict* raw = verdict.release();
  EXPECT_FALSE(verdict);
  ASSERT_NE(raw, nullptr);
  const bg::Verdict adopted{api(), raw};
  EXPECT_EQ(adopted.event_id(), "m-1");
}

TEST(Wrapper, VerdictOutlivesItsEngine) {
  bg::Verdict verdict;
  {
    const bg::Engine engine = open_with_roster();
    verdict = engine.evaluate_json(sdk_test::kLateMessage).value();
  }
  EXPECT_EQ(verdict.event_id(), "m-1");
  EXPECT_EQ(verdict.decision(), BG_DECISION_WARN);
}

TEST(Wrapper, EngineMoveLeavesAnEmptyEngineThatFailsCleanly) {
  bg::Engine a = open_with_roster();
  bg::Engine b{std::move(a)};
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(b);
  EXPECT_EQ(b.evaluate_json(sdk_test::kLateMessage).verdict.decision(), BG_DECISION_WARN);

  const bg::Evaluation on_empty = a.evaluate_json(sdk_test::kLateMessage);
  EXPECT_EQ(on_empty.status, BG_E_INVALID_ARGUMENT);
  EXPECT_FALSE(on_empty.verdict);
  EXPECT_EQ(expect_error([&] { a.flush(); }).status(), BG_E_INVALID_ARGUMENT);

  a = std::move(b);  // assignment into the empty engine
  EXPECT_TRUE(a);
  EXPECT_EQ(a.evaluate_json(sdk_test::kLateMessage).verdict.decision(), BG_DECISION_WARN);
  a.close();
  EXPECT_FALSE(a);
}

TEST(Wrapper, AuditLogGivesAuditIdsAndTakesOutcomes) {
  const sdk_test::ScratchDir dir;
  const bg::Engine engine = open_with_roster(dir.file("audit.db"));
  const bg::Verdict verdict = engine.evaluate_json(sdk_test::kLateMessage).value();
  EXPECT_FALSE(verdict.audit_id().empty());
  engine.flush();
  EXPECT_NO_THROW(engine.record_outcome("m-1", BG_OUTCOME_EDITED));
  EXPECT_NO_THROW(
      engine.record_outcome("m-1", BG_OUTCOME_SENT_ANYWAY, "crisis follow-up agreed in session"));
}

TEST(Wrapper, OutcomeErrorsCarryStatusAndMessage) {
  const sdk_test::ScratchDir dir;
  const bg::Engine engine = open_with_roster(dir.file("audit.db"));
  const bg::Error unknown = expect_error([&] { engine.record_outcome("m-404", BG_OUTCOME_SENT); });
  EXPECT_EQ(unknown.status(), BG_E_NOT_FOUND);
  EXPECT_NE(std::string{unknown.what()}.find("m-404"), std::string::npos) << unknown.what();

  const bg::Error no_reason =
      expect_error([&] { engine.record_outcome("m-1", BG_OUTCOME_SENT_ANYWAY); });
  EXPECT_EQ(no_reason.status(), BG_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string{no_reason.what()}.find("justification"), std::string::npos);
}

TEST(Wrapper, ReloadPolicyFailureKeepsTheOldPolicy) {
  const sdk_test::ScratchDir dir;
  const bg::Engine engine = open_with_roster();
  const bg::Error e = expect_error([&] { engine.reload_policy(dir.file("missing.yaml")); });
  EXPECT_EQ(e.status(), BG_E_POLICY);
  EXPECT_FALSE(std::string{e.what()}.empty());
  EXPECT_EQ(engine.evaluate_json(sdk_test::kLateMessage).verdict.decision(), BG_DECISION_WARN);
  EXPECT_NO_THROW(engine.reload_policy());
  EXPECT_NO_THROW(engine.reload_policy(BG_TEST_POLICY_DIR "/default/pack.yaml"));
}

TEST(Wrapper, FlushWithoutAuditLogSucceeds) {
  const bg::Engine engine{api()};
  EXPECT_NO_THROW(engine.flush());
  EXPECT_STRNE(engine.plugin_version(), "");
}

TEST(Wrapper, NamesOfStatusesDecisionsAndSeverities) {
  EXPECT_STREQ(bg::status_name(BG_OK), "BG_OK");
  EXPECT_STREQ(bg::status_name(BG_E_BAD_EVENT), "BG_E_BAD_EVENT");
  EXPECT_STREQ(bg::status_name(BG_E_INTERNAL), "BG_E_INTERNAL");
  EXPECT_STREQ(bg::status_name(999), "BG_E_UNKNOWN");
  EXPECT_STREQ(bg::decision_name(BG_DECISION_HOLD), "hold");
  EXPECT_STREQ(bg::severity_name(BG_SEVERITY_CRITICAL), "critical");
  const bg::Error e{BG_E_POLICY, ""};
  EXPECT_STREQ(e.what(), "BG_E_POLICY");
  EXPECT_EQ(e.status(), BG_E_POLICY);
}

}  // namespace
