#include "codec/event_decoder.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

EventError reject(std::string_view json, EventLimits limits = {}) {
  Event event;
  EventError error;
  EXPECT_FALSE(EventDecoder{limits}.decode(json, event, error)) << json;
  return error;
}

Event accept(std::string_view json) {
  Event event;
  EventError error;
  EXPECT_TRUE(EventDecoder{}.decode(json, event, error)) << error.describe();
  return event;
}

constexpr const char* kMessage =
    R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00-06:00","from":{"role":"therapist","id":"t-ana"},"to":{"role":"client","id":"c-042"},"channel":"practice_sms","text":"hello"})";

TEST(EventDecoder, DecodesEveryType) {
  EXPECT_EQ(
      accept(
          R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","hours":{"mon":["09:00-17:00"]}})")
          .type(),
      EventType::therapist);
  EXPECT_EQ(
      accept(
          R"({"type":"client","id":"c-017","therapist":"t-ana","status":"terminated","terminated_on":"2025-11-01"})")
          .type(),
      EventType::client);
  EXPECT_EQ(
      accept(
          R"({"type":"boundary_extension","id":"bx-3","therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"crisis safety plan","approved_by":"s-lee","from":"2026-03-01","until":"2026-04-30"})")
          .type(),
      EventType::boundary_extension);
  EXPECT_EQ(accept(kMessage).type(), EventType::message);
  EXPECT_EQ(
      accept(
          R"({"type":"appointment","id":"a-9","action":"created","start":"2026-03-05T10:00:00-06:00","end":"2026-03-05T10:50:00-06:00","therapist":"t-ana","client":"c-042","location":{"kind":"office","name":"Main St office"},"service":"individual_therapy"})")
          .type(),
      EventType::appointment);
  EXPECT_EQ(
      accept(
          R"({"type":"social","id":"s-5","at":"2026-03-05T14:00:00-06:00","platform":"instagram","action":"follow","actor":{"role":"therapist","id":"t-ana"},"target":{"role":"client","id":"c-042"}})")
          .type(),
      EventType::social);
  const Event payment = accept(
      R"({"type":"payment","id":"p-2","at":"2026-03-05T14:00:00-06:00","from":{"role":"client","id":"c-042"},"to":{"role":"therapist","id":"t-ana"},"kind":"gift","amount":{"value":120,"currency":"USD"},"description":"concert tickets"})");
  const auto& p = std::get<PaymentEvent>(payment.body);
  EXPECT_EQ(p.kind, PaymentKind::gift);
  EXPECT_DOUBLE_EQ(p.amount->value, 120);
}

TEST(EventDecoder, IgnoresUnknownFieldsAndKeepsMissingText) {
  const Event e = accept(
      R"({"type":"message","id":"m-2","at":"2026-03-04T10:00:00Z","from":{"role":"therapist","id":"t"},"to":{"role":"client","id":"c"},"channel":"practice_phone","duration_s":300,"x":{"deep":[1,2]}})");
  EXPECT_FALSE(std::get<MessageEvent>(e.body).text.has_value());
}

