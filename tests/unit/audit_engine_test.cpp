// What the engine records: policy changes when a policy is loaded or reloaded, and for a flagged
// event the metadata a reviewer needs, with the evidence kept as the policy says.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "audit_test_support.h"
#include "engine/engine.h"
#include "test_support.h"

namespace bg::test {
namespace {

using Json = nlohmann::json;

// A small self-contained pack (one off-hours rule) to reload into.
constexpr const char* kLatePack = R"yaml(pack: late-hours
version: "7"
description: Late default hours (audit tests).
settings:
  default_hours:
    mon: ["08:00-22:00"]
    tue: ["08:00-22:00"]
    wed: ["08:00-22:00"]
    thu: ["08:00-22:00"]
    fri: ["08:00-22:00"]
  evidence: spans
  retention_years: 8
rules:
  - id: contact-off-hours
    description: A therapist's message outside their working hours.
    events: [message]
    when: sender.role == 'therapist' and time.known and not time.in_hours
    category: off_hours
    severity: medium
    decision: warn
    citations: ["NASW 1.06(e)"]
    notice: "It's {therapist_time}, outside your working hours ({hours})."
)yaml";

std::vector<Json> bodies(const std::string& path, const std::string& kind) {
  std::vector<Json> out;
  const std::string joined =
      sql_value(path, "SELECT '[' || group_concat(body, ',') || ']' FROM entries WHERE kind = '" +
                          kind + "' ORDER BY seq");
  if (!joined.empty()) out = Json::parse(joined).get<std::vector<Json>>();
  return out;
}

TEST(AuditEngine, PolicyLoadsAndReloadsAreRecordedWhenThePolicyChanges) {
  TempDir dir;
  const std::string audit = dir.path("audit.db");
  const std::string pack = dir.path("late.yaml");
  std::ofstream{pack} << kLatePack;
  {
    auto engine = make_engine(audit);
    EXPECT_EQ(eval(*engine, message("m-1", "2026-03-04T23:15:00-06:00", "can't sleep"))->audit_id,
              "au-000001")
        << "policy entries have their own ids";
    std::string error;
    EXPECT_EQ(engine->reload_policy(dir.path("missing.yaml"), error), Status::policy);
    EXPECT_EQ(engine->reload_policy(pack, error), Status::ok) << error;
  }
  { auto again = make_engine(audit); }  // the default pack again: a change back
  { auto same = make_engine(audit); }   // unchanged: nothing new
  const auto policies = bodies(audit, "policy");
  ASSERT_EQ(policies.size(), 3u);
  EXPECT_EQ(policies[0]["change"], "loaded");
  EXPECT_EQ(policies[1]["change"], "reloaded");
  EXPECT_EQ(policies[1]["name"], "late-hours");
  EXPECT_EQ(policies[1]["evidence_mode"], "spans");
  EXPECT_EQ(policies[1]["retention_years"], 8);
  EXPECT_EQ(policies[1]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(policies[2]["change"], "loaded");
  EXPECT_EQ(policies[2]["sha256"], policies[0]["sha256"]);
  EXPECT_EQ(sql_value(audit, "SELECT group_concat(audit_id) FROM entries WHERE kind = 'policy'"),
            "pc-000001,pc-000002,pc-000003");
}

TEST(AuditEngine, AFlaggedEventIsRecordedWithWhatAReviewerNeeds) {
  TempDir dir;
  const std::string audit = dir.path("audit.db");
  {
    auto engine = make_engine(audit);
    eval(*engine, message("m-1", "2026-03-04T23:15:00-06:00",
                          "can't sleep, thinking about you. the whole week was long"));
  }
  const auto verdicts = bodies(audit, "verdict");
  ASSERT_EQ(verdicts.size(), 1u);
  const Json& b = verdicts[0];
  EXPECT_EQ(b["event_id"], "m-1");
  EXPECT_EQ(b["event_type"], "message");
  EXPECT_EQ(b["therapist"], "t-ana");
  EXPECT_EQ(b["client"], "c-042");
  EXPECT_EQ(b["supervisor"], "s-lee");
  EXPECT_EQ(b["event_time_utc"], "2026-03-05T05:15:00Z");
  EXPECT_EQ(b["therapist_zone"], "America/Chicago");
  EXPECT_EQ(b["client_zone"], "America/Denver");
  EXPECT_EQ(b["engine_version"], Engine::version());
  EXPECT_EQ(b["policy_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(b["evidence_mode"], "window");
  EXPECT_FALSE(b.contains("text"));
  const auto& finding = b["verdict"]["findings"][0];
  for (const char* key :
       {"rule", "category", "severity", "decision", "citations", "explanation", "evidence"}) {
    EXPECT_TRUE(finding.contains(key)) << key;
  }
}

TEST(AuditEngine, EvidenceIsKeptAsThePolicySays) {
  TempDir dir;
  const std::string text = "can't sleep, thinking about you. the whole week was long";
  const Verdict v = flagged_verdict("m-1");  // evidence "can't sleep" at 0-11
  struct Case {
    EvidenceMode mode;
    bool excerpts;
    bool whole;
  };
  for (const Case c :
       {Case{EvidenceMode::window, true, false}, Case{EvidenceMode::spans, false, false},
        Case{EvidenceMode::full, false, true}}) {
    const std::string path = dir.path(std::string{name_of(c.mode)} + ".db");
    {
      SqliteAuditStore store{path, "1.0.0", quick_options()};
      VerdictEntry e = entry_for(v, text);
      e.evidence = c.mode;
      e.evidence_window_chars = 10;
      store.append_verdict(e);
    }
    const auto body = bodies(path, "verdict").at(0);
    EXPECT_EQ(body["evidence_mode"], name_of(c.mode));
    EXPECT_EQ(body.contains("excerpts"), c.excerpts) << name_of(c.mode);
    EXPECT_EQ(body.contains("text"), c.whole) << name_of(c.mode);
    const bool stored_whole = body.dump().find(text) != std::string::npos;
    EXPECT_EQ(stored_whole, c.whole) << name_of(c.mode);
    if (c.excerpts) {
      EXPECT_EQ(body["excerpts"][0]["text"], "can't sleep, thinking");
    }
  }
}

}  // namespace
}  // namespace bg::test
