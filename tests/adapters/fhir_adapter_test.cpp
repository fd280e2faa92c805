// The FHIR adapter on therapy cases of our own (tests/data/adapters/fhir) and on the edges of
// the format: references, statuses, bundles, notifications, and input it cannot read.
#include <gtest/gtest.h>

#include "adapter_test_support.h"
#include "adapters/fhir_adapter.h"

namespace bg::adapters {
namespace {

using nlohmann::json;
using test::events_of;
using test::hillside;

Conversion convert(const std::string& text, const MappingConfig& config = hillside()) {
  FhirOptions options;
  options.clock = [] { return *parse_rfc3339("2026-03-10T12:00:00Z"); };
  return convert_fhir(text, config, options);
}

Conversion convert_file(const std::string& relative) {
  return convert(test::read_file(test::data_path(relative)));
}

// A Communication from Ana to Sam with `extra` members merged in.
std::string communication(const json& extra) {
  json r = json::parse(R"({"resourceType":"Communication","id":"c1","status":"completed",
    "sent":"2026-03-10T10:00:00-05:00","sender":{"reference":"Practitioner/ana-ruiz"},
    "recipient":[{"reference":"Patient/sam-lee"}],"payload":[{"contentString":"See you Thursday."}]})");
  r.merge_patch(extra);
  return r.dump();
}

std::string appointment(const json& extra) {
  json r = json::parse(R"({"resourceType":"Appointment","id":"a1","status":"booked",
    "start":"2026-03-10T10:00:00-05:00","end":"2026-03-10T10:50:00-05:00","participant":[
      {"actor":{"reference":"Practitioner/ana-ruiz"}},{"actor":{"reference":"Patient/sam-lee"}},
      {"actor":{"reference":"Location/elm-st"}}]})");
  r.merge_patch(extra);
  return r.dump();
}

TEST(FhirAdapter, CommunicationFromAPersonalEmailIsAPersonalEmailMessage) {
  const Conversion c = convert_file("fhir/communication-personal-email.json");
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0]["id"], "Communication/msg-3107/_history/1");
  EXPECT_EQ(events[0]["at"], "2026-03-10T23:05:00-05:00");
  EXPECT_EQ(events[0]["from"], json::parse(R"({"role":"therapist","id":"t-ana"})"));
  EXPECT_EQ(events[0]["to"], json::parse(R"({"role":"client","id":"c-042"})"));
  EXPECT_EQ(events[0]["channel"], "personal_email");
  EXPECT_NE(events[0]["text"].get<std::string>().find("it's my own address"), std::string::npos);
  // The attachment is not analysed, and the report says so.
  EXPECT_EQ(c.records[0].outcome, Outcome::partial);
  EXPECT_NE(c.records[0].reason.find("payload[1] is an attachment (image/jpeg)"),
            std::string::npos);
}

TEST(FhirAdapter, PersonalMediumIsOnlyKnownThroughTheMapping) {
  const Conversion c =
      convert(test::read_file(test::data_path("fhir/communication-personal-email.json")),
              MappingConfig::defaults());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["channel"], "other");
  EXPECT_NE(c.records[0].reason.find("medium personal-email names no channel in the mapping"),
            std::string::npos)
      << c.records[0].reason;
}

TEST(FhirAdapter, AppointmentAtACafeIsInTheCommunity) {
  const Conversion c = convert_file("fhir/appointment-cafe.json");
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0], json::parse(R"({"type":"appointment","id":"Appointment/appt-8120",
    "action":"created","start":"2026-03-12T16:00:00-05:00","end":"2026-03-12T16:50:00-05:00",
    "therapist":"t-ana","client":"c-042","location":{"kind":"community","name":"Corner Café",
    "address":"600 Congress Ave, Austin, TX"}})"));
  EXPECT_EQ(c.records[0].outcome, Outcome::mapped);
}