TEST(EventDecoder, NamesTheFieldOfEachError) {
  struct Case {
    const char* json;
    const char* field;
    const char* words;
  };
  const Case cases[] = {
      {R"({"type":"memo","id":"x"})", "type", "is not one of"},
      {R"({"id":"x"})", "type", "is required"},
      {R"({"type":"message","at":"2026-03-04T10:00:00Z"})", "id", "is required"},
      {R"({"type":"message","id":"","at":"2026-03-04T10:00:00Z"})", "id", "must not be empty"},
      {R"({"type":"message","id":7})", "id", "must be a string"},
      {R"({"type":"message","id":"m","at":"yesterday","from":{"role":"therapist","id":"t"},"to":{"role":"client","id":"c"},"channel":"portal"})",
       "at", "RFC 3339"},
      {R"({"type":"message","id":"m","at":"2026-03-04T10:00:00Z","from":{"role":"friend","id":"t"},"to":{"role":"client","id":"c"},"channel":"portal"})",
       "from.role", "is not one of"},
      {R"({"type":"message","id":"m","at":"2026-03-04T10:00:00Z","from":"t-ana","to":{"role":"client","id":"c"},"channel":"portal"})",
       "from", "must be an object"},
      {R"({"type":"message","id":"m","at":"2026-03-04T10:00:00Z","from":{"role":"therapist","id":"t"},"to":{"role":"client","id":"c"},"channel":"carrier_pigeon"})",
       "channel", "is not one of"},
      {R"({"type":"message","id":"m","at":"2026-03-04T10:00:00Z","from":{"role":"therapist","id":"t"},"to":{"role":"client","id":"c"},"channel":"portal","text":42})",
       "text", "must be a string"},
      {R"({"type":"therapist","id":"t","time_zone":"America/Chicag"})", "time_zone",
       "not a known IANA time zone"},
      {R"({"type":"therapist","id":"t"})", "time_zone", "is required"},
      {R"({"type":"therapist","id":"t","time_zone":"UTC","hours":{"monday":["09:00-17:00"]}})",
       "hours.monday", "is not a weekday"},
      {R"({"type":"therapist","id":"t","time_zone":"UTC","hours":{"mon":["17:00-09:00"]}})",
       "hours.mon[0]", "ends before it starts"},
      {R"({"type":"therapist","id":"t","time_zone":"UTC","hours":{"mon":["09:00-13:00","12:00-17:00"]}})",
       "hours.mon", "overlap"},
      {R"({"type":"client","id":"c","therapist":"t","time_zone":"Nowhere/Else"})", "time_zone",
       "IANA"},
      {R"({"type":"client","id":"c","therapist":"t","status":"terminated"})", "terminated_on",
       "is required"},
      {R"({"type":"boundary_extension","id":"b","therapist":"t","client":"c","covers":["hugs"],"reason":"r","approved_by":"s","from":"2026-03-01","until":"2026-03-02"})",
       "covers[0]", "must be one of"},
      {R"({"type":"boundary_extension","id":"b","therapist":"t","client":"c","covers":["off_hours"],"reason":"r","approved_by":"s","from":"2026-03-05","until":"2026-03-02"})",
       "until", "is before"},
      {R"({"type":"appointment","id":"a","action":"created","start":"2026-03-05T11:00:00Z","end":"2026-03-05T10:00:00Z","therapist":"t","client":"c","location":{"kind":"office"}})",
       "end", "is before \"start\""},
      {R"({"type":"appointment","id":"a","action":"created","start":"2026-03-05T10:00:00Z","end":"2026-03-05T11:00:00Z","therapist":"t","client":"c","location":{"kind":"yacht"}})",
       "location.kind", "is not one of"},
      {R"({"type":"payment","id":"p","at":"2026-03-05T10:00:00Z","from":{"role":"client","id":"c"},"to":{"role":"therapist","id":"t"},"kind":"gift","amount":{"value":"lots","currency":"USD"}})",
       "amount.value", "must be a number"},
      {R"({"type":"payment","id":"p","at":"2026-03-05T10:00:00Z","from":{"role":"client","id":"c"},"to":{"role":"therapist","id":"t"},"kind":"gift","amount":{"value":-5,"currency":"USD"}})",
       "amount.value", "non-negative"},
      {R"({"type":"payment","id":"p","at":"2026-03-05T10:00:00Z","from":{"role":"client","id":"c"},"to":{"role":"therapist","id":"t"},"kind":"gift","amount":{"value":1e300,"currency":"USD"}})",
       "amount.value", "below"},
      {R"({"type":"payment","id":"p","at":"2026-03-05T10:00:00Z","from":{"role":"client","id":"c"},"to":{"role":"therapist","id":"t"},"kind":"gift","amount":{"value":5,"currency":"dollars"}})",
       "amount.currency", "ISO 4217"},
  };
  for (const auto& c : cases) {
    const EventError error = reject(c.json);
    EXPECT_EQ(error.field, c.field) << c.json;
    EXPECT_NE(error.message.find(c.words), std::string::npos) << error.describe();
  }
}

TEST(EventDecoder, NamesTheEventIdWhenKnown) {
  const EventError error = reject(
      R"({"type":"message","id":"m-77","at":"2026-03-04T10:00:00","from":{"role":"therapist","id":"t"},"to":{"role":"client","id":"c"},"channel":"portal"})");
  EXPECT_EQ(error.event_id, "m-77");
  EXPECT_EQ(error.describe().rfind("event \"m-77\": field \"at\":", 0), 0u) << error.describe();
}

TEST(EventDecoder, RejectsWholeLineProblems) {
  EXPECT_NE(reject("not json").message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(reject(R"({"type":"message",)").message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(reject("[1,2]").message.find("JSON object"), std::string::npos);
  EXPECT_NE(reject("\"text\"").message.find("JSON object"), std::string::npos);
  EXPECT_NE(
      reject("{\"type\":\"message\",\"id\":\"m\xFF\"}").message.find("invalid UTF-8 at byte 25"),
      std::string::npos);
  std::string deep = R"({"type":"message","x":)";
  for (int i = 0; i < 10000; ++i) deep += "[";
  EXPECT_NE(reject(deep).message.find("nested more than"), std::string::npos);
}

TEST(EventDecoder, EnforcesTextLimit) {
  EventLimits limits;
  limits.max_text_bytes = 16;
  std::string json = kMessage;
  json.replace(json.find("hello"), 5, std::string(17, 'a'));
  const EventError error = reject(json, limits);
  EXPECT_EQ(error.field, "text");
  EXPECT_NE(error.message.find("over the limit of 16"), std::string::npos);
  const EventError line = reject(std::string(2 * 1024 * 1024, ' ') + kMessage, limits);
  EXPECT_NE(line.message.find("the line is"), std::string::npos);
}

TEST(EventDecoder, BracketsInsideStringsDoNotCountAsNesting) {
  EXPECT_EQ(json_nesting_depth(R"({"a":"[[[[[[{{{{"})", 16), 1u);
  EXPECT_EQ(json_nesting_depth(R"({"a":"\"[[["})", 16), 1u);
  EXPECT_EQ(json_nesting_depth(R"({"a":[{"b":[]}]})", 16), 4u);
}

}  // namespace
}  // namespace bg
