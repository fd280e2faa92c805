#include "policy/policy_loader.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

const PolicyProblem* find_code(const PolicyLoadResult& r, const std::string& code) {
  for (const auto& p : r.problems) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

constexpr const char* kRuleTail = R"(
    category: off_hours
    severity: medium
    decision: warn
    notice: "x"
)";

TEST(PolicyLoader, LoadsTheDefaultPack) {
  const auto result = load_policy_file(default_policy_path());
  ASSERT_TRUE(result.policy) << describe_all(result.problems);
  for (const auto& p : result.problems) ADD_FAILURE() << p.describe();
  const Policy& policy = *result.policy;
  EXPECT_EQ(policy.name, "default");
  EXPECT_EQ(policy.sha256.size(), 64u);
  EXPECT_TRUE(policy.is_personal(Channel::personal_sms));
  EXPECT_FALSE(policy.is_personal(Channel::practice_sms));
  EXPECT_TRUE(policy.default_hours.contains(0, 8 * 60));
  EXPECT_FALSE(policy.default_hours.contains(5, 10 * 60));
  EXPECT_TRUE(policy.crisis && policy.administrative && policy.personal);
  // Every signal has at least one rule, so no detector output is silently dropped.
  for (size_t i = 0; i < policy.rules_by_signal.size(); ++i) {
    EXPECT_FALSE(policy.rules_by_signal[i].empty()) << Names<SignalKind>::kAll[i];
  }
  for (const auto& rule : policy.rules) {
    EXPECT_FALSE(rule.citations.empty()) << rule.id;
    EXPECT_GT(rule.origin.line, 0) << rule.id;
  }
}

TEST(PolicyLoader, ReportsYamlSyntaxWithPosition) {
  const auto r = load_policy_text("policy: x\nrules:\n  - id: [unclosed\n", "bad.yaml");
  EXPECT_FALSE(r.policy);
  const auto* p = find_code(r, "BG-P002");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->where.file, "bad.yaml");
  EXPECT_GT(p->where.line, 0);
}

TEST(PolicyLoader, CollectsEveryProblemWithLineAndColumn) {
  const std::string text = std::string{R"(policy: broken
settings:
  default_hours:
    mon: ["17:00-09:00"]
  client_quiet_hours: "nine to five"
  personal_channels: [personal_sms, pager]
rules:
  - id: a
    signal: off_hours.therapist_mesage)"} +
                           kRuleTail + R"(
  - id: b
    signal: off_hours.appointment
    category: hugs
    severity: medium
    decision: warn
    notice: "x"
  - id: a
    signal: off_hours.appointment)" +
                           kRuleTail + R"(
  - id: c
    signal: off_hours.appointment
    severity: medium
)";
  const auto r = load_policy_text(text, "broken.yaml");
  EXPECT_FALSE(r.policy);
  const auto* range = find_code(r, "BG-P007");
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->where.line, 4);
  EXPECT_EQ(range->where.column, 11);
  const auto* signal = find_code(r, "BG-P006");
  ASSERT_NE(signal, nullptr);
  int unknown_values = 0;
  for (const auto& p : r.problems) unknown_values += p.code == "BG-P006";
  EXPECT_EQ(unknown_values, 3);  // pager, the misspelt signal, hugs
  const auto* duplicate = find_code(r, "BG-P008");
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->item, "rule a");
  EXPECT_EQ(duplicate->where.line, 21);
  const auto* missing = find_code(r, "BG-P005");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->item, "rule c");
  EXPECT_NE(describe_all(r.problems).find("broken.yaml:4:11: error BG-P007"), std::string::npos)
      << describe_all(r.problems);
}

TEST(PolicyLoader, WarnsAboutUnknownKeysButLoads) {
  const auto r = load_policy_text(std::string{"policy: p\nsetings: {}\nrules:\n  - id: a\n    "
                                              "signal: off_hours.appointment\n    severty: high"} +
                                      kRuleTail,
                                  "typo.yaml");
  ASSERT_TRUE(r.policy) << describe_all(r.problems);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_FALSE(r.problems[0].is_error);
  EXPECT_EQ(r.problems[0].code, "BG-P004");
  EXPECT_NE(r.problems[0].message.find("setings"), std::string::npos);
  EXPECT_NE(r.problems[1].message.find("severty"), std::string::npos);
}

TEST(PolicyLoader, MissingFileIsAnError) {
  const auto r = load_policy_file("/nonexistent/policy.yaml");
  EXPECT_FALSE(r.policy);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "BG-P001");
}

TEST(PolicyLoader, RuleContentFilterAndDisabledRules) {
  const auto r = load_policy_text(
      std::string{"policy: p\nrules:\n  - id: a\n    signal: off_hours.therapist_message\n    "
                  "content: [crisis]\n    enabled: false"} +
          kRuleTail,
      "p.yaml");
  ASSERT_TRUE(r.policy) << describe_all(r.problems);
  EXPECT_TRUE(r.policy->rules_by_signal[0].empty());
  EXPECT_EQ(r.policy->rules[0].content, std::vector<ContentClass>{ContentClass::crisis});
}

TEST(PolicyLoader, RejectsANonMappingFile) {
  const auto r = load_policy_text("- just\n- a list\n", "list.yaml");
  EXPECT_FALSE(r.policy);
  EXPECT_NE(find_code(r, "BG-P003"), nullptr);
}

}  // namespace
}  // namespace bg