TEST(FhirAdapter, AppointmentAtACafeIsOtherWithoutASettingRule) {
  const Conversion c = convert(test::read_file(test::data_path("fhir/appointment-cafe.json")),
                               MappingConfig::defaults());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0]["location"]["kind"], "other");
  EXPECT_EQ(events[0]["location"]["name"], "Corner Café");
  EXPECT_EQ(c.records[0].outcome, Outcome::partial);
}

TEST(FhirAdapter, NotificationWithAPreparedMessageIsStampedAtTheNotification) {
  const Conversion c = convert_file("fhir/notification-full-resource.json");
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0]["id"], "Communication/msg-3120");
  EXPECT_EQ(events[0]["at"], "2026-03-11T14:02:08.540-05:00");
  EXPECT_EQ(events[0]["channel"], "portal");
  EXPECT_EQ(events[0]["from"]["id"], "t-ana");  // absolute references, mapped
  EXPECT_NE(c.records[0].reason.find("time of the notification event"), std::string::npos);
}

TEST(FhirAdapter, PreparedMessageOutsideANotificationTakesTheClock) {
  const Conversion c =
      convert(communication(json::parse(R"({"status":"preparation","sent":null})")));
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0]["at"], "2026-03-10T12:00:00+00:00");
  EXPECT_NE(c.records[0].reason.find("stamped with the time it was converted"), std::string::npos);
}

TEST(FhirAdapter, CompletedMessageWithoutSentTimeIsUnmapped) {
  const Conversion c = convert(communication(json::parse(R"({"sent":null})")));
  EXPECT_TRUE(c.events.empty());
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_EQ(c.records[0].reason, "no sent time");
}

TEST(FhirAdapter, SentWithoutOffsetIsUnmapped) {
  const Conversion c = convert(communication(json::parse(R"({"sent":"2026-03-10"})")));
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("sent \"2026-03-10\" is not a date-time"), std::string::npos);
}

TEST(FhirAdapter, ClientMessageRunsTheOtherWay) {
  const Conversion c = convert(communication(json::parse(R"({
    "sender":{"reference":"Patient/sam-lee"},"recipient":[{"reference":"Practitioner/ana-ruiz"}]})")));
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["from"]["role"], "client");
  EXPECT_EQ(events[0]["to"]["role"], "therapist");
}

TEST(FhirAdapter, SeveralRecipientsAreOneMessageEach) {
  const Conversion c = convert(communication(json::parse(R"({"recipient":[
    {"reference":"Patient/sam-lee"},{"reference":"Patient/p-7"},
    {"reference":"Practitioner/colleague"},{"reference":"RelatedPerson/mum"}]})")));
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 2u) << test::describe(c);
  EXPECT_EQ(events[0]["id"], "Communication/c1#c-042");
  EXPECT_EQ(events[1]["id"], "Communication/c1#Patient/p-7");
  EXPECT_EQ(c.records[0].outcome, Outcome::partial);
  EXPECT_NE(c.records[0].reason.find("Practitioner/colleague is, like the sender, a therapist"),
            std::string::npos);
  EXPECT_NE(c.records[0].reason.find("RelatedPerson/mum is a RelatedPerson"), std::string::npos);
}

TEST(FhirAdapter, MessageBetweenColleaguesIsUnmapped) {
  const Conversion c = convert(communication(json::parse(R"({
    "recipient":[{"reference":"Practitioner/colleague"}]})")));
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("only therapist-client contact is evaluated"),
            std::string::npos);
}

TEST(FhirAdapter, MessageStatusesThatAreNotMessages) {
  EXPECT_EQ(
      convert(communication(json::parse(R"({"status":"entered-in-error"})"))).records[0].outcome,
      Outcome::skipped);
  EXPECT_EQ(convert(communication(json::parse(R"({"status":"not-done"})"))).records[0].outcome,
            Outcome::skipped);
}

TEST(FhirAdapter, MessageWithoutIdOrSenderIsUnmappedWithEveryReason) {
  const Conversion c = convert(communication(json::parse(R"({"id":null,"sender":null})")));
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("no id"), std::string::npos);
  EXPECT_NE(c.records[0].reason.find("no sender"), std::string::npos);
}

