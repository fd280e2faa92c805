// Rejected events: every decoding error comes back through the ABI as BG_E_BAD_EVENT, with no
// verdict, and a last_error() that names the field (its full path, e.g. "amount.currency").
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

struct BadEvent {
  const char* name;
  const char* line;
  const char* field;  // nullptr: a whole-line error with no field
};

std::ostream& operator<<(std::ostream& out, const BadEvent& c) { return out << c.name; }

// Valid pieces the cases below break one at a time.
#define BG_MSG_PARTIES \
  R"("from":{"role":"therapist","id":"t-ana"},"to":{"role":"client","id":"c-042"})"

const std::vector<BadEvent> kJsonCases = {
    // Whole-line errors.
    {"NotJson", R"({"type":"message",)", nullptr},
    {"NotAnObject", R"(["message"])", nullptr},
    {"InvalidUtf8", "{\"type\":\"client\",\"id\":\"c-\xC3\x28\",\"therapist\":\"t-ana\"}", nullptr},
    {"TooDeep",
     R"({"type":"client","id":"c-1","therapist":"t-ana","x":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]})",
     nullptr},
    // Common fields.
    {"MissingType", R"({"id":"c-1","therapist":"t-ana"})", "type"},
    {"UnknownType", R"({"type":"email","id":"c-1"})", "type"},
    {"TypeNotAString", R"({"type":7,"id":"c-1"})", "type"},
    {"MissingId", R"({"type":"client","therapist":"t-ana"})", "id"},
    {"EmptyId", R"({"type":"client","id":"","therapist":"t-ana"})", "id"},
    {"IdNotAString", R"({"type":"client","id":42,"therapist":"t-ana"})", "id"},
    {"IdWithControlCharacter", R"({"type":"client","id":"c\u0001","therapist":"t-ana"})", "id"},
    // therapist
    {"TherapistWithoutZone", R"({"type":"therapist","id":"t-1"})", "time_zone"},
    {"TherapistUnknownZone", R"({"type":"therapist","id":"t-1","time_zone":"Mars/Olympus"})",
     "time_zone"},
    {"TherapistHoursNotAnObject",
     R"({"type":"therapist","id":"t-1","time_zone":"UTC","hours":["09:00-17:00"]})", "hours"},
    {"TherapistUnknownWeekday",
     R"({"type":"therapist","id":"t-1","time_zone":"UTC","hours":{"funday":["09:00-17:00"]}})",
     "hours.funday"},
    {"TherapistBadRange",
     R"({"type":"therapist","id":"t-1","time_zone":"UTC","hours":{"mon":["25:00-26:00"]}})",
     "hours.mon[0]"},
    {"TherapistRangeAcrossMidnight",
     R"({"type":"therapist","id":"t-1","time_zone":"UTC","hours":{"tue":["09:00-12:00","22:00-02:00"]}})",
     "hours.tue[1]"},
    {"TherapistOverlappingRanges",
     R"({"type":"therapist","id":"t-1","time_zone":"UTC","hours":{"wed":["09:00-13:00","12:00-17:00"]}})",
     "hours.wed"},
    // client
    {"ClientWithoutTherapist", R"({"type":"client","id":"c-1"})", "therapist"},
    {"ClientUnknownZone",
     R"({"type":"client","id":"c-1","therapist":"t-ana","time_zone":"Chicago"})", "time_zone"},
    {"ClientUnknownStatus", R"({"type":"client","id":"c-1","therapist":"t-ana","status":"paused"})",
     "status"},
    {"TerminatedWithoutDate",
     R"({"type":"client","id":"c-1","therapist":"t-ana","status":"terminated"})", "terminated_on"},
    {"TerminatedBadDate",
     R"({"type":"client","id":"c-1","therapist":"t-ana","status":"terminated","terminated_on":"2025-02-30"})",
     "terminated_on"},
    // boundary_extension
    {"ExtensionEmptyCovers",
     R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-042","covers":[],"reason":"r","approved_by":"s","from":"2026-03-01","until":"2026-03-02"})",
     "covers"},
    {"ExtensionUnknownCategory",
     R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-042","covers":["off_hours","naps"],"reason":"r","approved_by":"s","from":"2026-03-01","until":"2026-03-02"})",
     "covers[1]"},
    {"ExtensionWithoutReason",
     R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-042","covers":["off_hours"],"approved_by":"s","from":"2026-03-01","until":"2026-03-02"})",
     "reason"},
    {"ExtensionWithoutApprover",
     R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"r","from":"2026-03-01","until":"2026-03-02"})",
     "approved_by"},
    {"ExtensionUntilBeforeFrom",
     R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"r","approved_by":"s","from":"2026-03-05","until":"2026-03-02"})",
     "until"},
    {"ExtensionBadFrom",
     R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"r","approved_by":"s","from":"03/01/2026","until":"2026-03-02"})",
     "from"},
    // message
    {"MessageWithoutAt",
     R"({"type":"message","id":"m-1",)" BG_MSG_PARTIES R"(,"channel":"portal"})", "at"},
    {"MessageAtWithoutOffset",
     R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00",)" BG_MSG_PARTIES
     R"(,"channel":"portal"})",
     "at"},
    {"MessageAtNotATime",
     R"({"type":"message","id":"m-1","at":"yesterday",)" BG_MSG_PARTIES R"(,"channel":"portal"})",
     "at"},
    {"MessageAtImpossibleDate",
     R"({"type":"message","id":"m-1","at":"2026-02-30T10:00:00Z",)" BG_MSG_PARTIES
     R"(,"channel":"portal"})",
     "at"},
    {"MessageAtNumber",
     R"({"type":"message","id":"m-1","at":1772687700000,)" BG_MSG_PARTIES R"(,"channel":"portal"})",
     "at"},
    {"MessageWithoutFrom",
     R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00Z","to":{"role":"client","id":"c-042"},"channel":"portal"})",
     "from"},
    {"MessageBadRole",
     R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00Z","from":{"role":"supervisor","id":"s"},"to":{"role":"client","id":"c-042"},"channel":"portal"})",
     "from.role"},
    {"MessagePartyWithoutId",
     R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00Z","from":{"role":"therapist","id":"t-ana"},"to":{"role":"client"},"channel":"portal"})",
     "to.id"},
    {"MessageUnknownChannel",
     R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00Z",)" BG_MSG_PARTIES
     R"(,"channel":"carrier_pigeon"})",
     "channel"},
    {"MessageTextNotAString",
     R"({"type":"message","id":"m-1","at":"2026-03-04T23:15:00Z",)" BG_MSG_PARTIES
     R"(,"channel":"portal","text":["hi"]})",
     "text"},
    // appointment
    {"AppointmentUnknownAction",
     R"({"type":"appointment","id":"a-1","action":"moved","start":"2026-03-05T10:00:00Z","end":"2026-03-05T11:00:00Z","therapist":"t-ana","client":"c-042","location":{"kind":"office"}})",
     "action"},
    {"AppointmentEndBeforeStart",
     R"({"type":"appointment","id":"a-1","action":"created","start":"2026-03-05T10:00:00Z","end":"2026-03-05T09:00:00Z","therapist":"t-ana","client":"c-042","location":{"kind":"office"}})",
     "end"},
    {"AppointmentWithoutLocation",
     R"({"type":"appointment","id":"a-1","action":"created","start":"2026-03-05T10:00:00Z","end":"2026-03-05T11:00:00Z","therapist":"t-ana","client":"c-042"})",
     "location"},
    {"AppointmentUnknownLocationKind",
     R"({"type":"appointment","id":"a-1","action":"created","start":"2026-03-05T10:00:00Z","end":"2026-03-05T11:00:00Z","therapist":"t-ana","client":"c-042","location":{"kind":"yacht"}})",
     "location.kind"},
    {"AppointmentWithoutClient",
     R"({"type":"appointment","id":"a-1","action":"created","start":"2026-03-05T10:00:00Z","end":"2026-03-05T11:00:00Z","therapist":"t-ana","location":{"kind":"office"}})",
     "client"},
    {"AppointmentBadStartOffset",
     R"({"type":"appointment","id":"a-1","action":"created","start":"2026-03-05T10:00:00+25:00","end":"2026-03-05T11:00:00Z","therapist":"t-ana","client":"c-042","location":{"kind":"office"}})",
     "start"},
    // social
    {"SocialWithoutPlatform",
     R"({"type":"social","id":"s-1","at":"2026-03-05T14:00:00Z","action":"follow","actor":{"role":"therapist","id":"t-ana"},"target":{"role":"client","id":"c-042"}})",
     "platform"},
    {"SocialUnknownAction",
     R"({"type":"social","id":"s-1","at":"2026-03-05T14:00:00Z","platform":"instagram","action":"poke","actor":{"role":"therapist","id":"t-ana"},"target":{"role":"client","id":"c-042"}})",
     "action"},
    {"SocialTargetNotAnObject",
     R"({"type":"social","id":"s-1","at":"2026-03-05T14:00:00Z","platform":"instagram","action":"follow","actor":{"role":"therapist","id":"t-ana"},"target":"c-042"})",
     "target"},
    // payment
    {"PaymentUnknownKind",
     R"({"type":"payment","id":"p-1","at":"2026-03-05T14:00:00Z",)" BG_MSG_PARTIES
     R"(,"kind":"bribe"})",
     "kind"},
    {"PaymentNegativeAmount",
     R"({"type":"payment","id":"p-1","at":"2026-03-05T14:00:00Z",)" BG_MSG_PARTIES
     R"(,"kind":"gift","amount":{"value":-5,"currency":"USD"}})",
     "amount.value"},
    {"PaymentAmountNotANumber",
     R"({"type":"payment","id":"p-1","at":"2026-03-05T14:00:00Z",)" BG_MSG_PARTIES
     R"(,"kind":"gift","amount":{"value":"5","currency":"USD"}})",
     "amount.value"},
    {"PaymentLowercaseCurrency",
     R"({"type":"payment","id":"p-1","at":"2026-03-05T14:00:00Z",)" BG_MSG_PARTIES
     R"(,"kind":"gift","amount":{"value":5,"currency":"usd"}})",
     "amount.currency"},
    {"PaymentAmountWithoutCurrency",
     R"({"type":"payment","id":"p-1","at":"2026-03-05T14:00:00Z",)" BG_MSG_PARTIES
     R"(,"kind":"gift","amount":{"value":5}})",
     "amount.currency"},
};

