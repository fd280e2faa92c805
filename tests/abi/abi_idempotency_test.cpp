// A repeated event id is the same event: it gets the first verdict, byte for byte, and the
// audit log holds one entry for it (entries.kind = 'verdict'), across threads, memory limits
// and engine restarts.
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

const Json kAna = therapist_party("t-ana");
const Json kC042 = client_party("c-042");

Json flagged(const std::string& id) {
  return message(id, "2026-03-04T23:15:00-06:00", kAna, kC042, "personal_sms",
                 "can't sleep, thinking about you");
}
Json unflagged(const std::string& id) {
  return message(id, "2026-03-04T10:00:00-06:00", kAna, kC042, "portal", "See you Thursday.");
}

TEST(AbiIdempotency, SameIdTwiceGivesTheSameBytesAndOneAuditEntry) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit);
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());

  const auto first = evaluate(engine.get(), flagged("m-1"));
  ASSERT_EQ(first.status, BG_OK) << first.error;
  ASSERT_GE(api().verdict_finding_count(first.verdict.get()), 2u);
  const std::string audit_id = text(api().verdict_audit_id(first.verdict.get()));
  EXPECT_NE(audit_id, "");

  const auto second = evaluate(engine.get(), flagged("m-1"));
  ASSERT_EQ(second.status, BG_OK) << second.error;
  EXPECT_EQ(verdict_json(second.verdict.get()), verdict_json(first.verdict.get()));
  EXPECT_EQ(text(api().verdict_audit_id(second.verdict.get())), audit_id);

  // Through the struct path too.
  StructEvent s{flagged("m-1")};
  const auto third = evaluate_struct(engine.get(), s.type(), s.get());
  ASSERT_EQ(third.status, BG_OK);
  EXPECT_EQ(verdict_json(third.verdict.get()), verdict_json(first.verdict.get()));

  ASSERT_EQ(api().flush(engine.get()), BG_OK);
  EXPECT_EQ(count_entries(audit, "verdict", "m-1"), 1);
  EXPECT_EQ(count_entries(audit, "verdict"), 1);
}

TEST(AbiIdempotency, UnflaggedEventsAreNotLogged) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit);
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto a = evaluate(engine.get(), unflagged("m-1"));
  const auto b = evaluate(engine.get(), unflagged("m-1"));
  ASSERT_EQ(a.status, BG_OK);
  EXPECT_EQ(verdict_json(a.verdict.get()), verdict_json(b.verdict.get()));
  EXPECT_EQ(text(api().verdict_audit_id(a.verdict.get())), "");
  ASSERT_EQ(api().flush(engine.get()), BG_OK);
  EXPECT_EQ(count_entries(audit, "verdict"), 0);
}

TEST(AbiIdempotency, ConcurrentFirstEvaluationsOfOneIdLogOnce) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit);
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  for (int round = 0; round < 20; ++round) {
    const std::string id = "race-" + std::to_string(round);
    const std::string line = flagged(id).dump();
    std::vector<std::string> results(8);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < results.size(); ++t) {
      threads.emplace_back([&, t] {
        const auto r = evaluate_line(engine.get(), line);
        results[t] = r.status == BG_OK ? verdict_json(r.verdict.get()) : "status " + r.error;
      });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& r : results) EXPECT_EQ(r, results[0]) << id;
    ASSERT_EQ(api().flush(engine.get()), BG_OK);
    EXPECT_EQ(count_entries(audit, "verdict", id), 1) << id;
  }
}

// The engine forgets old ids (seen_event_capacity); a flagged one is still found in the audit
// log and gets its first verdict, logged once.
TEST(AbiIdempotency, IdForgottenInMemoryIsFoundInTheAuditLog) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit, R"({"seen_event_capacity":1})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto first = evaluate(engine.get(), flagged("m-1"));
  ASSERT_EQ(first.status, BG_OK);
  for (int i = 0; i < 3; ++i) evaluate(engine.get(), flagged("other-" + std::to_string(i)));
  const auto again = evaluate(engine.get(), flagged("m-1"));
  ASSERT_EQ(again.status, BG_OK) << again.error;
  EXPECT_EQ(Json::parse(verdict_json(again.verdict.get())),
            Json::parse(verdict_json(first.verdict.get())));
  ASSERT_EQ(api().flush(engine.get()), BG_OK);
  EXPECT_EQ(count_entries(audit, "verdict", "m-1"), 1);
}

