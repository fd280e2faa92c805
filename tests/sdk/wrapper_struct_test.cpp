// Engine::evaluate() with the C event structs: the same verdicts as the JSON form.
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "boundary_guard/boundary_guard.hpp"
#include "sdk_test_support.h"

namespace {

namespace bg = boundary_guard;

bg_str s(const char* text) { return bg_str{text, std::char_traits<char>::length(text)}; }

// 2026-03-05T05:15:00Z, i.e. Wed 2026-03-04 23:15 in Chicago (-06:00).
constexpr int64_t kWednesdayLate = 1772687700000;

void add_roster(const bg::Engine& engine) {
  const std::array<bg_str, 7> hours{
      s("09:00-17:00"), s(""), s("09:00-17:00"), s(""), s(""), s(""), s("")};
  bg_therapist_event therapist{};  // struct_size 0: the wrapper sets sizeof
  therapist.id = s("t-ana");
  therapist.time_zone = s("America/Chicago");
  therapist.supervisor = s("s-lee");
  therapist.hours_mon_to_sun = hours.data();
  const bg::Evaluation t = engine.evaluate(therapist);
  ASSERT_TRUE(t.ok()) << t.message;
  EXPECT_EQ(t.verdict.event_id(), "t-ana");

  bg_client_event client{};
  client.id = s("c-042");
  client.therapist = s("t-ana");
  client.time_zone = s("America/Denver");
  client.status = s("active");
  const bg::Evaluation c = engine.evaluate(client);
  ASSERT_TRUE(c.ok()) << c.message;
}

bg_message_event late_message() {
  bg_message_event m{};
  m.id = s("m-1");
  m.at_ms = kWednesdayLate;
  m.from = bg_party{BG_ROLE_THERAPIST, s("t-ana")};
  m.to = bg_party{BG_ROLE_CLIENT, s("c-042")};
  m.channel = s("practice_sms");
  m.text = s("can't sleep, thinking about our talk");
  return m;
}

TEST(WrapperStruct, MessageStructGivesTheSameVerdictAsJson) {
  const bg::Engine by_struct{sdk_test::api()};
  add_roster(by_struct);
  const bg::Verdict from_struct = by_struct.evaluate(late_message()).value();

  const bg::Engine by_json{sdk_test::api()};
  ASSERT_TRUE(by_json.evaluate_json(sdk_test::kTherapist).ok());
  ASSERT_TRUE(by_json.evaluate_json(sdk_test::kClient).ok());
  const bg::Verdict from_json = by_json.evaluate_json(sdk_test::kLateMessage).value();

  EXPECT_EQ(from_struct.decision(), BG_DECISION_WARN);
  EXPECT_EQ(from_struct.decision(), from_json.decision());
  ASSERT_EQ(from_struct.finding_count(), from_json.finding_count());
  EXPECT_EQ(from_struct.finding(0).category, "off_hours");
  EXPECT_EQ(from_struct.finding(0).rule, from_json.finding(0).rule);
}

TEST(WrapperStruct, ExplicitStructSizeIsKept) {
  const bg::Engine engine{sdk_test::api()};
  add_roster(engine);
  bg_message_event m = late_message();
  m.struct_size = static_cast<uint32_t>(sizeof m);
  EXPECT_TRUE(engine.evaluate(m).ok());
}

TEST(WrapperStruct, BadStructIsRejectedWithAMessage) {
  const bg::Engine engine{sdk_test::api()};
  bg_message_event m = late_message();
  m.channel = s("carrier_pigeon");
  const bg::Evaluation result = engine.evaluate(m);
  EXPECT_NE(result.status, BG_OK);
  EXPECT_FALSE(result.verdict);
  EXPECT_NE(result.message.find("channel"), std::string::npos) << result.message;
}

TEST(WrapperStruct, AppointmentSocialAndPaymentStructsEvaluate) {
  const bg::Engine engine{sdk_test::api()};
  add_roster(engine);

  bg_appointment_event a{};
  a.id = s("a-1");
  a.action = s("created");
  a.start_ms = kWednesdayLate - 12 * 3600 * 1000;  // Wed 11:15
  a.end_ms = a.start_ms + 50 * 60 * 1000;
  a.therapist = s("t-ana");
  a.client = s("c-042");
  a.location_kind = s("office");
  a.service = s("individual_therapy");
  const bg::Evaluation appointment = engine.evaluate(a);
  EXPECT_TRUE(appointment.ok()) << appointment.message;
  EXPECT_EQ(appointment.verdict.decision(), BG_DECISION_ALLOW);

  bg_social_event so{};
  so.id = s("s-1");
  so.at_ms = kWednesdayLate - 12 * 3600 * 1000;
  so.platform = s("instagram");
  so.action = s("follow");
  so.actor = bg_party{BG_ROLE_THERAPIST, s("t-ana")};
  so.target = bg_party{BG_ROLE_CLIENT, s("c-042")};
  const bg::Evaluation social = engine.evaluate(so);
  EXPECT_TRUE(social.ok()) << social.message;
  EXPECT_EQ(social.verdict.event_id(), "s-1");

  bg_payment_event p{};
  p.id = s("p-1");
  p.at_ms = kWednesdayLate - 12 * 3600 * 1000;
  p.from = bg_party{BG_ROLE_CLIENT, s("c-042")};
  p.to = bg_party{BG_ROLE_THERAPIST, s("t-ana")};
  p.kind = s("copay");
  p.amount_value = 30;
  p.amount_currency = s("USD");
  const bg::Evaluation payment = engine.evaluate(p);
  EXPECT_TRUE(payment.ok()) << payment.message;
  EXPECT_EQ(payment.verdict.decision(), BG_DECISION_ALLOW);
}

TEST(WrapperStruct, ExtensionStructSuppressesTheFinding) {
  const bg::Engine engine{sdk_test::api()};
  add_roster(engine);
  // The late message is off hours and, by its words, personal content: the extension covers both.
  const std::array<bg_str, 2> covers{s("off_hours"), s("personal_content")};
  bg_extension_event x{};
  x.id = s("bx-1");
  x.therapist = s("t-ana");
  x.client = s("c-042");
  x.covers = covers.data();
  x.covers_count = covers.size();
  x.reason = s("crisis safety plan");
  x.approved_by = s("s-lee");
  x.from = s("2026-03-01");
  x.until = s("2026-03-31");
  ASSERT_TRUE(engine.evaluate(x).ok());

  const bg::Verdict verdict = engine.evaluate(late_message()).value();
  EXPECT_EQ(verdict.decision(), BG_DECISION_ALLOW);
  ASSERT_GE(verdict.finding_count(), 1u);
  EXPECT_EQ(verdict.finding(0).suppressed_by, "bx-1");
  EXPECT_TRUE(verdict.finding(0).suppressed());
}

}  // namespace
