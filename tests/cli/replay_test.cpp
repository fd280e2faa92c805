// boundaryctl replay, end to end, on tests/cli/data/practice-day.jsonl (see its README).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace {

using cli_test::data_file;
using cli_test::run_boundaryctl;
using nlohmann::json;

const std::string kFixture = data_file("practice-day.jsonl");
constexpr size_t kNonBlankLines = 11;  // 12 lines, one blank
constexpr int kBadLine = 9;

json parse(const std::string& line) {
  json j = json::parse(line, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << line;
  return j;
}

// The fixture without its bad line.
std::string clean_fixture() {
  const std::string all = cli_test::read_file(kFixture);
  std::string out;
  size_t start = 0;
  for (int n = 1; start < all.size(); ++n) {
    const size_t end = all.find('\n', start);
    const size_t next = end == std::string::npos ? all.size() : end + 1;
    if (n != kBadLine) out += all.substr(start, next - start);
    start = next;
  }
  return out;
}

TEST(Replay, OneOutputLinePerInputLineInOrder) {
  const auto r = run_boundaryctl({"replay", "--no-audit", kFixture});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto lines = r.out_lines();
  ASSERT_EQ(lines.size(), kNonBlankLines) << r.out;
  const std::vector<std::string> expected_ids{"t-ana", "t-ben", "c-042", "c-051", "m-1", "m-2",
                                              "m-3",   "",      "m-2",   "m-5",   "a-1"};
  for (size_t i = 0; i < lines.size(); ++i) {
    const json j = parse(lines[i]);
    if (expected_ids[i].empty()) {
      EXPECT_TRUE(j.contains("error")) << lines[i];
    } else {
      EXPECT_EQ(j.value("event", ""), expected_ids[i]) << lines[i];
    }
  }
}

TEST(Replay, VerdictsMatchTheFixturesIntent) {
  const auto r = run_boundaryctl({"replay", "--no-audit", kFixture});
  const auto lines = r.out_lines();
  ASSERT_EQ(lines.size(), kNonBlankLines);
  const json roster = parse(lines[0]);
  EXPECT_EQ(roster["decision"], "allow");
  EXPECT_TRUE(roster["findings"].empty());

  EXPECT_TRUE(parse(lines[4])["findings"].empty()) << "daytime portal reminder";

  const json late = parse(lines[5]);
  ASSERT_FALSE(late["findings"].empty());
  EXPECT_EQ(late["findings"][0]["category"], "off_hours");
  EXPECT_EQ(late["findings"][0]["severity"], "high");

  const json personal = parse(lines[6]);
  EXPECT_EQ(personal["decision"], "warn");
  ASSERT_FALSE(personal["findings"].empty());
  EXPECT_EQ(personal["findings"][0]["category"], "personal_channel");

  EXPECT_EQ(parse(lines[9])["decision"], "allow") << "a client's message is never held";
}

TEST(Replay, RejectedLineNamesTheLineAndTheField) {
  const auto r = run_boundaryctl({"replay", "--no-audit", kFixture});
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = r.out_lines();
  ASSERT_EQ(lines.size(), kNonBlankLines);
  const json rejected = parse(lines[7]);
  EXPECT_EQ(rejected["line"], kBadLine);
  ASSERT_TRUE(rejected["error"].is_string());
  const std::string error = rejected["error"];
  EXPECT_NE(error.find("\"at\""), std::string::npos) << error;
  EXPECT_NE(error.find("m-4"), std::string::npos) << error;
  EXPECT_EQ(rejected.size(), 2u) << "exactly {line, error}";
}

TEST(Replay, RepeatedIdGivesAnIdenticalVerdict) {
  const auto lines = run_boundaryctl({"replay", "--no-audit", kFixture}).out_lines();
  ASSERT_EQ(lines.size(), kNonBlankLines);
  EXPECT_EQ(lines[5], lines[8]);
}

TEST(Replay, CleanInputFromStdinExitsZero) {
  cli_test::RunOptions options;
  options.stdin_text = clean_fixture();
  const auto r = run_boundaryctl({"replay", "--no-audit", "-"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out_lines().size(), kNonBlankLines - 1);
  EXPECT_EQ(r.err, "");
}

TEST(Replay, StdinIsTheDefaultInput) {
  cli_test::RunOptions options;
  options.stdin_text = "\n\n" + clean_fixture() + "\r\n  \n";
  const auto r = run_boundaryctl({"replay", "--no-audit"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out_lines().size(), kNonBlankLines - 1) << "blank lines give no output";
}

TEST(Replay, DefaultAuditLogIsCreatedInTheWorkingDirectory) {
  const cli_test::ScratchDir dir;
  cli_test::RunOptions options;
  options.working_dir = dir.path();
  const auto r = run_boundaryctl({"replay", kFixture}, options);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir.file("boundary-guard-audit.db")));
  const json late = parse(r.out_lines().at(5));
  EXPECT_NE(late["audit_id"], "") << "flagged events are logged";
}

TEST(Replay, DbOptionNamesTheAuditLogAndEmptyDisablesIt) {
  const cli_test::ScratchDir dir;
  cli_test::RunOptions options;
  options.working_dir = dir.path();
  const auto logged = run_boundaryctl({"replay", "--db", dir.file("practice.db"), kFixture});
  EXPECT_TRUE(std::filesystem::exists(dir.file("practice.db")));
  EXPECT_NE(parse(logged.out_lines().at(5))["audit_id"], "");

  const auto unlogged = run_boundaryctl({"replay", "--db", "", kFixture}, options);
  EXPECT_EQ(unlogged.exit_code, 1) << unlogged.err;
  EXPECT_EQ(parse(unlogged.out_lines().at(5))["audit_id"], "");
  EXPECT_FALSE(std::filesystem::exists(dir.file("boundary-guard-audit.db")));
}

TEST(Replay, ReplayingIntoTheSameAuditLogRepeatsTheVerdicts) {
  const cli_test::ScratchDir dir;
  const std::string db = dir.file("audit.db");
  const auto first = run_boundaryctl({"replay", "--db", db, kFixture});
  const auto second = run_boundaryctl({"replay", "--db", db, kFixture});
  EXPECT_EQ(first.out, second.out) << "a repeated id is the same event, logged once";
}

TEST(Replay, TableShowsOneRowPerFlaggedEvent) {
  const auto r = run_boundaryctl({"replay", "--no-audit", "--format", "table", kFixture});
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = r.out_lines();
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].rfind("EVENT", 0), 0u) << lines[0];
  size_t m2 = 0, m3 = 0, m1 = 0;
  for (const auto& line : lines) {
    if (line.rfind("m-2 ", 0) == 0) ++m2;
    if (line.rfind("m-3 ", 0) == 0) ++m3;
    if (line.rfind("m-1 ", 0) == 0) ++m1;
  }
  EXPECT_EQ(m2, 1u) << "a repeated id is the same event: one row";
  EXPECT_EQ(m3, 1u);
  EXPECT_EQ(m1, 0u) << "no row for an event without findings";
  EXPECT_NE(r.out.find("2026-03-04 23:15 -06:00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("personal_channel"), std::string::npos);
  EXPECT_NE(r.out.find("line 9:"), std::string::npos) << "rejected lines are listed";
}

TEST(Replay, SummaryIsReadableForASupervisor) {
  const auto r = run_boundaryctl({"replay", "--no-audit", "--format", "summary", kFixture});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string& out = r.out;
  EXPECT_NE(out.find("Lines:           10 evaluated, 1 rejected"), std::string::npos) << out;
  EXPECT_NE(out.find("Events:          4 roster, 5 observed (1 repeated id(s) counted once)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Flagged:         2 event(s)"), std::string::npos) << out;
  EXPECT_NE(out.find("line 9: "), std::string::npos);
  // Per therapist, with the supervisor from the roster.
  EXPECT_NE(out.find("t-ana"), std::string::npos);
  EXPECT_NE(out.find("s-lee"), std::string::npos);
  EXPECT_NE(out.find("t-ben"), std::string::npos);
  EXPECT_NE(out.find("s-okafor"), std::string::npos);
  // Per category.
  EXPECT_NE(out.find("off_hours"), std::string::npos);
  EXPECT_NE(out.find("personal_channel"), std::string::npos);
  // Each flagged event's notice, under its therapist.
  const size_t ana = out.find("\nt-ana (supervisor s-lee)");
  const size_t ben = out.find("\nt-ben (supervisor s-okafor)");
  ASSERT_NE(ana, std::string::npos) << out;
  ASSERT_NE(ben, std::string::npos) << out;
  const size_t late = out.find("m-2  message to c-042", ana);
  EXPECT_NE(late, std::string::npos) << out;
  EXPECT_NE(out.find("m-3  message to c-051", ben), std::string::npos) << out;
  EXPECT_NE(out.find("It's Wed 23:15 for you", late), std::string::npos) << out;
  EXPECT_EQ(out.find("m-5"), std::string::npos) << "a client's own message is not listed";
}

TEST(Replay, MissingPolicyFileExitsTwoWithAMessage) {
  const cli_test::ScratchDir dir;
  const std::string missing = dir.file("no-such-policy.yaml");
  const auto r = run_boundaryctl({"replay", "--no-audit", "--policy", missing, kFixture});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no-such-policy.yaml"), std::string::npos) << r.err;
}

TEST(Replay, AuditLogThatCannotBeOpenedExitsTwo) {
  const cli_test::ScratchDir dir;
  const auto r = run_boundaryctl({"replay", "--db", dir.file("no/such/dir/audit.db"), kFixture});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("BG_E_AUDIT"), std::string::npos) << r.err;
}

