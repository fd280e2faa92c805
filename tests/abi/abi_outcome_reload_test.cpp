// record_outcome and reload_policy through the ABI.
#include <sqlite3.h>

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

const Json kAna = therapist_party("t-ana");
const Json kC042 = client_party("c-042");

Json flagged_message(const std::string& id) {
  return message(id, "2026-03-04T23:15:00-06:00", kAna, kC042, "practice_sms",
                 "can't sleep, my week has been brutal");  // a warning, not a hold
}

// `event_id` and `justification` must outlive the outcome (string literals do).
bg_outcome outcome(const char* event_id, bg_outcome_kind kind, const char* justification) {
  bg_outcome o{};
  o.struct_size = static_cast<uint32_t>(sizeof o);
  o.event_id = view(event_id);
  o.kind = kind;
  o.justification = justification ? view(justification) : bg_str{nullptr, 0};
  return o;
}

// The body of the newest outcome entry for `event_id`.
std::string outcome_body(const std::string& audit_path, const std::string& event_id) {
  sqlite3* db = nullptr;
  std::string body;
  if (sqlite3_open_v2(audit_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT body FROM entries WHERE kind = 'outcome' AND event_id = ?1 "
                           "ORDER BY seq DESC LIMIT 1",
                           -1, &stmt, nullptr) == SQLITE_OK) {
      sqlite3_bind_text(stmt, 1, event_id.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(stmt) == SQLITE_ROW) {
        body = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      }
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return body;
}

class AbiRecordOutcome : public ::testing::Test {
 protected:
  void SetUp() override {
    audit_ = dir_.file("audit.sqlite");
    engine_ = must_open("", audit_);
    ASSERT_NE(engine_, nullptr);
    load_roster(engine_.get());
    const auto r = evaluate(engine_.get(), flagged_message("m-1"));
    ASSERT_EQ(r.status, BG_OK) << r.error;
    ASSERT_EQ(api().verdict_decision(r.verdict.get()), BG_DECISION_WARN);
  }

  TempDir dir_;
  std::string audit_;
  EngineHandle engine_;
};

TEST_F(AbiRecordOutcome, SentAnywayWithJustificationIsRecorded) {
  const auto o = outcome("m-1", BG_OUTCOME_SENT_ANYWAY, "client asked for a reply tonight");
  EXPECT_EQ(api().record_outcome(engine_.get(), &o), BG_OK) << last_error(engine_.get());
  EXPECT_EQ(last_error(engine_.get()), "");
  ASSERT_EQ(api().flush(engine_.get()), BG_OK);
  EXPECT_EQ(count_entries(audit_, "outcome", "m-1"), 1);
  const std::string body = outcome_body(audit_, "m-1");
  EXPECT_THAT(body, HasSubstr("sent_anyway"));
  EXPECT_THAT(body, HasSubstr("client asked for a reply tonight"));
}

TEST_F(AbiRecordOutcome, SentAnywayWithoutJustificationIsInvalidArgument) {
  auto o = outcome("m-1", BG_OUTCOME_SENT_ANYWAY, nullptr);
  EXPECT_EQ(api().record_outcome(engine_.get(), &o), BG_E_INVALID_ARGUMENT);
  EXPECT_THAT(last_error(engine_.get()), HasSubstr("justification"));
  o.justification = view("");
  EXPECT_EQ(api().record_outcome(engine_.get(), &o), BG_E_INVALID_ARGUMENT);
  ASSERT_EQ(api().flush(engine_.get()), BG_OK);
  EXPECT_EQ(count_entries(audit_, "outcome"), 0);
}

TEST_F(AbiRecordOutcome, OtherKindsNeedNoJustification) {
  for (const bg_outcome_kind kind : {BG_OUTCOME_SENT, BG_OUTCOME_EDITED, BG_OUTCOME_CANCELLED}) {
    const auto o = outcome("m-1", kind, nullptr);
    EXPECT_EQ(api().record_outcome(engine_.get(), &o), BG_OK) << kind;
  }
  ASSERT_EQ(api().flush(engine_.get()), BG_OK);
  EXPECT_EQ(count_entries(audit_, "outcome", "m-1"), 3);
}

TEST_F(AbiRecordOutcome, UnknownEventIsNotFound) {
  const auto o = outcome("never-seen", BG_OUTCOME_SENT, nullptr);
  EXPECT_EQ(api().record_outcome(engine_.get(), &o), BG_E_NOT_FOUND);
  EXPECT_THAT(last_error(engine_.get()), HasSubstr("never-seen"));
  ASSERT_EQ(api().flush(engine_.get()), BG_OK);
  EXPECT_EQ(count_entries(audit_, "outcome"), 0);
}

TEST_F(AbiRecordOutcome, BadKindAndStructSizesAreRefused) {
  for (const bg_outcome_kind kind : {0, 5, -1}) {
    const auto o = outcome("m-1", kind, "x");
    EXPECT_EQ(api().record_outcome(engine_.get(), &o), BG_E_INVALID_ARGUMENT) << kind;
  }
  auto small = outcome("m-1", BG_OUTCOME_SENT, nullptr);
  small.struct_size = static_cast<uint32_t>(offsetof(bg_outcome, at_ms));
  EXPECT_EQ(api().record_outcome(engine_.get(), &small), BG_E_INVALID_ARGUMENT);

  struct Newer {
    bg_outcome v1;
    uint64_t added_later;
  } newer{};
  newer.v1 = outcome("m-1", BG_OUTCOME_SENT, nullptr);
  newer.v1.struct_size = static_cast<uint32_t>(sizeof newer);
  newer.added_later = 7;
  EXPECT_EQ(api().record_outcome(engine_.get(), &newer.v1), BG_E_UNSUPPORTED);
  newer.added_later = 0;
  EXPECT_EQ(api().record_outcome(engine_.get(), &newer.v1), BG_OK) << last_error(engine_.get());

  auto null_id = outcome("m-1", BG_OUTCOME_SENT, nullptr);
  null_id.event_id = bg_str{nullptr, 3};
  EXPECT_EQ(api().record_outcome(engine_.get(), &null_id), BG_E_INVALID_ARGUMENT);
}

TEST(AbiRecordOutcomeWithoutAudit, IsNotFound) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  ASSERT_EQ(evaluate(engine.get(), flagged_message("m-1")).status, BG_OK);
  const auto o = outcome("m-1", BG_OUTCOME_SENT_ANYWAY, "reason");
  EXPECT_EQ(api().record_outcome(engine.get(), &o), BG_E_NOT_FOUND);
  EXPECT_NE(last_error(engine.get()), "");
}

