// The Twilio inbound SMS webhook: the public payloads (read in place), a therapy case of our
// own (a client texting the therapist's personal number), signatures and malformed requests.
#include <gtest/gtest.h>

#include "adapter_test_support.h"
#include "adapters/twilio_adapter.h"
#include "adapters/twilio_signature.h"

namespace bg::adapters {
namespace {

using nlohmann::json;
using test::events_of;

const MappingConfig& fixture_mapping() {
  static const MappingConfig config =
      test::load_mapping(test::data_path("mappings/shared-fixtures.yaml"));
  return config;
}

TwilioOptions at(const char* received) {
  TwilioOptions options;
  options.received_at = parse_rfc3339(received);
  return options;
}

Conversion convert(const std::string& body, const MappingConfig& config = test::hillside(),
                   const TwilioOptions& options = at("2026-03-10T23:52:00-05:00")) {
  return convert_twilio(body, config, options);
}

const std::string kClientToPractice =
    "MessageSid=SM1&From=%2B13035550142&To=%2B15125550100&Body=See+you+Thursday&NumMedia=0";

TEST(TwilioFixtures, FormPayloadWithMedia) {
  const Conversion c = convert(test::read_shared("twilio/MediaPayload.txt"), fixture_mapping());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0],
            json::parse(R"({"type":"message","id":"3333","at":"2026-03-11T04:52:00+00:00",
    "from":{"role":"client","id":"c-texter"},"to":{"role":"therapist","id":"t-twilio"},
    "channel":"practice_sms","text":"Hello"})"));
  EXPECT_EQ(c.records[0].record, "webhook 3333");
  EXPECT_EQ(c.records[0].outcome, Outcome::partial);
  EXPECT_EQ(c.records[0].reason, "1 media item(s) (json) were not analysed; only the Body text is");
}

TEST(TwilioFixtures, JsonPayloadGivesTheSameEvent) {
  // Its values are still percent-encoded ("%2B1111"), as the forwarder left them: numbers are
  // decoded; NumMedia is a JSON number.
  const Conversion json_form =
      convert(test::read_shared("twilio/DictionaryMediaPayload.json"), fixture_mapping());
  const Conversion form = convert(test::read_shared("twilio/MediaPayload.txt"), fixture_mapping());
  EXPECT_EQ(json_form.events, form.events) << test::describe(json_form);
  EXPECT_EQ(json_form.records[0].reason, form.records[0].reason);
}

TEST(TwilioFixtures, PayloadWithNumbersItCannotUseIsTurnedAway) {
  const Conversion c = convert(test::read_shared("twilio/NoMediaPayload.txt"), fixture_mapping());
  EXPECT_TRUE(c.events.empty());
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].record, "webhook SMa56324aa4a31735561b7205472192d68");
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("From +571138050810 is not a number in the mapping"),
            std::string::npos);
  EXPECT_NE(c.records[0].reason.find("To \"+1A693421974\" is not a phone number"),
            std::string::npos)
      << c.records[0].reason;
}

TEST(TwilioFixtures, EveryPayloadIsReadWithTheDefaults) {
  for (const auto& file : test::shared_files("twilio")) {
    const Conversion c = convert(test::read_shared("twilio/" + file), MappingConfig::defaults());
    ASSERT_TRUE(c.readable()) << file << ": " << c.input_error;
    ASSERT_EQ(c.records.size(), 1u) << file;
    EXPECT_EQ(c.records[0].outcome, Outcome::unmapped) << file;
    EXPECT_NE(c.records[0].reason.find("is not a number in the mapping"), std::string::npos)
        << file << ": " << c.records[0].reason;
  }
}

TEST(TwilioAdapter, ClientTextingTheTherapistsPersonalNumber) {
  const Conversion c =
      convert(test::read_file(test::data_path("twilio/client-to-personal-number.txt")));
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0], json::parse(R"({"type":"message","id":"SM9b7c1e4f0a2d4c6b8e1f3a5c7d9e0f12",
    "at":"2026-03-11T04:52:00+00:00","from":{"role":"client","id":"c-042"},
    "to":{"role":"therapist","id":"t-ana"},"channel":"personal_sms",
    "text":"Are you around tonight? I really need to talk to you, not the office line."})"));
  EXPECT_EQ(c.records[0].outcome, Outcome::mapped);
}

TEST(TwilioAdapter, PracticeLineIsPracticeSms) {
  const auto events = events_of(convert(kClientToPractice));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["channel"], "practice_sms");
}

TEST(TwilioAdapter, ReceiveTimeComesFromTheInjectedClock) {
  TwilioOptions options;
  options.clock = [] { return *parse_rfc3339("2026-03-10T08:00:00.250Z"); };
  const auto events = events_of(convert(kClientToPractice, test::hillside(), options));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["at"], "2026-03-10T08:00:00+00:00");
}