class AbiIdempotencyAcrossRestart : public ::testing::Test {
 protected:
  void SetUp() override {
    audit_ = dir_.file("audit.sqlite");
    auto engine = must_open("", audit_);
    ASSERT_NE(engine, nullptr);
    load_roster(engine.get());
    const auto r = evaluate(engine.get(), flagged("m-1"));
    ASSERT_EQ(r.status, BG_OK) << r.error;
    first_json_ = verdict_json(r.verdict.get());
    first_findings_ = findings(r.verdict.get());
    ASSERT_GE(first_findings_.size(), 2u);
    // engine_close flushes.
  }

  // A new engine on the same audit log. The roster is loaded again, as a host would after a
  // restart; the verdict of m-1 must not depend on it anyway.
  EvalResult reopen_and_repeat(bool with_roster = true) {
    reopened_ = must_open("", audit_);
    EXPECT_NE(reopened_, nullptr);
    if (with_roster) load_roster(reopened_.get());
    return evaluate(reopened_.get(), flagged("m-1"));
  }

  TempDir dir_;
  std::string audit_;
  std::string first_json_;
  std::vector<FindingView> first_findings_;
  EngineHandle reopened_;
};

TEST_F(AbiIdempotencyAcrossRestart, ReturnsTheFirstVerdictAndLogsNothingNew) {
  const auto again = reopen_and_repeat();
  ASSERT_EQ(again.status, BG_OK) << again.error;
  EXPECT_EQ(Json::parse(verdict_json(again.verdict.get())), Json::parse(first_json_));
  EXPECT_EQ(timing_rules(again.verdict.get()),
            (std::vector<std::string>{"personal-text-off-hours", "therapist-personal-channel"}));
  ASSERT_EQ(api().flush(reopened_.get()), BG_OK);
  EXPECT_EQ(count_entries(audit_, "verdict", "m-1"), 1);

  // Without the roster, too: the id alone decides.
  reopened_.reset();
  const auto bare = reopen_and_repeat(false);
  ASSERT_EQ(bare.status, BG_OK) << bare.error;
  EXPECT_EQ(Json::parse(verdict_json(bare.verdict.get())), Json::parse(first_json_));
}

TEST_F(AbiIdempotencyAcrossRestart, ReturnsByteIdenticalVerdictJson) {
  const auto again = reopen_and_repeat();
  ASSERT_EQ(again.status, BG_OK) << again.error;
  EXPECT_EQ(verdict_json(again.verdict.get()), first_json_);
}

TEST_F(AbiIdempotencyAcrossRestart, KeepsEveryFindingField) {
  const auto again = reopen_and_repeat();
  ASSERT_EQ(again.status, BG_OK) << again.error;
  const auto now = findings(again.verdict.get());
  ASSERT_EQ(now.size(), first_findings_.size());
  for (size_t i = 0; i < now.size(); ++i) {
    EXPECT_EQ(now[i].rule, first_findings_[i].rule);
    EXPECT_EQ(now[i].category, first_findings_[i].category);
    EXPECT_EQ(now[i].severity, first_findings_[i].severity);
    EXPECT_EQ(now[i].decision, first_findings_[i].decision);
    EXPECT_EQ(now[i].explanation, first_findings_[i].explanation);
    EXPECT_EQ(now[i].citations, first_findings_[i].citations);
    EXPECT_EQ(now[i].suppressed_by, first_findings_[i].suppressed_by);
    EXPECT_EQ(now[i].evidence.size(), first_findings_[i].evidence.size());
    EXPECT_EQ(now[i].notice, first_findings_[i].notice) << "finding " << i << " lost its notice";
  }
}

TEST_F(AbiIdempotencyAcrossRestart, NewEventsContinueTheLog) {
  const auto again = reopen_and_repeat();
  ASSERT_EQ(again.status, BG_OK);
  const auto next = evaluate(reopened_.get(), flagged("m-2"));
  ASSERT_EQ(next.status, BG_OK) << next.error;
  const std::string old_id = text(api().verdict_audit_id(again.verdict.get()));
  const std::string new_id = text(api().verdict_audit_id(next.verdict.get()));
  EXPECT_NE(new_id, "");
  EXPECT_NE(new_id, old_id);
  // An outcome for the event logged before the restart is accepted.
  bg_outcome o{};
  o.struct_size = static_cast<uint32_t>(sizeof o);
  o.event_id = view("m-1");
  o.kind = BG_OUTCOME_SENT_ANYWAY;
  o.justification = view("discussed in supervision");
  EXPECT_EQ(api().record_outcome(reopened_.get(), &o), BG_OK) << last_error(reopened_.get());
  ASSERT_EQ(api().flush(reopened_.get()), BG_OK);
  EXPECT_EQ(count_entries(audit_, "verdict"), 2);
  EXPECT_EQ(count_entries(audit_, "outcome", "m-1"), 1);
}

}  // namespace
}  // namespace bgtest