TEST(FhirAdapter, DefaultMediaNameTheirChannels) {
  for (const auto& [code, channel] :
       std::vector<std::pair<std::string, std::string>>{{"EMAILWRIT", "practice_email"},
                                                        {"PHONE", "practice_phone"},
                                                        {"ONLINEWRIT", "portal"},
                                                        {"VIDEOCONF", "telehealth_chat"}}) {
    const Conversion c = convert(communication({{"medium",
                                                 {{{"coding",
                                                    {{{"system",
                                                       "http://terminology.hl7.org/CodeSystem/"
                                                       "v3-ParticipationMode"},
                                                      {"code", code}}}}}}}}));
    ASSERT_EQ(c.events.size(), 1u) << code;
    EXPECT_EQ(events_of(c)[0]["channel"], channel) << code;
    EXPECT_EQ(c.records[0].outcome, Outcome::mapped) << c.records[0].reason;
  }
}

TEST(FhirAdapter, AppointmentStatusesBecomeActions) {
  const auto action = [](const json& extra) {
    const Conversion c = convert(appointment(extra));
    return c.events.empty() ? std::string{"(none)"} : events_of(c)[0]["action"].get<std::string>();
  };
  EXPECT_EQ(action(json::object()), "created");
  EXPECT_EQ(action({{"status", "cancelled"}}), "cancelled");
  EXPECT_EQ(action({{"status", "noshow"}}), "cancelled");
  EXPECT_EQ(action({{"meta", {{"versionId", "3"}}}}), "updated");
  EXPECT_EQ(action({{"status", "entered-in-error"}}), "(none)");
  const Conversion versioned = convert(appointment({{"meta", {{"versionId", "3"}}}}));
  EXPECT_EQ(events_of(versioned)[0]["id"], "Appointment/a1/_history/3");
}

TEST(FhirAdapter, AppointmentEndFromMinutesDuration) {
  const Conversion c = convert(appointment(json::parse(R"({"end":null,"minutesDuration":45})")));
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0]["end"], "2026-03-10T10:45:00-05:00");
  const Conversion none = convert(appointment(json::parse(R"({"end":null})")));
  EXPECT_EQ(none.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(none.records[0].reason.find("a start but no end"), std::string::npos);
}

TEST(FhirAdapter, AppointmentLocationSettings) {
  const auto kind = [](const std::string& bundle) {
    const Conversion c = convert(bundle);
    for (const auto& e : events_of(c)) {
      if (e["type"] == "appointment") return e["location"]["kind"].get<std::string>();
    }
    return std::string{"(none)\n"} + test::describe(c);
  };
  EXPECT_EQ(kind(appointment(json::object())), "office");  // fhir.locations lists Location/elm-st
  // In a bundle, the Location's type says the setting.
  const std::string with_type = R"({"resourceType":"Bundle","type":"collection","entry":[
    {"fullUrl":"urn:uuid:l1","resource":{"resourceType":"Location","type":[{"coding":[
      {"system":"http://terminology.hl7.org/CodeSystem/v3-RoleCode","code":"PTRES"}]}]}},
    {"resource":)" + appointment(json::parse(R"({"participant":[
      {"actor":{"reference":"Practitioner/ana-ruiz"}},{"actor":{"reference":"Patient/sam-lee"}},
      {"actor":{"reference":"urn:uuid:l1"}}]})")) +
                                "}]}";
  EXPECT_EQ(kind(with_type), "client_home");
  const std::string virtual_room = R"({"resourceType":"Bundle","type":"collection","entry":[
    {"resource":{"resourceType":"Location","id":"v1","physicalType":{"coding":[{"code":"vi"}]}}},
    {"resource":)" + appointment(json::parse(R"({"participant":[
      {"actor":{"reference":"Practitioner/ana-ruiz"}},{"actor":{"reference":"Patient/sam-lee"}},
      {"actor":{"reference":"Location/v1"}}]})")) +
                                   "}]}";
  EXPECT_EQ(kind(virtual_room), "telehealth");
}

