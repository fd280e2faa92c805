// The pattern category's per-pair history survives a restart: an engine opened on an existing
// audit log reads the recent flags back, so the third flag of a pair within the window is a
// pattern whether or not the host restarted in between.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace bg::test {
namespace {

bool has_pattern(const Verdict& v) {
  return std::any_of(v.findings.begin(), v.findings.end(),
                     [](const Finding& f) { return f.category == Category::pattern; });
}

const Finding* pattern_finding(const Verdict& v) {
  for (const auto& f : v.findings) {
    if (f.category == Category::pattern) return &f;
  }
  return nullptr;
}

// Two late personal texts from t-ana to c-042 (each flagged high), logged by one engine.
void log_two_flags(const std::string& audit, const char* first_at, const char* second_at) {
  auto engine = make_engine(audit);
  EXPECT_FALSE(has_pattern(*eval(*engine, message("m-1", first_at, "can't sleep"))));
  EXPECT_FALSE(has_pattern(*eval(*engine, message("m-2", second_at, "can't sleep either"))));
}

TEST(PatternRestart, TheThirdFlagAfterARestartIsAPatternListingTheEarlierEntries) {
  TempDir dir;
  const std::string audit = dir.path("audit.db");
  log_two_flags(audit, "2026-03-02T23:15:00-06:00", "2026-03-03T23:15:00-06:00");
  auto reopened = make_engine(audit);
  const auto v = eval(*reopened, message("m-3", "2026-03-04T23:15:00-06:00", "can't sleep"));
  const Finding* pattern = pattern_finding(*v);
  ASSERT_NE(pattern, nullptr) << "the history was lost with the restart";
  // The earlier entries are named by their audit ids, as without a restart.
  EXPECT_NE(pattern->explanation.find("au-000001"), std::string::npos) << pattern->explanation;
  EXPECT_NE(pattern->explanation.find("au-000002"), std::string::npos) << pattern->explanation;
}

TEST(PatternRestart, WithoutTheLogTheSameEventIsNoPattern) {
  auto engine = make_engine();
  EXPECT_FALSE(
      has_pattern(*eval(*engine, message("m-3", "2026-03-04T23:15:00-06:00", "can't sleep"))));
}

TEST(PatternRestart, FlagsOutsideTheWindowAreNotReadBack) {
  TempDir dir;
  const std::string audit = dir.path("audit.db");
  log_two_flags(audit, "2026-01-05T23:15:00-06:00", "2026-01-06T23:15:00-06:00");
  auto reopened = make_engine(audit);
  EXPECT_FALSE(
      has_pattern(*eval(*reopened, message("m-3", "2026-03-04T23:15:00-06:00", "can't sleep"))));
}

TEST(PatternRestart, OtherPairsDoNotCount) {
  TempDir dir;
  const std::string audit = dir.path("audit.db");
  log_two_flags(audit, "2026-03-02T23:15:00-06:00", "2026-03-03T23:15:00-06:00");
  auto reopened = make_engine(audit);
  EXPECT_FALSE(has_pattern(*eval(*reopened, message("m-3", "2026-03-04T23:15:00-06:00",
                                                    "can't sleep", "practice_sms", "c-017"))));
}

}  // namespace
}  // namespace bg::test