class AbiCodecErrorsJson : public ::testing::TestWithParam<BadEvent> {};

TEST_P(AbiCodecErrorsJson, AreBadEventNamingTheField) {
  const BadEvent& c = GetParam();
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  bg_verdict* out = reinterpret_cast<bg_verdict*>(&out);
  const bg_status status = api().evaluate_json(engine.get(), view(c.line), &out);
  EXPECT_EQ(status, BG_E_BAD_EVENT) << c.line;
  EXPECT_EQ(out, nullptr);
  api().verdict_free(out);
  const std::string error = last_error(engine.get());
  EXPECT_NE(error, "");
  if (c.field != nullptr) {
    EXPECT_THAT(error, HasSubstr(std::string{"field \""} + c.field + "\"")) << c.line;
  }
  // The engine keeps serving.
  EXPECT_EQ(
      evaluate_line(engine.get(), R"({"type":"client","id":"c-9","therapist":"t-ana"})").status,
      BG_OK);
  EXPECT_EQ(last_error(engine.get()), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, AbiCodecErrorsJson, ::testing::ValuesIn(kJsonCases),
                         [](const ::testing::TestParamInfo<BadEvent>& param_info) {
                           return std::string{param_info.param.name};
                         });

TEST(AbiCodecErrors, UnknownExtraFieldsAreIgnored) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto r = evaluate_line(
      engine.get(),
      R"({"type":"message","id":"m-1","at":"2026-03-04T10:00:00-06:00",)" BG_MSG_PARTIES
      R"(,"channel":"portal","text":"hi","x_vendor":{"deep":[1,2,3]},"priority":"high"})");
  EXPECT_EQ(r.status, BG_OK) << r.error;
}

