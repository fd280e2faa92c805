// Every public iCalendar fixture (../shared/fixtures/ical), read in place: mapped to sessions
// whose fields are checked, or turned away with a reason a person would accept.
#include <gtest/gtest.h>

#include <map>

#include "adapter_test_support.h"
#include "adapters/ics_adapter.h"

namespace bg::adapters {
namespace {

using nlohmann::json;
using test::events_of;

const MappingConfig& fixture_mapping() {
  static const MappingConfig config =
      test::load_mapping(test::data_path("mappings/shared-fixtures.yaml"));
  return config;
}

IcsOptions window(const char* start, const char* end) {
  IcsOptions options;
  options.window_start = parse_rfc3339(start);
  options.window_end = parse_rfc3339(end);
  return options;
}

Conversion convert_shared(const std::string& file, const MappingConfig& config = fixture_mapping(),
                          const IcsOptions& options = {}) {
  return convert_ics(test::read_shared("ical/" + file), config, options);
}

struct Expectation {
  std::vector<std::pair<std::string, Outcome>> records;
  std::vector<std::string> reason_words;
};

const std::map<std::string, Expectation>& expectations() {
  static const std::map<std::string, Expectation> table{
      {"icaljs__daily_recur.ics",
       {{{"VEVENT tgh9qho17b07pk2n2ji3gluans@google.com", Outcome::unmapped}},
        {"no ORGANIZER or ATTENDEE (who takes part is unknown)"}}},
      // With this mapping both people are therapists: a meeting of colleagues, not a session.
      {"icaljs__multiple_rrules.ics",
       {{{"VEVENT 1334F9B7-6136-444E-A58D-472564C6AA73", Outcome::unmapped}},
        {"none of its ORGANIZER and ATTENDEEs is a client", "frashed@mozilla.com"}}},
      {"icaljs__recur_instances.ics",
       {{{"VEVENT 623c13c0-6c2b-45d6-a12b-c33ad61c4868", Outcome::unmapped},
         {"VEVENT 623c13c0-6c2b-45d6-a12b-c33ad61c4868 RECURRENCE-ID 20121002T170000Z",
          Outcome::partial},
         {"VEVENT 623c13c0-6c2b-45d6-a12b-c33ad61c4868 RECURRENCE-ID 20121105T180000Z",
          Outcome::partial}},
        {"repeats without end", "give a window"}}},
      {"icaljs__recur_instances_finite.ics",
       {{{"VEVENT 623c13c0-6c2b-45d6-a12b-c33ad61c4868", Outcome::partial}},
        {"2 participant(s) not in the mapping", "its LOCATION matches no rule"}}},
      {"pyicalendar__issue_101_icalendar_chokes_on_umlauts_in_organizer.ics",
       {{{"VEVENT 20130416112341.10064jz0k4j7uem8@acmenet.de", Outcome::unmapped}},
        {"is a therapist in the mapping", "adm-acme@mydomain.de"}}},
      {"pyicalendar__issue_165_missing_event.ics",
       {{{"VEVENT #1", Outcome::unmapped}}, {"no ORGANIZER or ATTENDEE"}}},
      {"pyicalendar__rfc_7265_appendix_example_2_ical.ics",
       {{{"VEVENT 00959BC664CA650E933C892C@example.com", Outcome::unmapped},
         {"VEVENT 00959BC664CA650E933C892C@example.com RECURRENCE-ID 20060104T170000Z",
          Outcome::unmapped}},
        {"no ORGANIZER or ATTENDEE"}}},
      {"pyicalendar__timezoned.ics",
       {{{"VEVENT 123456", Outcome::unmapped}}, {"no ORGANIZER or ATTENDEE"}}},
      {"pyicalendar__x_location.ics",
       {{{"VEVENT BFE33ADD-5553-48B5-B5A5-F9DA5CA4C393", Outcome::unmapped}},
        {"no ORGANIZER or ATTENDEE"}}},
  };
  return table;
}

TEST(IcsFixtures, EveryFixtureFileHasAnExpectation) {
  const auto files = test::shared_files("ical");
  EXPECT_FALSE(files.empty());
  for (const auto& file : files) {
    EXPECT_EQ(expectations().count(file), 1u) << file << " has no expectation in this test";
  }
}

TEST(IcsFixtures, EachIsMappedOrTurnedAwayWithItsReason) {
  for (const auto& [file, expected] : expectations()) {
    SCOPED_TRACE(file);
    const Conversion c = convert_shared(file);
    ASSERT_TRUE(c.readable()) << c.input_error;
    ASSERT_EQ(c.records.size(), expected.records.size()) << test::describe(c);
    std::string reasons;
    for (size_t i = 0; i < expected.records.size(); ++i) {
      EXPECT_EQ(c.records[i].record, expected.records[i].first);
      EXPECT_EQ(outcome_name(c.records[i].outcome), outcome_name(expected.records[i].second))
          << c.records[i].reason;
      reasons += c.records[i].reason + "\n";
    }
    for (const auto& words : expected.reason_words) {
      EXPECT_NE(reasons.find(words), std::string::npos) << "\"" << words << "\" in\n" << reasons;
    }
  }
}

TEST(IcsFixtures, FiniteSeriesWithRdatesExpandsWithoutAWindow) {
  const Conversion c = convert_shared("icaljs__recur_instances_finite.ics");
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 5u) << test::describe(c);
  // Monthly on the first Tuesday until 2012-12-31 (floating UNTIL), plus two RDATEs.
  const std::vector<std::string> starts{"2012-10-02T10:00:00-07:00", "2012-11-05T10:00:00-08:00",
                                        "2012-11-06T10:00:00-08:00", "2012-11-10T10:00:00-08:00",
                                        "2012-12-04T10:00:00-08:00"};
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i]["start"], starts[i]);
    EXPECT_EQ(events[i]["therapist"], "t-jlal");  // ORGANIZER
    EXPECT_EQ(events[i]["client"], "c-sahaja");   // the one ATTENDEE the mapping lists
    EXPECT_EQ(events[i]["location"], json::parse(R"({"kind":"other","name":"PLACE"})"));
    EXPECT_EQ(events[i]["action"], "created");
  }
  EXPECT_EQ(events[0]["id"], "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121002T170000Z");
  EXPECT_EQ(events[0]["end"], "2012-10-02T10:30:00-07:00");
}

