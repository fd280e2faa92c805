// off_hours through the engine and the default pack: the detector, its rules and suppression.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace bg::test {
namespace {

using ::testing::ElementsAre;

class OffHours : public ::testing::Test {
 protected:
  std::unique_ptr<Engine> engine = make_engine();
};

TEST_F(OffHours, MessageInsideHoursAndOutsideQuietHoursIsClean) {
  // Wed 10:15 Chicago, 09:15 Denver.
  const auto v = eval(*engine, message("m-1", "2026-03-04T10:15:00-06:00", "See you Thursday"));
  EXPECT_TRUE(v->findings.empty());
  EXPECT_EQ(v->decision, Decision::allow);
}

TEST_F(OffHours, PersonalTextLateAtNightIsHigh) {
  const auto v = eval(
      *engine, message("m-1", "2026-03-04T23:15:00-06:00", "can't sleep, thinking about our talk"));
  // The same words are also personal content; the off-hours finding comes first.
  ASSERT_EQ(rules_of(*v),
            (std::vector<std::string>{"personal-text-off-hours", "therapist-personal-talk"}));
  const Finding& f = v->findings[0];
  EXPECT_EQ(f.rule, "personal-text-off-hours");
  EXPECT_EQ(f.category, Category::off_hours);
  EXPECT_EQ(f.severity, Severity::high);
  EXPECT_EQ(v->decision, Decision::warn);
  EXPECT_NE(f.explanation.find("Sent Wed 23:15 America/Chicago"), std::string::npos);
  EXPECT_NE(f.explanation.find("Wed 09:00-17:00"), std::string::npos);
  EXPECT_NE(
      f.explanation.find(
          "Wed 22:15 for the client (America/Denver); the text reads as personal ('can't sleep')"),
      std::string::npos)
      << f.explanation;
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].start, 0u);
  EXPECT_EQ(f.evidence[0].text, "can't sleep");
  EXPECT_THAT(f.citations, ElementsAre("NASW 2021 1.06(e)", "ACA 2014 A.5.e", "APA 2017 3.05",
                                       "AAMFT 2015 1.3"));
  EXPECT_NE(v->notice.find("Wed 23:15"), std::string::npos);
  EXPECT_NE(v->notice.find("NASW 2021 1.06(e)"), std::string::npos);
}

TEST_F(OffHours, CrisisTextIsLowAndAllowed) {
  const auto v = eval(*engine, message("m-1", "2026-03-04T22:00:00-06:00",
                                       "If you feel unsafe tonight, call or text 988."));
  ASSERT_EQ(rules_of(*v), std::vector<std::string>{"crisis-contact-off-hours"});
  EXPECT_EQ(v->findings[0].severity, Severity::low);
  EXPECT_EQ(v->decision, Decision::allow);
}

TEST_F(OffHours, AdministrativeTextIsMedium) {
  const auto v = eval(*engine, message("m-1", "2026-03-07T11:00:00-06:00",
                                       "Your invoice for February is in the portal"));
  ASSERT_EQ(rules_of(*v), std::vector<std::string>{"contact-off-hours"});  // a Saturday
  EXPECT_NE(v->findings[0].explanation.find("Sat: not a working day"), std::string::npos)
      << v->findings[0].explanation;
}

TEST_F(OffHours, LunchBreakIsOutsideHours) {
  const auto v = eval(*engine, message("m-1", "2026-03-03T12:30:00-06:00", "quick question"));
  EXPECT_EQ(rules_of(*v), std::vector<std::string>{"contact-off-hours"});
}

TEST_F(OffHours, ClientQuietHoursInsideTherapistHours) {
  // Mon 09:30 in Chicago is 07:30 in Los Angeles... c-042 is in Denver: 08:30, not quiet.
  EXPECT_TRUE(eval(*engine, message("m-1", "2026-03-02T09:30:00-06:00", "hi"))->findings.empty());
  // A New York therapist's morning is a Pacific client's night: t-cruz's client c-300 is in
  // New York, so use t-ana with a zone-less client instead, and a policy day that starts early.
  EvaluateResult r = engine->evaluate_json(
      R"({"type":"therapist","id":"t-early","time_zone":"America/New_York","hours":{"mon":["07:00-15:00"]}})");
  ASSERT_EQ(r.status, Status::ok);
  r = engine->evaluate_json(
      R"({"type":"client","id":"c-la","therapist":"t-early","time_zone":"America/Los_Angeles"})");
  ASSERT_EQ(r.status, Status::ok);
  const auto v = eval(
      *engine,
      R"({"type":"message","id":"m-2","at":"2026-03-02T07:30:00-05:00","from":{"role":"therapist","id":"t-early"},"to":{"role":"client","id":"c-la"},"channel":"portal","text":"Reminder: session at 10"})");
  ASSERT_EQ(rules_of(*v), std::vector<std::string>{"client-quiet-hours"});
  EXPECT_NE(v->findings[0].explanation.find("Mon 04:30 for the client (America/Los_Angeles"),
            std::string::npos)
      << v->findings[0].explanation;
}

TEST_F(OffHours, ClientWithoutZoneUsesTherapistZone) {
  const auto v =
      eval(*engine, message("m-1", "2026-03-04T21:30:00-06:00", "ok", "portal", "c-017"));
  ASSERT_EQ(v->findings.size(), 1u);
  EXPECT_NE(v->findings[0].explanation.find("Wed 21:30 for the client (America/Chicago"),
            std::string::npos);
}

