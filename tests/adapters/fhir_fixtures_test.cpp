// Every public FHIR fixture (../shared/fixtures/fhir and fhir-subscription), read in place:
// mapped to events whose fields are checked, or turned away with a reason a person would accept.
#include <gtest/gtest.h>

#include <map>

#include "adapter_test_support.h"
#include "adapters/fhir_adapter.h"

namespace bg::adapters {
namespace {

using nlohmann::json;
using test::events_of;
using test::read_shared;
using test::record;

// The mapping for the fixtures' own people (Practitioner/example is t-careful, ...).
const MappingConfig& fixture_mapping() {
  static const MappingConfig config =
      test::load_mapping(test::data_path("mappings/shared-fixtures.yaml"));
  return config;
}

Conversion convert_shared(const std::string& file, const MappingConfig& config) {
  return convert_fhir(read_shared(file), config);
}

// What each fixture becomes: its records' outcomes, and words its reasons must contain.
struct Expectation {
  std::vector<std::pair<std::string, Outcome>> records;
  std::vector<std::string> reason_words;
};

const std::map<std::string, Expectation>& expectations() {
  static const std::map<std::string, Expectation> table{
      {"fhir/appointment-example-request.json",
       {{{"Appointment/examplereq", Outcome::unmapped}},
        {"no start and end yet", "status proposed", "requested period",
         "no Practitioner takes part"}}},
      {"fhir/appointment-example.json", {{{"Appointment/example", Outcome::mapped}}, {}}},
      {"fhir/appointment-example2doctors.json",
       {{{"Appointment/2docs", Outcome::partial}},
        {"\"Phone Call\" has no reference", "no Location"}}},
      {"fhir/appointmentresponse-example-req.json",
       {{{"AppointmentResponse/exampleresp", Outcome::skipped}},
        {"reply to Appointment/examplereq", "evaluates the Appointment"}}},
      {"fhir/bundle-transaction.json",
       {{{"urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a", Outcome::unmapped},
         {"urn:uuid:88f151c0-a954-468a-88bd-5ae15c08e059", Outcome::unmapped},
         {"Patient/123", Outcome::unmapped},
         {"urn:uuid:74891afc-ed52-42a2-bcd7-f13d9b60f096", Outcome::unmapped},
         {"Patient/123a", Outcome::unmapped},
         {"DELETE Patient/234", Outcome::skipped},
         {"DELETE Patient?identifier=123456", Outcome::skipped},
         {"urn:uuid:79378cb8-8f58-48e8-a5e8-60ac2755b674", Outcome::skipped},
         {"GET Patient?name=peter", Outcome::skipped},
         {"GET Patient/12334", Outcome::skipped}},
        {"names no treating practitioner", "request entry, which carries no resource",
         "input of an operation"}}},
      {"fhir/communication-example-fm-attachment.json",
       {{{"Communication/fm-attachment", Outcome::unmapped}},
        {"sender identifier http://www.jurisdiction.com/provideroffices|3456",
         "names no one on the roster"}}},
      {"fhir/communication-example-fm-solicited-attachment.json",
       {{{"Communication/fm-solicited", Outcome::unmapped}},
        {"sender #provider is an Organization", "recipient #payor is an Organization"}}},
      {"fhir/communication-example.json",
       {{{"Communication/example", Outcome::unmapped}},
        {"sender Device/f001 is a Device", "contact between therapists and clients"}}},
      {"fhir/communicationrequest-example-fm-solicit-attachment.json",
       {{{"CommunicationRequest/fm-solicit", Outcome::skipped}},
        {"asks for a message to be sent", "evaluates the Communication when it is sent"}}},
      {"fhir/communicationrequest-example.json",
       {{{"CommunicationRequest/example", Outcome::skipped}}, {"asks for a message"}}},
      {"fhir/encounter-example-home.json", {{{"Encounter/home", Outcome::mapped}}, {}}},
      {"fhir/encounter-example.json",
       {{{"Encounter/example", Outcome::unmapped}},
        {"no period, so there is no session time to check", "no Practitioner takes part"}}},
      {"fhir/location-example-room.json",
       {{{"Location/2", Outcome::context}}, {"setting is not known", "mapped as other"}}},
      {"fhir/location-example.json",
       {{{"Location/1", Outcome::context}}, {"mapped to the setting office"}}},
      {"fhir/patient-example.json", {{{"Patient/example", Outcome::mapped}}, {}}},
      {"fhir/practitioner-example.json", {{{"Practitioner/example", Outcome::mapped}}, {}}},
      {"fhir/practitionerrole-example.json", {{{"PractitionerRole/example", Outcome::mapped}}, {}}},
      {"fhir/schedule-example.json",
       {{{"Schedule/example", Outcome::skipped}}, {"availability, not a booking"}}},
      {"fhir/schedule-provider-location1-example.json",
       {{{"Schedule/exampleloc1", Outcome::skipped}}, {"availability, not a booking"}}},
      {"fhir/slot-example-busy.json",
       {{{"Slot/1", Outcome::skipped}}, {"availability, not a booking"}}},
      {"fhir/slot-example.json",
       {{{"Slot/example", Outcome::skipped}}, {"availability, not a booking"}}},
      {"fhir/subscription-example.json",
       {{{"Subscription/example", Outcome::skipped}}, {"evaluates the notification bundles"}}},
      {"fhir-subscription/Subscription_full-resource.json",
       {{{"Subscription", Outcome::skipped}}, {"evaluates the notification bundles"}}},
      {"fhir-subscription/full_resource_notification_bundle_example.json",
       {{{"Encounter/86009987-eabe-42bf-8c02-b112b18cb616", Outcome::unmapped}},
        {"no period", "no Practitioner takes part"}}},
      {"fhir-subscription/handshake_bundle_example.json",
       {{{"Bundle/r4-notification-handshake", Outcome::skipped}},
        {"subscription handshake from Subscription/123", "carries no events"}}},
      {"fhir-subscription/heartbeat_bundle_example.json",
       {{{"Bundle/r4-notification-heartbeat", Outcome::skipped}},
        {"subscription heartbeat from Subscription/123", "carries no events"}}},
      {"fhir-subscription/id_only_notification_bundle_example.json",
       {{{"Encounter/86009987-eabe-42bf-8c02-b112b18cb616", Outcome::needs_resource}},
        {"id-only notification", "from Subscription/123",
         "GET https://fhirserver.org/fhir/Encounter/86009987-eabe-42bf-8c02-b112b18cb616",
         "full-resource"}}},
  };
  return table;
}

TEST(FhirFixtures, EveryFixtureFileHasAnExpectation) {
  for (const char* folder : {"fhir", "fhir-subscription"}) {
    const auto files = test::shared_files(folder);
    EXPECT_FALSE(files.empty()) << folder;
    for (const auto& file : files) {
      EXPECT_EQ(expectations().count(std::string{folder} + "/" + file), 1u)
          << folder << "/" << file << " has no expectation in this test";
    }
  }
}

TEST(FhirFixtures, EachIsMappedOrTurnedAwayWithItsReason) {
  for (const auto& [file, expected] : expectations()) {
    SCOPED_TRACE(file);
    const Conversion c = convert_shared(file, fixture_mapping());
    ASSERT_TRUE(c.readable()) << c.input_error;
    ASSERT_EQ(c.records.size(), expected.records.size()) << test::describe(c);
    std::string reasons;
    for (size_t i = 0; i < expected.records.size(); ++i) {
      EXPECT_EQ(c.records[i].record, expected.records[i].first);
      EXPECT_EQ(outcome_name(c.records[i].outcome), outcome_name(expected.records[i].second))
          << c.records[i].reason;
      const bool produced =
          c.records[i].outcome == Outcome::mapped || c.records[i].outcome == Outcome::partial;
      EXPECT_EQ(!c.records[i].events.empty(), produced);
      if (!produced) {
        EXPECT_FALSE(c.records[i].reason.empty()) << "every record turned away says why";
      }
      reasons += c.records[i].reason + "\n";
    }
    for (const auto& words : expected.reason_words) {
      EXPECT_NE(reasons.find(words), std::string::npos) << "\"" << words << "\" in\n" << reasons;
    }
  }
}

TEST(FhirFixtures, AppointmentMapsParticipantsTimesAndTheOfficeLocation) {
  const Conversion c = convert_shared("fhir/appointment-example.json", fixture_mapping());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0], json::parse(R"({"type":"appointment","id":"Appointment/example",
    "action":"created","start":"2013-12-10T09:00:00Z","end":"2013-12-10T11:00:00Z",
    "therapist":"t-careful","client":"c-chalmers",
    "location":{"kind":"office","name":"South Wing, second floor"}})"));
}

