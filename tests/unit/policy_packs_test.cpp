// The bundled packs' own policy tests, and a set of broken policies that must each give the
// right code at the right line and column.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "policy/policy_loader.h"
#include "tools/policy_test_runner.h"

namespace bg {
namespace {

namespace fs = std::filesystem;

class BundledPack : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledPack, PassesItsPolicyTests) {
  const auto report = run_policy_tests(std::string{BG_SOURCE_POLICY_DIR} + "/" + GetParam());
  EXPECT_TRUE(report.ok()) << report.render_text();
  EXPECT_GT(report.passed, 0u);
  // The base pack's own tests exercise every rule it defines (checked in the same run: the base
  // tests are hundreds of cases, slow under the sanitizers).
  if (GetParam() == "base") {
    EXPECT_TRUE(report.untested_rules.empty()) << report.render_text();
  }
}

INSTANTIATE_TEST_SUITE_P(Packs, BundledPack,
                         ::testing::Values("base", "default", "apa-2017", "aca-2014", "nasw-2021",
                                           "aamft-2015", "examples/riverbend-counseling"));

TEST(PolicyTestRunner, ReportsWhatDiffered) {
  const fs::path dir = fs::temp_directory_path() / "bg-policy-runner";
  fs::create_directories(dir / "tests");
  std::ofstream{dir / "pack.yaml"} << "pack: p\nextends: " << BG_SOURCE_POLICY_DIR << "/base\n";
  std::ofstream{dir / "tests" / "t.yaml"} << R"Y(roster:
  - {type: therapist, id: t, time_zone: America/Chicago}
  - {type: client, id: c, therapist: t}
cases:
  - name: wrong on purpose
    event: {type: message, id: m-1, at: "2026-03-04T23:15:00-06:00", from: {role: therapist, id: t},
            to: {role: client, id: c}, channel: portal, text: "hi"}
    expect: {decision: block, rules: [nothing]}
)Y";
  const auto report = run_policy_tests(dir.string());
  fs::remove_all(dir);
  ASSERT_EQ(report.cases.size(), 1u) << report.render_text();
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.failed, 1u);
  const auto& diffs = report.cases[0].differences;
  ASSERT_EQ(diffs.size(), 2u);
  EXPECT_EQ(diffs[0], "decision: expected block, got warn");
  EXPECT_EQ(diffs[1], "rules: expected [nothing], got [contact-off-hours]");
  EXPECT_NE(report.render_text().find("0 passed, 1 failed"), std::string::npos);
}

// Each file in tests/data/policies/broken starts with "# expect: CODE LINE:COLUMN".
TEST(BrokenPolicies, EachGivesTheRightCodeAtTheRightPlace) {
  const fs::path dir = fs::path{BG_TEST_DATA_DIR} / "policies" / "broken";
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in{entry.path()};
    std::string first;
    std::getline(in, first);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(first, m, std::regex{R"(# expect: (BG-P\d+) (\d+):(\d+))"}))
        << entry.path();
    const auto result = load_policy(entry.path().string());
    EXPECT_FALSE(result.policy) << entry.path();
    bool found = false;
    for (const auto& p : result.problems) {
      if (p.code == m[1] && p.is_error) {
        found = true;
        EXPECT_EQ(p.where.line, std::stoi(m[2])) << entry.path() << "\n" << p.describe();
        EXPECT_EQ(p.where.column, std::stoi(m[3])) << entry.path() << "\n" << p.describe();
      }
    }
    EXPECT_TRUE(found) << entry.path() << "\n" << render_problems_text(result.problems);
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

}  // namespace
}  // namespace bg