TEST_F(OffHours, TherapistWithoutHoursGetsPolicyDefault) {
  // t-cruz has no hours: default Mon-Fri 08:00-18:00 in Los Angeles.
  const auto inside = eval(
      *engine,
      R"({"type":"message","id":"m-1","at":"2026-03-02T17:30:00-08:00","from":{"role":"therapist","id":"t-cruz"},"to":{"role":"client","id":"c-300"},"channel":"portal","text":"Notes are in the portal"})");
  // 17:30 LA is 20:30 New York: inside hours, outside the client's quiet hours.
  EXPECT_TRUE(inside->findings.empty());
  const auto outside = eval(
      *engine,
      R"({"type":"message","id":"m-2","at":"2026-03-02T18:30:00-08:00","from":{"role":"therapist","id":"t-cruz"},"to":{"role":"client","id":"c-300"},"channel":"portal","text":"Notes are in the portal"})");
  ASSERT_EQ(outside->findings.size(), 1u);
  EXPECT_NE(outside->findings[0].explanation.find("Mon 08:00-18:00"), std::string::npos);
}

TEST_F(OffHours, ClientMessagesAreNotOffHoursContact) {
  const auto v = eval(*engine, message("m-1", "2026-03-04T23:55:00-06:00",
                                       "can't sleep, can we talk", "portal", "c-042", true));
  EXPECT_TRUE(v->findings.empty());
}

TEST_F(OffHours, DaylightSavingShiftsTheHours) {
  // Monday after spring-forward: 08:30 CDT is 13:30Z. t-ana starts at 09:00.
  const auto early = eval(*engine, message("m-1", "2026-03-09T13:30:00Z", "Running 5 min late"));
  ASSERT_EQ(early->findings.size(), 1u);
  EXPECT_NE(early->findings[0].explanation.find("Mon 08:30"), std::string::npos);
  // 14:30Z is 09:30 CDT: inside (in winter it would have been 08:30, outside).
  EXPECT_TRUE(
      eval(*engine, message("m-2", "2026-03-09T14:30:00Z", "Running late"))->findings.empty());
  EXPECT_FALSE(
      eval(*engine, message("m-3", "2026-03-02T14:30:00Z", "Running late"))->findings.empty());
}

std::string appointment(const std::string& id, const std::string& start, const std::string& end,
                        const std::string& action = "created") {
  return R"({"type":"appointment","id":")" + id + R"(","action":")" + action + R"(","start":")" +
         start + R"(","end":")" + end +
         R"(","therapist":"t-ana","client":"c-042","location":{"kind":"office","name":"Main St office"}})";
}

TEST_F(OffHours, AppointmentsMustFitOneWorkingRange) {
  EXPECT_TRUE(
      eval(*engine, appointment("a-1", "2026-03-02T10:00:00-06:00", "2026-03-02T10:50:00-06:00"))
          ->findings.empty());
  // Ends exactly at closing time: fine.
  EXPECT_TRUE(
      eval(*engine, appointment("a-2", "2026-03-02T16:10:00-06:00", "2026-03-02T17:00:00-06:00"))
          ->findings.empty());
  // Runs past closing time.
  EXPECT_EQ(rules_of(*eval(*engine, appointment("a-3", "2026-03-02T16:30:00-06:00",
                                                "2026-03-02T17:20:00-06:00"))),
            std::vector<std::string>{"session-off-hours"});
  // Spans Tuesday's lunch break.
  EXPECT_FALSE(
      eval(*engine, appointment("a-4", "2026-03-03T11:30:00-06:00", "2026-03-03T13:20:00-06:00"))
          ->findings.empty());
  // Thursday is not a working day for t-ana.
  EXPECT_FALSE(
      eval(*engine, appointment("a-5", "2026-03-05T10:00:00-06:00", "2026-03-05T10:50:00-06:00"))
          ->findings.empty());
}

TEST_F(OffHours, CancelledAppointmentsAreIgnored) {
  EXPECT_TRUE(eval(*engine, appointment("a-1", "2026-03-07T10:00:00-06:00",
                                        "2026-03-07T10:50:00-06:00", "cancelled"))
                  ->findings.empty());
}

TEST_F(OffHours, ExtensionSuppressesOnItsDatesOnly) {
  eval(
      *engine,
      R"({"type":"boundary_extension","id":"bx-3","therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"crisis safety plan","approved_by":"s-lee","from":"2026-03-01","until":"2026-03-04"})");
  // Wed 23:15 Chicago: Wednesday is inside the extension's dates in the therapist's zone.
  const auto covered = eval(*engine, message("m-1", "2026-03-04T23:15:00-06:00", "checking in"));
  ASSERT_EQ(covered->findings.size(), 1u);
  EXPECT_EQ(covered->findings[0].suppressed_by, "bx-3");
  EXPECT_EQ(covered->decision, Decision::allow);
  EXPECT_TRUE(covered->notice.empty());
  // Thursday is past "until".
  const auto uncovered = eval(*engine, message("m-2", "2026-03-05T23:15:00-06:00", "checking in"));
  ASSERT_EQ(uncovered->findings.size(), 1u);
  EXPECT_TRUE(uncovered->findings[0].suppressed_by.empty());
  EXPECT_EQ(uncovered->decision, Decision::warn);
}

TEST_F(OffHours, UnknownTherapistGetsNoTimeFindings) {
  const auto v = eval(
      *engine,
      R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00-06:00","from":{"role":"therapist","id":"t-nobody"},"to":{"role":"client","id":"c-042"},"channel":"portal","text":"hi"})");
  EXPECT_TRUE(v->findings.empty());
}

}  // namespace
}  // namespace bg::test