TEST(FhirFixtures, AppointmentLocationIsOtherWhenTheMappingDoesNotListIt) {
  const Conversion c = convert_shared("fhir/appointment-example.json", MappingConfig::defaults());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["location"]["kind"], "other");
  EXPECT_EQ(events[0]["therapist"], "Practitioner/example");  // the reference is the id
  EXPECT_EQ(events[0]["client"], "Patient/example");
  EXPECT_EQ(c.records[0].outcome, Outcome::partial);
  EXPECT_NE(c.records[0].reason.find("Location/1 (\"South Wing, second floor\") does not say its "
                                     "setting"),
            std::string::npos)
      << c.records[0].reason;
}

TEST(FhirFixtures, AppointmentWithTwoPractitionersIsOneEventPerPair) {
  const Conversion c = convert_shared("fhir/appointment-example2doctors.json", fixture_mapping());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 2u) << test::describe(c);
  EXPECT_EQ(events[0]["id"], "Appointment/2docs#t-careful+c-chalmers");
  EXPECT_EQ(events[1]["id"], "Appointment/2docs#t-maas+c-chalmers");
  EXPECT_EQ(events[1]["therapist"], "t-maas");
  for (const auto& e : events) {
    EXPECT_EQ(e["start"], "2013-12-09T09:00:00Z");
    EXPECT_EQ(e["end"], "2013-12-09T11:00:00Z");
    EXPECT_EQ(e["client"], "c-chalmers");
    EXPECT_EQ(e["location"]["kind"], "other");  // no Location, and no session_without_location
  }
}