// ------------------------------------------------------------------------------------------
// reload_policy

class AbiReloadPolicy : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = must_open(default_policy_dir());
    ASSERT_NE(engine_, nullptr);
    load_roster(engine_.get());
  }

  // A therapist message at 19:00 on a Wednesday from t-cruz (policy default hours) to c-301.
  EvalResult evening(const std::string& id) {
    return evaluate(engine_.get(),
                    message(id, "2026-03-04T19:00:00-08:00", therapist_party("t-cruz"),
                            client_party("c-301"), "portal", "Your superbill is ready."));
  }

  EngineHandle engine_;
};

TEST_F(AbiReloadPolicy, BrokenPolicyIsPolicyErrorAndTheOldOneStaysActive) {
  const auto before = evaluate(engine_.get(), flagged_message("m-1"));
  ASSERT_EQ(before.status, BG_OK);
  const std::string before_json = verdict_json(before.verdict.get());

  for (const char* broken : {"broken_rule", "broken_yaml"}) {
    const std::string path = data_path(broken);
    EXPECT_EQ(api().reload_policy(engine_.get(), view(path)), BG_E_POLICY) << broken;
    EXPECT_THAT(last_error(engine_.get()), HasSubstr("pack.yaml:")) << broken;
  }
  EXPECT_THAT(
      [&] {
        api().reload_policy(engine_.get(), view(data_path("broken_rule")));
        return last_error(engine_.get());
      }(),
      HasSubstr("catastrophic"));

  // Evaluation still works, under the old policy: the same content gives the same verdict.
  const auto after = evaluate(engine_.get(), flagged_message("m-2"));
  ASSERT_EQ(after.status, BG_OK) << after.error;
  EXPECT_EQ(json_without(verdict_json(after.verdict.get()), {"event"}),
            json_without(before_json, {"event"}));
}

TEST_F(AbiReloadPolicy, MissingPolicyIsPolicyErrorAndTheOldOneStaysActive) {
  TempDir dir;
  const std::string missing = dir.file("gone/pack.yaml");
  EXPECT_EQ(api().reload_policy(engine_.get(), view(missing)), BG_E_POLICY);
  EXPECT_NE(last_error(engine_.get()), "");
  EXPECT_EQ(timing_rules(evening("m-1").verdict.get()),
            std::vector<std::string>{"contact-off-hours"});
}

TEST_F(AbiReloadPolicy, ValidPolicyAppliesToNewEventsOnly) {
  const auto before = evening("m-1");
  ASSERT_EQ(timing_rules(before.verdict.get()), std::vector<std::string>{"contact-off-hours"});
  const std::string late = data_path("late_hours");
  ASSERT_EQ(api().reload_policy(engine_.get(), view(late)), BG_OK) << last_error(engine_.get());
  EXPECT_EQ(last_error(engine_.get()), "");
  // 19:00 is inside the new default hours (08:00-22:00).
  const auto after = evening("m-2");
  EXPECT_EQ(timing_rules(after.verdict.get()), std::vector<std::string>{});
  EXPECT_THAT(verdict_json(after.verdict.get()), HasSubstr("late-hours@7"));
  // A repeated id still gets its first verdict, from the old policy.
  EXPECT_EQ(verdict_json(evening("m-1").verdict.get()), verdict_json(before.verdict.get()));
}

TEST_F(AbiReloadPolicy, EmptyPathReloadsTheLastGoodPolicy) {
  const std::string late = data_path("late_hours");
  ASSERT_EQ(api().reload_policy(engine_.get(), view(late)), BG_OK);
  ASSERT_EQ(api().reload_policy(engine_.get(), view(data_path("broken_rule"))), BG_E_POLICY);
  // "" means the current path: the late-hours pack, not the broken file that was refused.
  EXPECT_EQ(api().reload_policy(engine_.get(), view("")), BG_OK) << last_error(engine_.get());
  EXPECT_THAT(verdict_json(evening("m-3").verdict.get()), HasSubstr("late-hours@7"));
}

TEST_F(AbiReloadPolicy, SamePolicyAgainChangesNothing) {
  const auto before = evaluate(engine_.get(), flagged_message("m-1"));
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(api().reload_policy(engine_.get(), view(default_policy_dir())), BG_OK);
  }
  const auto after = evaluate(engine_.get(), flagged_message("m-2"));
  EXPECT_EQ(json_without(verdict_json(after.verdict.get()), {"event"}),
            json_without(verdict_json(before.verdict.get()), {"event"}));
}

}  // namespace
}  // namespace bgtest
