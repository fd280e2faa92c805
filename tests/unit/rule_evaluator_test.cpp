#include "engine/rule_evaluator.h"

#include <gtest/gtest.h>

#include "policy/message_template.h"
#include "test_support.h"

namespace bg::test {
namespace {

TEST(Templates, ReplaceKnownPlaceholdersOnly) {
  const auto lookup = [](std::string_view name) -> std::optional<std::string> {
    if (name == "t") return "Wed 23:15";
    return std::nullopt;
  };
  EXPECT_EQ(render_template("At {t} {unknown} {", lookup), "At Wed 23:15 {unknown} {");
  EXPECT_EQ(render_template("", lookup), "");
  std::string why;
  EXPECT_TRUE(check_template("{therapist_time} {time.weekday} {citations}", why)) << why;
  EXPECT_FALSE(check_template("{nope}", why));
  EXPECT_FALSE(check_template("open {brace", why));
}

TEST(RuleEvaluator, ClientMessagesAreNeverStoppedOrAboveLow) {
  auto engine = make_engine();
  const auto v = eval(*engine, message("m-1", "2026-03-04T23:00:00-06:00", "hey!!",
                                       "personal_phone", "c-042", true));
  ASSERT_FALSE(v->findings.empty());
  for (const auto& f : v->findings) {
    EXPECT_LE(f.severity, Severity::low);
    EXPECT_EQ(f.decision, Decision::allow);
  }
  EXPECT_EQ(v->decision, Decision::allow);
}

TEST(RuleEvaluator, VerdictDecisionIsTheMostRestrictiveUnsuppressed) {
  Verdict v;
  Finding warn, hold, allow;
  warn.decision = Decision::warn;
  hold.decision = Decision::hold;
  hold.suppressed_by = "bx-1";
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