TEST(FhirAdapter, AppointmentWithoutAPatientIsUnmapped) {
  const Conversion c = convert(appointment(json::parse(R"({"participant":[
    {"actor":{"reference":"Practitioner/ana-ruiz"}},{"actor":{"reference":"Location/elm-st"}}]})")));
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("no Patient takes part (the client)"), std::string::npos);
}

TEST(FhirAdapter, DeclinedParticipantIsNotUsed) {
  const Conversion c = convert(appointment(json::parse(R"({"participant":[
    {"actor":{"reference":"Practitioner/ana-ruiz"}},{"actor":{"reference":"Patient/sam-lee"}},
    {"actor":{"reference":"Patient/p-9"},"status":"declined"}]})")));
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_NE(c.records[0].reason.find("participant Patient/p-9 declined"), std::string::npos);
}

TEST(FhirAdapter, VirtualEncounterIsTelehealthAndAnOpenOneEndsWhenItStarts) {
  const Conversion c = convert(R"({"resourceType":"Encounter","id":"e1","status":"in-progress",
    "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"VR"},
    "subject":{"reference":"Patient/sam-lee"},
    "participant":[{"individual":{"reference":"Practitioner/ana-ruiz"}}],
    "period":{"start":"2026-03-10T20:00:00-05:00"}})");
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0]["location"]["kind"], "telehealth");
  EXPECT_EQ(events[0]["end"], events[0]["start"]);
  EXPECT_NE(c.records[0].reason.find("no end yet (status in-progress)"), std::string::npos);
}

TEST(FhirAdapter, ListedLocationOutranksTheEncounterClass) {
  const Conversion c = convert(R"({"resourceType":"Encounter","id":"e2","status":"finished",
    "class":{"code":"HH"},"subject":{"reference":"Patient/sam-lee"},
    "participant":[{"individual":{"reference":"Practitioner/ana-ruiz"}}],
    "location":[{"location":{"reference":"Location/elm-st"}}],
    "period":{"start":"2026-03-10T10:00:00-05:00","end":"2026-03-10T10:50:00-05:00"}})");
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0]["location"]["kind"], "office");
}

TEST(FhirAdapter, PatientZoneExtensionAndAMistakenOne) {
  const Conversion c = convert(R"({"resourceType":"Patient","id":"sam-lee",
    "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/tz-code","valueCode":"America/Denver"}],
    "generalPractitioner":[{"reference":"Organization/hillside"},{"reference":"Practitioner/ana-ruiz"}]})");
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0], json::parse(R"({"type":"client","id":"c-042","therapist":"t-ana",
    "time_zone":"America/Denver"})"));
  const Conversion wrong = convert(R"({"resourceType":"Patient","id":"sam-lee",
    "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/tz-code","valueCode":"Mountain"}],
    "generalPractitioner":[{"reference":"Practitioner/ana-ruiz"}]})");
  ASSERT_EQ(wrong.events.size(), 1u);
  EXPECT_FALSE(events_of(wrong)[0].contains("time_zone"));
  EXPECT_NE(wrong.records[0].reason.find("\"Mountain\" is not an IANA zone"), std::string::npos);
}

TEST(FhirAdapter, PractitionerRoleAllDayAndEveryDay) {
  const Conversion all_day = convert(R"({"resourceType":"PractitionerRole","id":"r1",
    "practitioner":{"reference":"Practitioner/ana-ruiz"},
    "availableTime":[{"daysOfWeek":["sat"],"allDay":true}]})");
  ASSERT_EQ(all_day.events.size(), 1u) << test::describe(all_day);
  EXPECT_EQ(events_of(all_day)[0]["hours"], json::parse(R"({"sat":["00:00-24:00"]})"));
  // No daysOfWeek: every day. An end of midnight is the end of the day.
  const Conversion every_day = convert(R"({"resourceType":"PractitionerRole","id":"r2",
    "practitioner":{"reference":"Practitioner/ana-ruiz"},
    "availableTime":[{"availableStartTime":"18:30:00","availableEndTime":"00:00:00"}]})");
  ASSERT_EQ(every_day.events.size(), 1u) << test::describe(every_day);
  const auto hours = events_of(every_day)[0]["hours"];
  EXPECT_EQ(hours.size(), 7u);
  EXPECT_EQ(hours["mon"], json::parse(R"(["18:30-24:00"])"));
  EXPECT_EQ(hours["sun"], json::parse(R"(["18:30-24:00"])"));
}

