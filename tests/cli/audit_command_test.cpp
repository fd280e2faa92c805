// boundaryctl audit, end to end: the demo week replayed into a log, then verified, listed,
// shown, resolved, exported, bundled, counted and (refused) purged as a supervisor would.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace {

using cli_test::run_boundaryctl;
using cli_test::RunResult;
using Json = nlohmann::json;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kDemoWeek = BG_SOURCE_POLICY_DIR "/../sdk/examples/demo/practice-week.jsonl";

class AuditCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new cli_test::ScratchDir;
    db_ = dir_->file("audit.db");
    const auto r = run_boundaryctl({"replay", "--db", db_, "--format", "summary", kDemoWeek});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static RunResult audit(std::vector<std::string> args) {
    args.insert(args.begin(), "audit");
    args.insert(args.begin() + 2, {"--plugin", BG_TEST_PLUGIN, "--db", db_});
    return run_boundaryctl(args);
  }

  static cli_test::ScratchDir* dir_;
  static std::string db_;
};

cli_test::ScratchDir* AuditCommand::dir_ = nullptr;
std::string AuditCommand::db_;

TEST_F(AuditCommand, TheDemoLogVerifies) {
  const auto r = audit({"verify"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(contains(r.out, "intact")) << r.out;
  const auto j = audit({"verify", "--format", "json"});
  EXPECT_EQ(Json::parse(j.out)["ok"], true);
}

TEST_F(AuditCommand, TheListIsASupervisorsQueue) {
  const auto r = audit({"list", "--status", "open"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* column : {"ID", "STATUS", "SEVERITY", "CATEGORIES", "THERAPIST", "CLIENT",
                             "THERAPIST'S TIME", "CLIENT'S TIME"}) {
    EXPECT_TRUE(contains(r.out, column)) << column;
  }
  EXPECT_TRUE(contains(r.out, "au-000001")) << r.out;
  EXPECT_TRUE(contains(r.out, " open")) << r.out;
  const auto j = audit({"list", "--format", "json", "--therapist", "t-ben"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto doc = Json::parse(j.out);
  ASSERT_GT(doc["count"].get<int>(), 0);
  for (const auto& f : doc["flags"]) {
    EXPECT_EQ(f["therapist"], "t-ben");
    EXPECT_EQ(f["therapist_zone"], "America/New_York");
  }
  const auto csv = audit({"list", "--format", "csv", "--supervisor", "s-lee", "--from",
                          "2026-03-01", "--until", "2026-03-31", "--severity", "medium"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("audit_id,status,", 0), 0u);
}

TEST_F(AuditCommand, ShowResolveAndTheStatusFollows) {
  const auto shown = audit({"show", "au-000002"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(contains(shown.out, "Flag au-000002: open")) << shown.out;
  const auto resolved =
      audit({"resolve", "au-000002", "--disposition", "false_positive", "--reason",
             "crisis plan on file", "--by", "s-lee", "--note", "talked it through"});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  EXPECT_TRUE(contains(resolved.out, "rv-")) << resolved.out;
  const auto again = audit({"show", "au-000002", "--format", "json"});
  const auto doc = Json::parse(again.out);
  EXPECT_EQ(doc["status"], "resolved");
  EXPECT_EQ(doc["dispositions"][0]["reason"], "crisis plan on file");
  EXPECT_EQ(audit({"verify"}).exit_code, 0) << "a disposition keeps the chain intact";
  const auto no_reason =
      audit({"resolve", "au-000002", "--disposition", "false_positive", "--by", "s-lee"});
  EXPECT_EQ(no_reason.exit_code, 2);
  EXPECT_TRUE(contains(no_reason.err, "reason")) << no_reason.err;
  EXPECT_EQ(audit({"resolve", "au-000002", "--disposition", "shrugged", "--by", "s"}).exit_code, 2);
  EXPECT_EQ(audit({"show", "au-999999"}).exit_code, 2);
}

TEST_F(AuditCommand, ExportBundleAndStats) {
  const std::string csv = dir_->file("flags.csv");
  const auto exported = audit({"export", "--format", "csv", "--output", csv});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(contains(cli_test::read_file(csv), "audit_id,event_id,"));
  const auto jsonl = audit({"export", "--format", "jsonl", "--category", "off_hours"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_TRUE(contains(jsonl.out, "\"off_hours\""));
  const auto bundle = audit({"bundle", "--id", "au-000001"});
  ASSERT_EQ(bundle.exit_code, 0) << bundle.err;
  const auto doc = Json::parse(bundle.out);
  EXPECT_EQ(doc["flags"].size(), 1u);
  EXPECT_EQ(doc["verification"]["ok"], true);
  const auto stats = audit({"stats"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  for (const char* part : {"Flags per therapist", "t-ana", "Flags per category", "2026-W"}) {
    EXPECT_TRUE(contains(stats.out, part)) << part << "\n" << stats.out;
  }
}

TEST_F(AuditCommand, PurgeInsideTheRetentionPeriodIsRefused) {
  const auto r = audit({"purge", "--before", "2026-01-01", "--by", "admin"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "retention period")) << r.err;
}

TEST(AuditCommandErrors, AMissingLogAndATamperedOneAreReported) {
  cli_test::ScratchDir dir;
  const auto missing =
      run_boundaryctl({"audit", "verify", "--plugin", BG_TEST_PLUGIN, "--db", dir.file("none.db")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "no audit log")) << missing.err;
  const std::string db = dir.file("audit.db");
  // The day's file has rejected lines on purpose (exit 1); its flagged events are logged.
  ASSERT_LE(
      run_boundaryctl({"replay", "--db", db, BG_CLI_DATA_DIR "/practice-day.jsonl"}).exit_code, 1);
  std::filesystem::remove(db + ".bg-head");
  const auto tampered =
      run_boundaryctl({"audit", "verify", "--plugin", BG_TEST_PLUGIN, "--db", db});
  EXPECT_EQ(tampered.exit_code, 1);
  EXPECT_TRUE(contains(tampered.out, "TAMPERED")) << tampered.out;
}

TEST(AuditCommandErrors, HelpListsTheAuditCommands) {
  const auto r = run_boundaryctl({"audit", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd :
       {"verify", "list", "show", "resolve", "export", "bundle", "stats", "purge"}) {
    EXPECT_TRUE(contains(r.out, cmd)) << cmd;
  }
}

}  // namespace
