// Internal failures, injected with the documented "fault_injection" option: they come back as a
// status with a message and a fail-safe verdict, never as a crash, and the engine keeps serving.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

const Json kAna = therapist_party("t-ana");
const Json kC042 = client_party("c-042");

Json therapist_message(const std::string& id) {
  return message(id, "2026-03-04T23:15:00-06:00", kAna, kC042, "practice_sms",
                 "can't sleep, thinking about you");
}
Json client_message(const std::string& id) {
  return message(id, "2026-03-04T23:20:00-06:00", kC042, kAna, "personal_sms", "you up?");
}
Json booking(const std::string& id) {
  return appointment(id, "created", "2026-03-05T19:00:00-06:00", "2026-03-05T19:50:00-06:00",
                     "t-ana", "c-042", "office");
}
Json gift(const std::string& id) {
  return payment(id, "2026-03-05T14:00:00-06:00", kC042, kAna, "gift", 120);
}
Json follow(const std::string& id) {
  return social(id, "2026-03-05T14:00:00-06:00", "follow", kAna, kC042);
}

// The shape of every fail-safe verdict.
void expect_fail_safe(const EvalResult& r, bg_decision decision, const std::string& what) {
  ASSERT_NE(r.verdict, nullptr) << what << ": no fail-safe verdict";
  const bg_verdict* v = r.verdict.get();
  EXPECT_EQ(api().verdict_decision(v), decision) << what;
  EXPECT_EQ(api().verdict_finding_count(v), 0u) << what;
  EXPECT_EQ(text(api().verdict_audit_id(v)), "") << what;
  EXPECT_NE(text(api().verdict_notice(v)), "") << what << ": the therapist is told";
  const auto line = Json::parse(verdict_json(v));
  EXPECT_EQ(line.value("fail_safe", false), true) << what << ": " << line.dump();
  EXPECT_NE(r.error, "") << what << ": last_error() says what failed";
}

