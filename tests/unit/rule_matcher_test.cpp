#include "engine/rule_matcher.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace bg::test {
namespace {

TEST(RenderNotice, ReplacesKnownPlaceholdersOnly) {
  EXPECT_EQ(render_notice("At {t} ({citations}) {unknown} {", {{"t", "Wed 23:15"}}, {"A 1", "B 2"}),
            "At Wed 23:15 (A 1, B 2) {unknown} {");
  EXPECT_EQ(render_notice("", {}, {}), "");
  EXPECT_EQ(render_notice("plain", {}, {}), "plain");
}

TEST(RuleMatcher, ClientMessagesAreNeverStoppedOrAboveLow) {
  auto engine = make_engine();
  const auto v = eval(*engine, message("m-1", "2026-03-04T23:00:00-06:00", "hey!!",
                                       "personal_phone", "c-042", true));
  ASSERT_FALSE(v->findings.empty());
  for (const auto& f : v->findings) {
    EXPECT_LE(static_cast<int>(f.severity), static_cast<int>(Severity::low));
    EXPECT_EQ(f.decision, Decision::allow);
  }
  EXPECT_EQ(v->decision, Decision::allow);
}

TEST(RuleMatcher, VerdictDecisionIsTheMostRestrictiveUnsuppressed) {
  Verdict v;
  Finding warn;
  warn.decision = Decision::warn;
  Finding hold;
  hold.decision = Decision::hold;
  hold.suppressed_by = "bx-1";
  Finding allow;
  v.findings = {allow, hold, warn};
  v.finalize();
  EXPECT_EQ(v.decision, Decision::warn);
  v.findings = {warn, allow};
  v.finalize();
  EXPECT_EQ(v.decision, Decision::warn);
  v.findings = {hold};
  v.findings[0].suppressed_by.clear();
  v.finalize();
  EXPECT_EQ(v.decision, Decision::hold);
}

}  // namespace
}  // namespace bg::test