TEST(FhirFixtures, HomeHealthEncounterIsASessionAtTheClientsHome) {
  const Conversion c = convert_shared("fhir/encounter-example-home.json", fixture_mapping());
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0], json::parse(R"({"type":"appointment","id":"Encounter/home",
    "action":"created","start":"2015-01-17T16:00:00+10:00","end":"2015-01-17T16:30:00+10:00",
    "therapist":"t-careful","client":"c-chalmers",
    "location":{"kind":"client_home","name":"Client's home"}})"));
}

TEST(FhirFixtures, PatientBecomesAClientOfTheTreatingPractitioner) {
  const Conversion c = convert_shared("fhir/patient-example.json", fixture_mapping());
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0],
            json::parse(R"({"type":"client","id":"c-chalmers","therapist":"t-careful"})"));
  // Without the mapping's fhir.treating_practitioner it names no therapist.
  const Conversion bare = convert_shared("fhir/patient-example.json", MappingConfig::defaults());
  EXPECT_EQ(bare.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(bare.records[0].reason.find("generalPractitioner"), std::string::npos);
}

TEST(FhirFixtures, PractitionerTakesTheDefaultZoneAndNeedsOne) {
  const Conversion c = convert_shared("fhir/practitioner-example.json", fixture_mapping());
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0], json::parse(R"({"type":"therapist","id":"t-careful",
    "time_zone":"Australia/Melbourne"})"));
  const Conversion bare =
      convert_shared("fhir/practitioner-example.json", MappingConfig::defaults());
  EXPECT_EQ(bare.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(bare.records[0].reason.find("no time zone"), std::string::npos);
  EXPECT_NE(bare.records[0].reason.find("default_time_zone"), std::string::npos);
}

TEST(FhirFixtures, PractitionerRoleAvailableTimeBecomesWorkingHours) {
  const Conversion c = convert_shared("fhir/practitionerrole-example.json", fixture_mapping());
  ASSERT_EQ(c.events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events_of(c)[0], json::parse(R"({"type":"therapist","id":"t-careful",
    "time_zone":"Australia/Melbourne","hours":{"mon":["09:00-16:30"],"tue":["09:00-16:30"],
    "wed":["09:00-16:30"],"thu":["09:00-12:00"],"fri":["09:00-12:00"]}})"));
}

TEST(FhirFixtures, IdOnlyAndFullResourceNotificationsNameTheSameEncounter) {
  const Conversion id_only = convert_shared(
      "fhir-subscription/id_only_notification_bundle_example.json", fixture_mapping());
  EXPECT_TRUE(id_only.events.empty());
  EXPECT_TRUE(id_only.lost_something());
  const Conversion full = convert_shared(
      "fhir-subscription/full_resource_notification_bundle_example.json", fixture_mapping());
  // The full resource is read, and what it lacks for a session is said.
  EXPECT_EQ(full.records[0].record, id_only.records[0].record);
  EXPECT_EQ(full.records[0].outcome, Outcome::unmapped);
}

}  // namespace
}  // namespace bg::adapters