TEST(IcsFixtures, OverriddenInstancesExdatesAndRdatesWithinAWindow) {
  const Conversion c = convert_shared("icaljs__recur_instances.ics", fixture_mapping(),
                                      window("2012-10-01T00:00:00Z", "2013-03-01T00:00:00Z"));
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 6u) << test::describe(c);
  // Oct 2 moved to 15:00 and the Nov 5 RDATE moved to Nov 6 20:00 (overrides, "updated");
  // Dec 4 and Feb 5 are EXDATEs; the 2023 RDATEs are outside the window.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"2012-10-02T15:00:00-07:00", "updated"}, {"2012-11-06T10:00:00-08:00", "created"},
      {"2012-11-06T20:00:00-08:00", "updated"}, {"2012-11-10T10:00:00-08:00", "created"},
      {"2012-11-30T10:00:00-08:00", "created"}, {"2013-01-01T10:00:00-08:00", "created"}};
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i]["start"], expected[i].first) << i;
    EXPECT_EQ(events[i]["action"], expected[i].second) << i;
    EXPECT_EQ(events[i]["client"], "c-sahaja") << "overrides without ATTENDEEs keep the series'";
  }
  EXPECT_EQ(events[0]["id"], "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121002T170000Z;seq=1");
  EXPECT_EQ(events[2]["id"], "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121105T180000Z;seq=1");
}

TEST(IcsFixtures, TwoRrulesInOneSeries) {
  const Conversion c =
      convert_shared("icaljs__multiple_rrules.ics",
                     test::load_mapping(test::data_path("mappings/zimbra-one-on-one.yaml")));
  const auto events = events_of(c);
  // Weekly on Mondays and every Sunday, from Mon 2012-03-26 until 2012-07-30T06:59:59Z.
  ASSERT_EQ(events.size(), 36u) << test::describe(c);
  EXPECT_EQ(events.front()["start"], "2012-03-26T11:00:00-07:00");
  EXPECT_EQ(events[1]["start"], "2012-04-01T11:00:00-07:00");
  EXPECT_EQ(events.back()["start"], "2012-07-29T11:00:00-07:00");
  EXPECT_EQ(events.front()["therapist"], "t-rashed");
  EXPECT_EQ(events.front()["client"], "c-lal");    // "mailto:JLal@Mozilla.com" matches any case
  EXPECT_EQ(events.front()["action"], "updated");  // SEQUENCE:9
}

TEST(IcsFixtures, WindowsLeaveOutWhatIsOutsideThem) {
  const Conversion c = convert_shared("icaljs__recur_instances_finite.ics", fixture_mapping(),
                                      window("2013-01-01T00:00:00Z", "2013-02-01T00:00:00Z"));
  EXPECT_TRUE(c.events.empty());
  EXPECT_EQ(c.records[0].outcome, Outcome::skipped);
  EXPECT_EQ(c.records[0].reason, "no occurrence of the series falls in the window");
}

}  // namespace
}  // namespace bg::adapters