TEST(AbiFaultInjection, DetectorFaultIsInternalWithAnAllowVerdict) {
  auto engine = must_open("", "", R"({"fault_injection":"detector"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());  // roster events do not run detectors
  int n = 0;
  for (const Json& event : {therapist_message("m-1"), client_message("m-2"), booking("a-1"),
                            gift("p-1"), follow("s-1"), therapist_message("m-3")}) {
    const auto r = evaluate(engine.get(), event);
    EXPECT_EQ(r.status, BG_E_INTERNAL) << event.dump();
    expect_fail_safe(r, BG_DECISION_ALLOW, event.dump());
    EXPECT_THAT(r.error, HasSubstr("internal"));
    ++n;
    // The engine keeps serving between faults.
    EXPECT_EQ(
        evaluate_line(engine.get(), R"({"type":"client","id":"c-new","therapist":"t-ana"})").status,
        BG_OK);
  }
  EXPECT_EQ(n, 6);
  EXPECT_EQ(api().flush(engine.get()), BG_OK);
}

TEST(AbiFaultInjection, DetectorFaultFailClosedHoldsWhatCanBeStopped) {
  auto engine = must_open("", "", R"({"fault_injection":"detector","fail_mode":"closed"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto message = evaluate(engine.get(), therapist_message("m-1"));
  EXPECT_EQ(message.status, BG_E_INTERNAL);
  expect_fail_safe(message, BG_DECISION_HOLD, "a therapist's outbound message");

  const auto session = evaluate(engine.get(), booking("a-1"));
  EXPECT_EQ(session.status, BG_E_INTERNAL);
  expect_fail_safe(session, BG_DECISION_HOLD, "a booking");

  // After-the-fact events cannot be stopped: at most warn.
  const auto pay = evaluate(engine.get(), gift("p-1"));
  EXPECT_EQ(pay.status, BG_E_INTERNAL);
  expect_fail_safe(pay, BG_DECISION_WARN, "a recorded payment");
  const auto soc = evaluate(engine.get(), follow("s-1"));
  EXPECT_EQ(soc.status, BG_E_INTERNAL);
  expect_fail_safe(soc, BG_DECISION_WARN, "a follow");

  // A client's message is never held or blocked, even failing closed.
  const auto inbound = evaluate(engine.get(), client_message("m-2"));
  EXPECT_EQ(inbound.status, BG_E_INTERNAL);
  ASSERT_NE(inbound.verdict, nullptr);
  EXPECT_LE(api().verdict_decision(inbound.verdict.get()), BG_DECISION_WARN);
}

TEST(AbiFaultInjection, DetectorFaultThroughStructsToo) {
  auto engine = must_open("", "", R"({"fault_injection":"detector","fail_mode":"closed"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  StructEvent s{therapist_message("m-1")};
  const auto r = evaluate_struct(engine.get(), s.type(), s.get());
  EXPECT_EQ(r.status, BG_E_INTERNAL);
  expect_fail_safe(r, BG_DECISION_HOLD, "struct message");
}

TEST(AbiFaultInjection, BadAllocIsNoMemory) {
  auto engine = must_open("", "", R"({"fault_injection":"bad_alloc"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  for (const Json& event : {therapist_message("m-1"), booking("a-1"), gift("p-1")}) {
    const auto r = evaluate(engine.get(), event);
    EXPECT_EQ(r.status, BG_E_NO_MEMORY) << event.dump();
    EXPECT_THAT(r.error, HasSubstr("memory"));
    if (r.verdict != nullptr) {
      EXPECT_EQ(api().verdict_finding_count(r.verdict.get()), 0u);
      EXPECT_EQ(api().verdict_decision(r.verdict.get()), BG_DECISION_ALLOW);
    }
  }
  // Still serving.
  EXPECT_EQ(
      evaluate_line(engine.get(), R"({"type":"client","id":"c-new","therapist":"t-ana"})").status,
      BG_OK);
  EXPECT_EQ(last_error(engine.get()), "");
}

TEST(AbiFaultInjection, AuditFaultIsAuditErrorWithAFailSafeVerdict) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit, R"({"fault_injection":"audit"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());

  const auto flagged = evaluate(engine.get(), therapist_message("m-1"));
  EXPECT_EQ(flagged.status, BG_E_AUDIT);
  expect_fail_safe(flagged, BG_DECISION_ALLOW, "flagged message, audit failing");
  EXPECT_THAT(flagged.error, HasSubstr("audit"));

  // Nothing to log: evaluation goes through.
  const auto quiet = evaluate(engine.get(), message("m-2", "2026-03-04T10:00:00-06:00", kAna, kC042,
                                                    "portal", "See you Thursday."));
  EXPECT_EQ(quiet.status, BG_OK) << quiet.error;
  EXPECT_EQ(api().verdict_finding_count(quiet.verdict.get()), 0u);

  const auto session = evaluate(engine.get(), booking("a-1"));
  EXPECT_EQ(session.status, BG_E_AUDIT);
  expect_fail_safe(session, BG_DECISION_ALLOW, "flagged booking, audit failing");

  // A finding that could not be logged was not reported, so there is no outcome to record.
  bg_outcome o{};
  o.struct_size = static_cast<uint32_t>(sizeof o);
  o.event_id = view("m-1");
  o.kind = BG_OUTCOME_SENT;
  EXPECT_EQ(api().record_outcome(engine.get(), &o), BG_E_NOT_FOUND);

  EXPECT_EQ(api().flush(engine.get()), BG_OK);
  EXPECT_EQ(count_entries(audit, "verdict"), 0);
}

TEST(AbiFaultInjection, AuditFaultFailClosedHolds) {
  TempDir dir;
  auto engine = must_open("", dir.file("audit.sqlite"),
                          R"({"fault_injection":"audit","fail_mode":"closed"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto r = evaluate(engine.get(), therapist_message("m-1"));
  EXPECT_EQ(r.status, BG_E_AUDIT);
  expect_fail_safe(r, BG_DECISION_HOLD, "flagged message, audit failing, fail closed");
}

// An allocation failure is failed safe like any other fault: the configured decision, a
// fail-safe verdict, a message; then the engine goes on serving.
TEST(AbiFaultInjection, BadAllocFailClosedHoldsWhatCanBeStopped) {
  auto engine = must_open("", "", R"({"fault_injection":"bad_alloc","fail_mode":"closed"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto message = evaluate(engine.get(), therapist_message("m-1"));
  EXPECT_EQ(message.status, BG_E_NO_MEMORY);
  expect_fail_safe(message, BG_DECISION_HOLD, "a therapist's outbound message, out of memory");
  const auto pay = evaluate(engine.get(), gift("p-1"));
  EXPECT_EQ(pay.status, BG_E_NO_MEMORY);
  expect_fail_safe(pay, BG_DECISION_WARN, "a recorded payment, out of memory");
  EXPECT_EQ(
      evaluate_line(engine.get(), R"({"type":"client","id":"c-new","therapist":"t-ana"})").status,
      BG_OK);
}

// A fail-safe verdict is not the event's verdict: once the fault is gone (a new engine on the
// same audit log), the event is evaluated for real.
TEST(AbiFaultInjection, FailSafeVerdictIsNotRememberedForTheId) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  {
    auto engine = must_open("", audit, R"({"fault_injection":"audit"})");
    ASSERT_NE(engine, nullptr);
    load_roster(engine.get());
    EXPECT_EQ(evaluate(engine.get(), therapist_message("m-1")).status, BG_E_AUDIT);
    EXPECT_EQ(evaluate(engine.get(), therapist_message("m-1")).status, BG_E_AUDIT);
  }
  auto engine = must_open("", audit);
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto r = evaluate(engine.get(), therapist_message("m-1"));
  EXPECT_EQ(r.status, BG_OK) << r.error;
  EXPECT_EQ(timing_rules(r.verdict.get()), std::vector<std::string>{"personal-text-off-hours"});
  ASSERT_EQ(api().flush(engine.get()), BG_OK);  // the audit writer commits asynchronously
  EXPECT_EQ(count_entries(audit, "verdict", "m-1"), 1);
}

}  // namespace
}  // namespace bgtest