// The same kinds of mistakes in C structs. The struct is converted and decoded like JSON, so
// the field names are the JSON ones.
struct BadStruct {
  const char* name;
  std::function<void(Json&)> edit;  // applied to a valid event before the struct is built
  Json base;
  const char* field;
};

std::ostream& operator<<(std::ostream& out, const BadStruct& c) { return out << c.name; }

std::vector<BadStruct> struct_cases() {
  const Json therapist =
      Json::parse(R"({"type":"therapist","id":"t-1","time_zone":"America/Chicago"})");
  const Json client = Json::parse(R"({"type":"client","id":"c-1","therapist":"t-ana"})");
  const Json extension = Json::parse(R"({"type":"boundary_extension","id":"bx-1",
      "therapist":"t-ana","client":"c-042","covers":["off_hours"],"reason":"r",
      "approved_by":"s-lee","from":"2026-03-01","until":"2026-03-02"})");
  const Json msg = message("m-1", "2026-03-04T10:00:00-06:00", therapist_party("t-ana"),
                           client_party("c-042"), "portal", "hi");
  const Json appt = appointment("a-1", "created", "2026-03-05T10:00:00-06:00",
                                "2026-03-05T10:50:00-06:00", "t-ana", "c-042", "office");
  const Json soc = social("s-1", "2026-03-05T14:00:00-06:00", "like", therapist_party("t-ana"),
                          client_party("c-042"));
  const Json pay = payment("p-1", "2026-03-05T14:00:00-06:00", client_party("c-042"),
                           therapist_party("t-ana"), "gift", 20);
  return {
      {"EmptyId", [](Json& e) { e["id"] = ""; }, msg, "id"},
      {"MissingId", [](Json& e) { e.erase("id"); }, appt, "id"},
      {"TherapistWithoutZone", [](Json& e) { e.erase("time_zone"); }, therapist, "time_zone"},
      {"TherapistUnknownZone", [](Json& e) { e["time_zone"] = "Mars/Olympus"; }, therapist,
       "time_zone"},
      {"TherapistBadHours",
       [](Json& e) {
         e["hours"] = Json{{"mon", {"9-5"}}};
       },
       therapist, "hours.mon[0]"},
      {"ClientWithoutTherapist", [](Json& e) { e.erase("therapist"); }, client, "therapist"},
      {"ClientUnknownStatus", [](Json& e) { e["status"] = "paused"; }, client, "status"},
      {"ClientTerminatedWithoutDate", [](Json& e) { e["status"] = "terminated"; }, client,
       "terminated_on"},
      {"ExtensionNoCovers", [](Json& e) { e["covers"] = Json::array(); }, extension, "covers"},
      {"ExtensionUnknownCategory", [](Json& e) { e["covers"] = {"naps"}; }, extension, "covers[0]"},
      {"ExtensionBadUntil", [](Json& e) { e["until"] = "2026-13-01"; }, extension, "until"},
      {"MessageUnknownChannel", [](Json& e) { e["channel"] = "carrier_pigeon"; }, msg, "channel"},
      {"MessageEmptyChannel", [](Json& e) { e["channel"] = ""; }, msg, "channel"},
      {"MessageEmptyPartyId", [](Json& e) { e["to"]["id"] = ""; }, msg, "to.id"},
      {"AppointmentEndBeforeStart", [](Json& e) { e["end"] = "2026-03-05T09:00:00-06:00"; }, appt,
       "end"},
      {"AppointmentUnknownAction", [](Json& e) { e["action"] = "moved"; }, appt, "action"},
      {"AppointmentNoLocationKind", [](Json& e) { e["location"].erase("kind"); }, appt,
       "location.kind"},
      {"SocialUnknownAction", [](Json& e) { e["action"] = "poke"; }, soc, "action"},
      {"SocialNoPlatform", [](Json& e) { e.erase("platform"); }, soc, "platform"},
      {"PaymentUnknownKind", [](Json& e) { e["kind"] = "bribe"; }, pay, "kind"},
      {"PaymentBadCurrency", [](Json& e) { e["amount"]["currency"] = "US"; }, pay,
       "amount.currency"},
      {"PaymentNegativeAmount", [](Json& e) { e["amount"]["value"] = -1; }, pay, "amount.value"},
      {"PaymentNaNAmount",
       [](Json& e) { e["amount"]["value"] = std::numeric_limits<double>::quiet_NaN(); }, pay,
       "amount.value"},
      {"PaymentInfiniteAmount",
       [](Json& e) { e["amount"]["value"] = std::numeric_limits<double>::infinity(); }, pay,
       "amount.value"},
  };
}

