#include <gtest/gtest.h>

#include "test_support.h"

namespace bg::test {
namespace {

TEST(PersonalChannel, TherapistOnPersonalChannelIsWarned) {
  auto engine = make_engine();
  for (const char* channel : {"personal_sms", "personal_email", "personal_phone"}) {
    const auto v = eval(*engine, message(std::string{"m-"} + channel, "2026-03-04T10:15:00-06:00",
                                         "See you Thursday", channel));
    // The third flag for the same pair also makes a pattern.
    ASSERT_FALSE(v->findings.empty()) << channel;
    ASSERT_EQ(v->findings[0].rule, "therapist-personal-channel") << channel;
    EXPECT_EQ(v->findings[0].category, Category::personal_channel);
    EXPECT_EQ(v->decision, Decision::warn);
    EXPECT_NE(v->findings[0].explanation.find(channel), std::string::npos);
  }
}

TEST(PersonalChannel, PracticeChannelsAreClean) {
  auto engine = make_engine();
  for (const char* channel :
       {"portal", "practice_sms", "practice_email", "practice_phone", "telehealth_chat", "other"}) {
    EXPECT_TRUE(eval(*engine, message(std::string{"m-"} + channel, "2026-03-04T10:15:00-06:00",
                                      "See you Thursday", channel))
                    ->findings.empty())
        << channel;
  }
}

TEST(PersonalChannel, ClientOnPersonalChannelIsContextOnly) {
  auto engine = make_engine();
  const auto v = eval(*engine, message("m-1", "2026-03-04T23:40:00-06:00", "are you up?",
                                       "personal_sms", "c-042", true));
  ASSERT_EQ(rules_of(*v), std::vector<std::string>{"client-personal-channel"});
  EXPECT_LE(v->findings[0].severity, Severity::low);
  EXPECT_EQ(v->decision, Decision::allow);
}

TEST(PersonalChannel, CoOccursWithOffHours) {
  auto engine = make_engine();
  const auto v = eval(*engine, message("m-1", "2026-03-04T23:15:00-06:00",
                                       "can't sleep, worst week", "personal_sms"));
  EXPECT_EQ(rules_of(*v),
            (std::vector<std::string>{"personal-text-off-hours", "therapist-personal-channel",
                                      "therapist-personal-talk"}));
  // The notice leads with the most severe finding.
  EXPECT_EQ(v->notice.rfind("It's Wed 23:15", 0), 0u) << v->notice;
}

}  // namespace
}  // namespace bg::test
