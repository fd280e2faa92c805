// ABI 1.1: the policy tools (policy_check, policy_explain, policy_test) and their owned
// bg_text reports, as a host reaches them through the table.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

class AbiPolicyTools : public ::testing::Test {
 protected:
  void SetUp() override {
    if (api().abi_minor < 1) GTEST_SKIP() << "the plugin implements ABI 1." << api().abi_minor;
    ASSERT_GE(api().struct_size, offsetof(bg_api, policy_test) + sizeof(api().policy_test));
  }

  // Runs a tool and returns its report; frees it.
  template <typename Call>
  static std::string report_of(bg_status& status, Call call) {
    bg_text* report = nullptr;
    status = call(&report);
    const std::string out = text(api().text_view(report));
    api().text_free(report);
    return out;
  }
};

TEST_F(AbiPolicyTools, PointersArePresent) {
  EXPECT_NE(api().text_view, nullptr);
  EXPECT_NE(api().text_free, nullptr);
  EXPECT_NE(api().policy_check, nullptr);
  EXPECT_NE(api().policy_explain, nullptr);
  EXPECT_NE(api().policy_test, nullptr);
}

TEST_F(AbiPolicyTools, NullTextIsSafe) {
  api().text_free(nullptr);
  EXPECT_EQ(api().text_view(nullptr).size, 0u);
}

TEST_F(AbiPolicyTools, CheckAcceptsTheDefaultPack) {
  bg_status status = -1;
  report_of(status, [](bg_text** r) {
    return api().policy_check(view(default_policy_dir()), view(""), r);
  });
  EXPECT_EQ(status, BG_OK);
}

TEST_F(AbiPolicyTools, CheckReportsABrokenPackAtItsLine) {
  bg_status status = -1;
  const std::string path = data_path("broken_rule");
  const std::string text_report = report_of(
      status, [&](bg_text** r) { return api().policy_check(view(path), view("text"), r); });
  EXPECT_EQ(status, BG_E_POLICY);
  EXPECT_THAT(text_report, HasSubstr("pack.yaml:12:"));
  EXPECT_THAT(text_report, HasSubstr("catastrophic"));

  const std::string json_report = report_of(
      status, [&](bg_text** r) { return api().policy_check(view(path), view("json"), r); });
  EXPECT_EQ(status, BG_E_POLICY);
  EXPECT_TRUE(Json::accept(json_report)) << json_report;
}

TEST_F(AbiPolicyTools, BadArgumentsAreInvalidArgument) {
  bg_status status = -1;
  report_of(status, [](bg_text** r) {
    return api().policy_check(view(default_policy_dir()), view("xml"), r);
  });
  EXPECT_EQ(status, BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api().policy_check(view(default_policy_dir()), view(""), nullptr),
            BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api().policy_explain(view(default_policy_dir()), view(""), view(""), nullptr),
            BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api().policy_test(view(default_policy_dir()), view(""), nullptr),
            BG_E_INVALID_ARGUMENT);
  report_of(status, [](bg_text** r) {
    return api().policy_check(bg_str{nullptr, 4}, view(""), r);
  });
  EXPECT_EQ(status, BG_E_INVALID_ARGUMENT);
}

TEST_F(AbiPolicyTools, ExplainNamesEveryRuleOrOne) {
  bg_status status = -1;
  const std::string all = report_of(status, [](bg_text** r) {
    return api().policy_explain(view(default_policy_dir()), view(""), view("text"), r);
  });
  EXPECT_EQ(status, BG_OK);
  EXPECT_THAT(all, HasSubstr("personal-text-off-hours"));
  EXPECT_THAT(all, HasSubstr("session-off-hours"));

  const std::string one = report_of(status, [](bg_text** r) {
    return api().policy_explain(view(default_policy_dir()), view("session-off-hours"), view("text"),
                                r);
  });
  EXPECT_EQ(status, BG_OK);
  EXPECT_THAT(one, HasSubstr("session-off-hours"));

  report_of(status, [](bg_text** r) {
    return api().policy_explain(view(default_policy_dir()), view("no-such-rule"), view(""), r);
  });
  EXPECT_EQ(status, BG_E_NOT_FOUND);

  report_of(status, [](bg_text** r) {
    return api().policy_explain(view(data_path("broken_yaml")), view(""), view(""), r);
  });
  EXPECT_EQ(status, BG_E_POLICY);
}

TEST_F(AbiPolicyTools, TestRunsTheBundledPackTests) {
  bg_status status = -1;
  const std::string report = report_of(status, [](bg_text** r) {
    return api().policy_test(view(default_policy_dir()), view("text"), r);
  });
  EXPECT_EQ(status, BG_OK) << report;
  EXPECT_THAT(report, HasSubstr("PASS"));
}

TEST_F(AbiPolicyTools, TestOfAPackWithoutTestsIsPolicyError) {
  bg_status status = -1;
  report_of(status, [](bg_text** r) {
    return api().policy_test(view(data_path("late_hours")), view(""), r);
  });
  EXPECT_EQ(status, BG_E_POLICY);
}

}  // namespace
}  // namespace bgtest