TEST(FhirAdapter, OverlappingHoursAreRejectedByTheSchemaCheck) {
  const Conversion c = convert(R"({"resourceType":"PractitionerRole","id":"r1",
    "practitioner":{"reference":"Practitioner/ana-ruiz"},
    "availableTime":[{"daysOfWeek":["mon"],"availableStartTime":"09:00:00","availableEndTime":"12:00:00"},
                     {"daysOfWeek":["mon"],"availableStartTime":"11:00:00","availableEndTime":"13:00:00"}]})");
  EXPECT_TRUE(c.events.empty());
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("the mapped event was rejected"), std::string::npos);
  EXPECT_NE(c.records[0].reason.find("hours.mon"), std::string::npos) << c.records[0].reason;
}

TEST(FhirAdapter, EventIdsTheSchemaWouldRejectAreReported) {
  const Conversion c = convert(communication({{"id", std::string(300, 'x')}}));
  EXPECT_TRUE(c.events.empty());
  EXPECT_EQ(c.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[0].reason.find("field \"id\""), std::string::npos) << c.records[0].reason;
}

TEST(FhirAdapter, BundleRosterComesFirstAndUrnReferencesResolve) {
  const Conversion c = convert(R"({"resourceType":"Bundle","type":"transaction","entry":[
    {"fullUrl":"urn:uuid:m1","resource":{"resourceType":"Communication","status":"completed",
      "sent":"2026-03-10T10:00:00-05:00","sender":{"reference":"urn:uuid:t1"},
      "recipient":[{"reference":"urn:uuid:p1"}]}},
    {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient",
      "generalPractitioner":[{"reference":"urn:uuid:t1"}]}},
    {"fullUrl":"urn:uuid:t1","resource":{"resourceType":"Practitioner"}}]})");
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 3u) << test::describe(c);
  EXPECT_EQ(events[0]["type"], "client");
  EXPECT_EQ(events[0]["id"], "urn:uuid:p1");
  EXPECT_EQ(events[0]["therapist"], "urn:uuid:t1");
  EXPECT_EQ(events[1]["type"], "therapist");
  EXPECT_EQ(events[1]["time_zone"], "America/Chicago");  // the mapping's default
  EXPECT_EQ(events[2]["id"], "urn:uuid:m1");
  EXPECT_EQ(events[2]["from"]["id"], "urn:uuid:t1");
  EXPECT_EQ(events[2]["channel"], "other");
}

TEST(FhirAdapter, R5SubscriptionStatusNotificationsAreRead) {
  const Conversion c = convert(R"({"resourceType":"Bundle","type":"subscription-notification",
    "entry":[{"resource":{"resourceType":"SubscriptionStatus","type":"event-notification",
      "subscription":{"reference":"Subscription/s1"},
      "notificationEvent":[{"eventNumber":7,"timestamp":"2026-03-10T10:00:00-05:00",
        "focus":{"reference":"Appointment/a9"}}]}}]})");
  ASSERT_EQ(c.records.size(), 1u) << test::describe(c);
  EXPECT_EQ(c.records[0].record, "Appointment/a9");
  EXPECT_EQ(c.records[0].outcome, Outcome::needs_resource);
  EXPECT_NE(c.records[0].reason.find("(event 7, 2026-03-10T10:00:00-05:00) from Subscription/s1"),
            std::string::npos)
      << c.records[0].reason;
}