class AbiCodecErrorsStruct : public ::testing::TestWithParam<BadStruct> {};

TEST_P(AbiCodecErrorsStruct, AreBadEventNamingTheField) {
  const BadStruct& c = GetParam();
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  Json event = c.base;
  c.edit(event);
  StructEvent s{event};
  const auto r = evaluate_struct(engine.get(), s.type(), s.get());
  EXPECT_EQ(r.status, BG_E_BAD_EVENT) << event.dump();
  EXPECT_EQ(r.verdict, nullptr);
  EXPECT_THAT(r.error, HasSubstr(std::string{"field \""} + c.field + "\"")) << event.dump();
}

INSTANTIATE_TEST_SUITE_P(Cases, AbiCodecErrorsStruct, ::testing::ValuesIn(struct_cases()),
                         [](const ::testing::TestParamInfo<BadStruct>& param_info) {
                           return std::string{param_info.param.name};
                         });

// Invalid UTF-8 in a struct's string: the struct path knows exactly which field it is in, so
// last_error() names it, as for every other rejected field.
TEST(AbiCodecErrors, StructStringWithInvalidUtf8IsBadEventNamingTheField) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  StructEvent s{message("m-1", "2026-03-04T10:00:00-06:00", therapist_party("t-ana"),
                        client_party("c-042"), "portal", "see you Thursday")};
  auto m = *static_cast<const bg_message_event*>(s.get());
  const std::string broken = "caf\xC3\x28 ok";  // 0xC3 0x28: a broken two-byte sequence
  m.text = view(broken);
  const auto r = evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m);
  EXPECT_EQ(r.status, BG_E_BAD_EVENT);
  EXPECT_EQ(r.verdict, nullptr);
  EXPECT_THAT(r.error, HasSubstr("\"text\"")) << "last_error: " << r.error;
}