TEST(TwilioAdapter, UnknownKeysAreAcceptedAndBodyMayBeAbsent) {
  const auto events = events_of(
      convert("MessageSid=SM2&From=%2B13035550142&To=%2B15125550100&SomethingNew=1&NumMedia=0"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].contains("text"));
}

TEST(TwilioAdapter, RequestsItCannotMap) {
  const auto reason = [](const std::string& body) {
    const Conversion c = convert(body);
    EXPECT_EQ(c.records.size(), 1u) << body;
    return c.records.empty() ? std::string{} : c.records[0].reason;
  };
  EXPECT_NE(reason("From=%2B13035550142&To=%2B15125550100").find("no MessageSid"),
            std::string::npos);
  EXPECT_NE(reason("MessageSid=SM3&To=%2B15125550100").find("no From number"), std::string::npos);
  EXPECT_NE(reason("MessageSid=SM3&From=%2B15125550199&To=%2B15125550100")
                .find("From and To are both therapist numbers"),
            std::string::npos);
  EXPECT_NE(reason("MessageSid=SM3&From=%2B13035550142&To=%ZZ").find("cannot be read"),
            std::string::npos);
  EXPECT_NE(reason("[1,2]").find("no MessageSid"), std::string::npos);  // a form of one odd key
}

TEST(TwilioAdapter, SeveralRequestsOnePerLine) {
  const Conversion c = convert(kClientToPractice + "\n\n" +
                               "MessageSid=SM2&From=%2B13035550142&To=%2B15125550199&Body=hi\n");
  EXPECT_EQ(c.events.size(), 2u);
  const Conversion json_lines =
      convert(R"({"MessageSid":"SM5","From":"+13035550142","To":"+15125550100"})"
              "\n"
              R"({"MessageSid":"SM6","From":"+13035550142","To":"+15125550100"})"
              "\n{bad\n");
  EXPECT_EQ(json_lines.events.size(), 2u) << test::describe(json_lines);
  EXPECT_EQ(json_lines.records[2].outcome, Outcome::unmapped);
}

TEST(TwilioAdapter, InvalidUtf8InTheBodyIsReplacedAndSaid) {
  const Conversion c = convert("MessageSid=SM7&From=%2B13035550142&To=%2B15125550100&Body=caf%E9");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(events_of(c)[0]["text"], "caf\xEF\xBF\xBD");
  EXPECT_NE(c.records[0].reason.find("not valid UTF-8"), std::string::npos);
}

TEST(TwilioAdapter, SignatureIsCheckedWhenGiven) {
  const std::string url = "https://bg.hillside.example/twilio/sms";
  std::string why;
  const FormFields fields = *parse_form(kClientToPractice, why);
  TwilioOptions options = at("2026-03-10T23:52:00-05:00");
  options.url = url;
  options.auth_token = "test-auth-token";
  options.signature = twilio_signature(options.auth_token, url, fields);
  EXPECT_EQ(convert(kClientToPractice, test::hillside(), options).events.size(), 1u);

  options.signature = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  const Conversion forged = convert(kClientToPractice, test::hillside(), options);
  EXPECT_TRUE(forged.events.empty());
  EXPECT_NE(forged.records[0].reason.find("X-Twilio-Signature does not match"), std::string::npos);

  TwilioOptions incomplete = at("2026-03-10T23:52:00-05:00");
  incomplete.signature = "x";
  EXPECT_NE(convert(kClientToPractice, test::hillside(), incomplete)
                .input_error.find("needs the request URL"),
            std::string::npos);
  options.signature = "x";
  EXPECT_NE(convert(kClientToPractice + "\n" + kClientToPractice, test::hillside(), options)
                .input_error.find("covers one request"),
            std::string::npos);
}

TEST(TwilioAdapter, JsonBodySignature) {
  const std::string body = R"({"MessageSid":"SM8","From":"+13035550142","To":"+15125550100"})";
  TwilioOptions options = at("2026-03-10T23:52:00-05:00");
  options.auth_token = "test-auth-token";
  options.url = "https://bg.hillside.example/twilio/sms?bodySHA256=" + sha256_hex(body);
  options.signature = twilio_signature(options.auth_token, options.url, {});
  EXPECT_EQ(convert(body, test::hillside(), options).events.size(), 1u);
}

TEST(TwilioAdapter, InputItCannotRead) {
  EXPECT_EQ(convert("").input_error, "the input is empty: no webhook request");
  EXPECT_EQ(convert("  \n\r\n").input_error, "the input is empty: no webhook request");
  TwilioOptions tiny = at("2026-03-10T23:52:00-05:00");
  tiny.max_input_bytes = 4;
  EXPECT_NE(convert(kClientToPractice, test::hillside(), tiny).input_error.find("over the limit"),
            std::string::npos);
}

}  // namespace
}  // namespace bg::adapters