TEST(FhirAdapter, IdOnlySubscriptionIsToldToAskForFullResources) {
  const Conversion c = convert(R"({"resourceType":"Subscription","id":"s1","status":"active",
    "channel":{"type":"rest-hook","_payload":{"extension":[{"url":"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content","valueCode":"id-only"}]}}})");
  EXPECT_EQ(c.records[0].outcome, Outcome::skipped);
  EXPECT_NE(c.records[0].reason.find("ask for full-resource"), std::string::npos);
}

TEST(FhirAdapter, NdjsonIsOneResourcePerLine) {
  const std::string ndjson =
      appointment(json::object()) + "\n" + "{not json\n" + communication(json::object()) + "\n";
  const Conversion c = convert(ndjson);
  ASSERT_TRUE(c.readable()) << c.input_error;
  EXPECT_EQ(c.events.size(), 2u) << test::describe(c);
  EXPECT_EQ(test::record(c, "line 2").outcome, Outcome::unmapped);
  EXPECT_EQ(test::record(c, "line 2").reason, "not valid JSON");
}

TEST(FhirAdapter, InputItCannotRead) {
  EXPECT_EQ(convert("").input_error, "not valid JSON at byte 1");
  EXPECT_EQ(convert("{\"resourceType\":").input_error, "not valid JSON at byte 17");
  EXPECT_EQ(convert("{\"a\":\"\xff\"}").input_error, "invalid UTF-8 at byte 6");
  EXPECT_EQ(convert(std::string(100, '[') + std::string(100, ']')).input_error,
            "nested more than 64 levels deep");
  FhirOptions small;
  small.max_input_bytes = 10;
  EXPECT_NE(convert_fhir(appointment(json::object()), hillside(), small)
                .input_error.find("over the limit"),
            std::string::npos);
  EXPECT_TRUE(convert("").lost_something());
}

TEST(FhirAdapter, JsonThatIsNotAResource) {
  const Conversion array = convert("[1,2]");
  ASSERT_EQ(array.records.size(), 1u);
  EXPECT_EQ(array.records[0].reason, "not a FHIR resource but a JSON array");
  const Conversion untyped = convert(R"({"id":"x"})");
  EXPECT_EQ(untyped.records[0].reason, "not a FHIR resource: it has no resourceType");
  const Conversion other = convert(R"({"resourceType":"Observation","id":"o1"})");
  EXPECT_EQ(other.records[0].outcome, Outcome::skipped);
  EXPECT_NE(other.records[0].reason.find("Observation is not a resource Boundary Guard evaluates"),
            std::string::npos);
}

TEST(FhirAdapter, BundlesNestedTooDeepAndEmptyOnes) {
  std::string nested = R"({"resourceType":"Bundle","id":"empty","type":"collection"})";
  EXPECT_EQ(convert(nested).records[0].reason, "an empty Bundle");
  for (int i = 0; i < 5; ++i) {
    nested =
        R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":)" + nested + "}]}";
  }
  const Conversion c = convert(nested);
  ASSERT_EQ(c.records.size(), 1u) << test::describe(c);
  EXPECT_NE(c.records[0].reason.find("nested more than 4 deep"), std::string::npos);
}

TEST(FhirAdapter, HostileShapesNeverThrow) {
  for (
      const char* text :
      {R"({"resourceType":"Communication","sender":5,"recipient":"x","payload":{}})",
       R"({"resourceType":"Appointment","participant":[null,1,{"actor":[]}],"start":7})",
       R"({"resourceType":"Encounter","class":[1,{"coding":5}],"period":"x","location":[{}]})",
       R"({"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Parameters","parameter":[{"name":"type","valueCode":"event-notification"},{"name":"subscription","valueReference":{"reference":5}},{"name":"notification-event","part":5}]}}]})",
       R"({"resourceType":"PractitionerRole","practitioner":{"reference":"#me"},"contained":[5],"availableTime":[{"daysOfWeek":[1,"mon"],"availableStartTime":"9"}]})",
       R"({"resourceType":"Patient","generalPractitioner":5,"extension":[{"url":5}]})"}) {
    EXPECT_NO_THROW(convert(text)) << text;
  }
}

}  // namespace
}  // namespace bg::adapters