TEST(AbiCodecErrors, JsonTextWithInvalidUtf8IsBadEvent) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const std::string line =
      "{\"type\":\"message\",\"id\":\"m-1\",\"at\":\"2026-03-04T10:00:00Z\"," BG_MSG_PARTIES
      ",\"channel\":\"portal\",\"text\":\"caf\xC3\x28\"}";
  const auto r = evaluate_line(engine.get(), line);
  EXPECT_EQ(r.status, BG_E_BAD_EVENT);
  EXPECT_EQ(r.verdict, nullptr);
  EXPECT_THAT(r.error, HasSubstr("UTF-8"));
}

// An amount without a currency is an error in JSON ("amount.currency" is required); the struct
// form of the same event (amount_value set, amount_currency empty) must not silently drop the
// amount, which would hide a USD 120 gift from every gift rule.
TEST(AbiCodecErrors, StructPaymentAmountWithoutCurrencyIsBadEvent) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  StructEvent s{payment("p-1", "2026-03-05T14:00:00-06:00", client_party("c-042"),
                        therapist_party("t-ana"), "gift", 120)};
  // With the currency, the struct is a USD 120 gift like its JSON form.
  const auto with_currency = evaluate_struct(engine.get(), s.type(), s.get());
  ASSERT_EQ(with_currency.status, BG_OK) << with_currency.error;
  auto p = *static_cast<const bg_payment_event*>(s.get());
  const std::string id = "p-2";
  p.id = view(id);
  p.amount_currency = bg_str{nullptr, 0};
  const auto r = evaluate_struct(engine.get(), BG_EVENT_PAYMENT, &p);
  EXPECT_EQ(r.status, BG_E_BAD_EVENT) << verdict_json(r.verdict.get());
  EXPECT_THAT(r.error, HasSubstr("amount.currency"));
}

TEST(AbiCodecErrors, TextOverMaxTextBytesNamesTheField) {
  auto engine = must_open("", "", R"({"max_text_bytes":64})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const std::string at_limit(64, 'a');
  const std::string over_limit(65, 'a');
  const auto ok =
      evaluate(engine.get(), message("m-1", "2026-03-04T10:00:00-06:00", therapist_party("t-ana"),
                                     client_party("c-042"), "portal", at_limit.c_str()));
  EXPECT_EQ(ok.status, BG_OK) << ok.error;
  const auto json =
      evaluate(engine.get(), message("m-2", "2026-03-04T10:00:00-06:00", therapist_party("t-ana"),
                                     client_party("c-042"), "portal", over_limit.c_str()));
  EXPECT_EQ(json.status, BG_E_BAD_EVENT);
  EXPECT_THAT(json.error, HasSubstr("field \"text\""));
  StructEvent s{message("m-3", "2026-03-04T10:00:00-06:00", therapist_party("t-ana"),
                        client_party("c-042"), "portal", over_limit.c_str())};
  const auto from_struct = evaluate_struct(engine.get(), s.type(), s.get());
  EXPECT_EQ(from_struct.status, BG_E_BAD_EVENT);
  EXPECT_THAT(from_struct.error, HasSubstr("field \"text\""));
}

// Times far outside what RFC 3339 can write (4-digit years) are rejected, not wrapped around.
TEST(AbiCodecErrors, StructTimesOutsideRfc3339AreBadEvent) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  StructEvent s{message("m-1", "2026-03-04T10:00:00-06:00", therapist_party("t-ana"),
                        client_party("c-042"), "portal", "hi")};
  int n = 0;
  for (const int64_t at : {INT64_MAX, INT64_MIN, int64_t{253402300800000} /* year 10000 */,
                           int64_t{-62167219200001} /* before year 0 */}) {
    auto m = *static_cast<const bg_message_event*>(s.get());
    const std::string id = "m-far-" + std::to_string(n++);
    m.id = view(id);
    m.at_ms = at;
    const auto r = evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m);
    EXPECT_EQ(r.status, BG_E_BAD_EVENT) << "at_ms " << at << ": " << verdict_json(r.verdict.get());
    EXPECT_THAT(r.error, HasSubstr("\"at\"")) << "at_ms " << at;
  }
}

}  // namespace
}  // namespace bgtest