TEST(Replay, ExplicitDefaultPolicyWorks) {
  const auto r =
      run_boundaryctl({"replay", "--no-audit", "--policy",
                       std::string{BG_SOURCE_POLICY_DIR} + "/default/pack.yaml", kFixture});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out_lines().size(), kNonBlankLines);
}

TEST(Replay, MissingInputFileExitsTwo) {
  const auto r = run_boundaryctl({"replay", "--no-audit", data_file("no-such-file.jsonl")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-file.jsonl"), std::string::npos) << r.err;
}

TEST(Replay, BadOptionsExitTwo) {
  const auto r = run_boundaryctl({"replay", "--no-audit", "--options", "{\"nope\":1}", kFixture});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
}

TEST(Replay, UnknownFormatIsAUsageError) {
  const auto r = run_boundaryctl({"replay", "--format", "xml", kFixture});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xml"), std::string::npos) << r.err;
}

TEST(Replay, FailSafeVerdictIsWrittenAndReported) {
  const auto r = run_boundaryctl(
      {"replay", "--no-audit", "--options", R"({"fault_injection":"detector"})", kFixture});
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = r.out_lines();
  ASSERT_EQ(lines.size(), kNonBlankLines);
  EXPECT_EQ(parse(lines[5])["event"], "m-2") << "the fail-safe verdict is written in its place";
  EXPECT_NE(r.err.find("line 6:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("BG_E_INTERNAL"), std::string::npos) << r.err;
}

}  // namespace
