// The iCalendar adapter on a therapy case of our own (an Outlook export of a recurring evening
// session with a Windows TZID) and on the edges of the format.
#include <gtest/gtest.h>

#include "adapter_test_support.h"
#include "adapters/ics_adapter.h"

namespace bg::adapters {
namespace {

using nlohmann::json;
using test::events_of;

// A VCALENDAR around `body` (VEVENTs and VTIMEZONEs), with CRLF line ends.
std::string calendar(const std::string& body, const std::string& header = "") {
  std::string text =
      "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + header + body + "END:VCALENDAR\n";
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// A VEVENT between Ana and Sam with `extra` properties.
std::string vevent(const std::string& extra, const std::string& uid = "u1") {
  return "BEGIN:VEVENT\nUID:" + uid +
         "\nORGANIZER:mailto:ana.ruiz@hillside.example\n"
         "ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam.lee@mail.example\n" +
         extra + "END:VEVENT\n";
}

Conversion convert(const std::string& text, const MappingConfig& config = test::hillside(),
                   const IcsOptions& options = {}) {
  return convert_ics(text, config, options);
}

TEST(IcsAdapter, RecurringEveningSessionsFromOutlook) {
  const Conversion c = convert(test::read_file(test::data_path("ics/recurring-off-hours.ics")));
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 5u) << test::describe(c);
  const std::string uid = "040000008200E00074C5B7101A82E00800000000hillside-evening";
  // Thursdays at 19:30 Central (the Windows zone "Central Standard Time"), across the change to
  // daylight time on March 8; March 12 is excluded, March 19 moved to a café, March 26
  // cancelled.
  EXPECT_EQ(events[0], json::parse(R"({"type":"appointment","id":")" + uid +
                                   R"(/20260227T013000Z","action":"created",
    "start":"2026-02-26T19:30:00-06:00","end":"2026-02-26T20:20:00-06:00","therapist":"t-ana",
    "client":"c-042","location":{"kind":"office","name":"Hillside Counseling, 412 Elm St, Suite 3"}})"));
  EXPECT_EQ(events[1]["start"], "2026-03-05T19:30:00-06:00");
  EXPECT_EQ(events[2]["id"], uid + "/20260320T003000Z;seq=1");
  EXPECT_EQ(events[2]["action"], "updated");
  EXPECT_EQ(events[2]["start"], "2026-03-19T21:00:00-05:00");
  EXPECT_EQ(events[2]["location"],
            json::parse(R"({"kind":"community","name":"Corner Café, Congress Ave"})"));
  EXPECT_EQ(events[3]["action"], "cancelled");
  EXPECT_EQ(events[3]["start"], "2026-03-26T19:30:00-05:00");
  EXPECT_EQ(events[3]["client"], "c-042");  // the cancelled instance keeps the series' people
  EXPECT_EQ(events[4]["start"], "2026-04-02T19:30:00-05:00");
  for (const auto& r : c.records) EXPECT_EQ(r.outcome, Outcome::mapped) << r.reason;
}

TEST(IcsAdapter, EndlessSeriesNeedsAWindowEnd) {
  const std::string text =
      calendar(vevent("DTSTART;TZID=America/Chicago:20260302T100000\nDURATION:PT50M\n"
                      "RRULE:FREQ=WEEKLY\n"));
  const Conversion without = convert(text);
  EXPECT_EQ(without.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(without.records[0].reason.find("give a window (window_start and window_end)"),
            std::string::npos);
  IcsOptions options;
  options.window_start = parse_rfc3339("2026-03-09T00:00:00-05:00");
  options.window_end = parse_rfc3339("2026-03-31T00:00:00-05:00");
  const auto events = events_of(convert(text, test::hillside(), options));
  ASSERT_EQ(events.size(), 4u);  // Mondays March 9, 16, 23 and 30
  EXPECT_EQ(events[0]["start"], "2026-03-09T10:00:00-05:00");
  EXPECT_EQ(events[0]["end"], "2026-03-09T10:50:00-05:00");
  EXPECT_EQ(events[3]["start"], "2026-03-30T10:00:00-05:00");
}

TEST(IcsAdapter, WindowJumpsAheadInALongSeries) {
  IcsOptions options;
  options.window_start = parse_rfc3339("2026-03-02T00:00:00Z");
  options.window_end = parse_rfc3339("2026-03-03T00:00:00Z");
  const auto events =
      events_of(convert(calendar(vevent("DTSTART:20000101T150000Z\nDTEND:20000101T155000Z\n"
                                        "RRULE:FREQ=DAILY\n")),
                        test::hillside(), options));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["start"], "2026-03-02T15:00:00+00:00");
}

TEST(IcsAdapter, OccurrenceLimit) {
  IcsOptions options;
  options.max_occurrences = 3;
  const Conversion c =
      convert(calendar(vevent("DTSTART:20260302T150000Z\nRRULE:FREQ=DAILY;COUNT=10\n")),
              test::hillside(), options);
  EXPECT_EQ(c.events.size(), 3u);
  EXPECT_NE(c.records[0].reason.find("only the first 3 occurrences"), std::string::npos);
}

TEST(IcsAdapter, FloatingTimesNeedAZone) {
  const std::string body = vevent("DTSTART:20260302T100000\nDTEND:20260302T105000\n");
  const Conversion from_calendar = convert(calendar(body, "X-WR-TIMEZONE:America/Denver\n"));
  ASSERT_EQ(from_calendar.events.size(), 1u) << test::describe(from_calendar);
  EXPECT_EQ(events_of(from_calendar)[0]["start"], "2026-03-02T10:00:00-07:00");
  EXPECT_NE(from_calendar.records[0].reason.find("X-WR-TIMEZONE"), std::string::npos);
  const Conversion from_mapping = convert(calendar(body));
  EXPECT_EQ(events_of(from_mapping)[0]["start"], "2026-03-02T10:00:00-06:00");
  EXPECT_NE(from_mapping.records[0].reason.find("default_time_zone"), std::string::npos);
  MappingConfig no_zone = test::hillside();
  no_zone.default_time_zone.clear();
  const Conversion none = convert(calendar(body), no_zone);
  EXPECT_EQ(none.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(none.records[0].reason.find("floating"), std::string::npos);
}

TEST(IcsAdapter, TzidsThatAreNotIana) {
  const std::string vtimezone =
      "BEGIN:VTIMEZONE\nTZID:Hillside Local\nBEGIN:STANDARD\nDTSTART:19701101T020000\n"
      "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0600\n"
      "END:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:19700308T020000\n"
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nTZOFFSETFROM:-0600\nTZOFFSETTO:-0500\n"
      "END:DAYLIGHT\nEND:VTIMEZONE\n";
  const auto start_of = [](const Conversion& c) {
    return c.events.empty() ? test::describe(c) : events_of(c)[0]["start"].get<std::string>();
  };
  // A name only the file's VTIMEZONE defines: read with its rules, and said so.
  const Conversion own =
      convert(calendar(vtimezone + vevent("DTSTART;TZID=Hillside Local:20260310T100000\n")));
  EXPECT_EQ(start_of(own), "2026-03-10T10:00:00-05:00");
  EXPECT_NE(own.records[0].reason.find("read with the file's VTIMEZONE rules"), std::string::npos);
  // The mapping can name its IANA zone.
  MappingConfig aliased = test::hillside();
  aliased.time_zone_aliases["Hillside Local"] = "America/Chicago";
  const Conversion alias =
      convert(calendar(vtimezone + vevent("DTSTART;TZID=Hillside Local:20260310T100000\n"
                                          "DTEND;TZID=Hillside Local:20260310T105000\n")),
              aliased);
  EXPECT_EQ(start_of(alias), "2026-03-10T10:00:00-05:00");
  EXPECT_EQ(alias.records[0].outcome, Outcome::mapped) << alias.records[0].reason;
  // Windows names and vendor prefixes name IANA zones.
  EXPECT_EQ(
      start_of(convert(calendar(vevent("DTSTART;TZID=Pacific Standard Time:20260310T100000\n")))),
      "2026-03-10T10:00:00-07:00");
  EXPECT_EQ(start_of(convert(calendar(vevent(
                "DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20260310T100000\n")))),
            "2026-03-10T10:00:00-04:00");
  // Neither: unmapped, saying what to do.
  const Conversion unknown =
      convert(calendar(vevent("DTSTART;TZID=Mars/Olympus:20260310T100000\n")));
  EXPECT_EQ(unknown.records[0].outcome, Outcome::unmapped);
  EXPECT_NE(unknown.records[0].reason.find("time_zone_aliases"), std::string::npos);
}

TEST(IcsAdapter, TimesSkippedOrRepeatedByDaylightSaving) {
  // 02:30 on 2026-03-08 does not exist in Chicago: it moves forward to 03:30 CDT.
  const auto skipped =
      events_of(convert(calendar(vevent("DTSTART;TZID=America/Chicago:20260308T023000\n"))));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0]["start"], "2026-03-08T03:30:00-05:00");
  // 01:30 on 2026-11-01 happens twice: the first one (CDT) is taken.
  const auto repeated =
      events_of(convert(calendar(vevent("DTSTART;TZID=America/Chicago:20261101T013000\n"))));
  ASSERT_EQ(repeated.size(), 1u);
  EXPECT_EQ(repeated[0]["start"], "2026-11-01T01:30:00-05:00");
}

TEST(IcsAdapter, EndsAndDurations) {
  const auto one = [](const std::string& extra) { return convert(calendar(vevent(extra))); };
  EXPECT_EQ(events_of(one("DTSTART:20260310T150000Z\nDURATION:PT1H15M\n"))[0]["end"],
            "2026-03-10T16:15:00+00:00");
  const Conversion no_end = one("DTSTART:20260310T150000Z\n");
  EXPECT_EQ(events_of(no_end)[0]["end"], "2026-03-10T15:00:00+00:00");
  EXPECT_NE(no_end.records[0].reason.find("no DTEND or DURATION"), std::string::npos);
  const Conversion backwards = one("DTSTART:20260310T150000Z\nDTEND:20260310T140000Z\n");
  EXPECT_EQ(backwards.records[0].reason, "its DTEND is before its DTSTART");
  EXPECT_EQ(one("DTEND:20260310T140000Z\n").records[0].reason, "it has no DTSTART");
  const Conversion all_day = one("DTSTART;VALUE=DATE:20260310\n");
  EXPECT_EQ(all_day.records[0].outcome, Outcome::skipped);
  EXPECT_NE(all_day.records[0].reason.find("all-day"), std::string::npos);
}

TEST(IcsAdapter, CancelledSessions) {
  EXPECT_EQ(events_of(convert(
                calendar(vevent("DTSTART:20260310T150000Z\nSTATUS:CANCELLED\n"))))[0]["action"],
            "cancelled");
  EXPECT_EQ(events_of(convert(
                calendar(vevent("DTSTART:20260310T150000Z\n"), "METHOD:CANCEL\n")))[0]["action"],
            "cancelled");
}

TEST(IcsAdapter, PeopleAndPlaces) {
  const std::string group =
      "BEGIN:VEVENT\nUID:g1\nDTSTART:20260310T150000Z\n"
      "ORGANIZER:MAILTO:Ana.Ruiz@Hillside.Example\n"
      "ATTENDEE:mailto:sam.lee@mail.example\nATTENDEE:mailto:stranger@mail.example\n"
      "ATTENDEE;PARTSTAT=DECLINED:mailto:other.client@mail.example\n"
      "ATTENDEE;CUTYPE=ROOM:mailto:room3@hillside.example\n"
      "LOCATION:https://zoom.us/j/123456\nEND:VEVENT\n";
  const Conversion c = convert(calendar(group));
  const auto events = events_of(c);
  ASSERT_EQ(events.size(), 1u) << test::describe(c);
  EXPECT_EQ(events[0]["therapist"], "t-ana");
  EXPECT_EQ(events[0]["location"]["kind"], "telehealth");  // a video link, built in
  EXPECT_NE(c.records[0].reason.find("1 participant(s) not in the mapping"), std::string::npos);
  EXPECT_NE(c.records[0].reason.find("1 attendee(s) who declined"), std::string::npos);
  // Two clients of the mapping: one event per pair.
  MappingConfig two = test::hillside();
  two.emails["stranger@mail.example"] = Person{Role::client, "c-077"};
  const auto pairs = events_of(convert(calendar(group), two));
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0]["id"], "g1#t-ana+c-042");
  EXPECT_EQ(pairs[1]["id"], "g1#t-ana+c-077");
}

TEST(IcsAdapter, UidsThatCannotBeIds) {
  const Conversion none = convert(calendar(
      "BEGIN:VEVENT\nDTSTART:20260310T150000Z\nORGANIZER:mailto:ana.ruiz@hillside.example\n"
      "ATTENDEE:mailto:sam.lee@mail.example\nEND:VEVENT\n"));
  ASSERT_EQ(none.events.size(), 1u) << test::describe(none);
  const std::string id = events_of(none)[0]["id"];
  EXPECT_EQ(id.rfind("sha1:", 0), 0u) << id;
  EXPECT_NE(none.records[0].reason.find("no UID"), std::string::npos);
  // The same file gives the same id.
  EXPECT_EQ(
      events_of(convert(calendar(
          "BEGIN:VEVENT\nDTSTART:20260310T150000Z\nORGANIZER:mailto:ana.ruiz@hillside.example\n"
          "ATTENDEE:mailto:sam.lee@mail.example\nEND:VEVENT\n")))[0]["id"],
      id);
  const auto long_uid =
      events_of(convert(calendar(vevent("DTSTART:20260310T150000Z\n", std::string(400, 'u')))));
  ASSERT_EQ(long_uid.size(), 1u);
  EXPECT_EQ(long_uid[0]["id"].get<std::string>().size(), 45u);  // "sha1:" + 40 hex digits
}

TEST(IcsAdapter, RdatePeriodsAndExdateDates) {
  const auto events = events_of(convert(
      calendar(vevent("DTSTART:20260302T150000Z\nDTEND:20260302T155000Z\nRRULE:FREQ=DAILY;COUNT=4\n"
                      "RDATE;VALUE=PERIOD:20260310T180000Z/PT2H\nEXDATE;VALUE=DATE:20260303\n"))));
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[1]["start"], "2026-03-04T15:00:00+00:00");  // March 3 excluded by date
  EXPECT_EQ(events[3]["start"], "2026-03-10T18:00:00+00:00");
  EXPECT_EQ(events[3]["end"], "2026-03-10T20:00:00+00:00");  // the period's own end
}

// Regression (found by fuzz_ics): a component libical has no name for crashed the error message.
TEST(IcsAdapter, UnknownComponentKindIsRefusedWithAReason) {
  const auto out = convert("BEGIN:VEVEOT\r\nUID:lone\r\nEND:VEVENT\r\n");
  EXPECT_NE(out.input_error.find("an unknown component"), std::string::npos) << out.input_error;
  EXPECT_TRUE(out.records.empty());
}

TEST(IcsAdapter, InputItCannotRead) {
  EXPECT_NE(convert("hello").input_error.find("no BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(convert(std::string{"BEGIN:VCALENDAR\0", 16}).input_error.find("NUL byte at byte 15"),
            std::string::npos);
  EXPECT_NE(convert("BEGIN:VTODO\r\nEND:VTODO\r\n").input_error.find("VTODO"), std::string::npos);
  IcsOptions backwards;
  backwards.window_start = parse_rfc3339("2026-03-10T00:00:00Z");
  backwards.window_end = parse_rfc3339("2026-03-01T00:00:00Z");
  EXPECT_EQ(convert(calendar(""), test::hillside(), backwards).input_error,
            "the window ends before it starts");
  IcsOptions tiny;
  tiny.max_input_bytes = 8;
  EXPECT_NE(convert(calendar(""), test::hillside(), tiny).input_error.find("over the limit"),
            std::string::npos);
  const Conversion empty = convert(calendar(""));
  ASSERT_EQ(empty.records.size(), 1u);
  EXPECT_EQ(empty.records[0].reason, "the calendar has no VEVENT (no sessions)");
}

TEST(IcsAdapter, HostileInputNeverThrows) {
  for (const std::string& text :
       {calendar(vevent("DTSTART:99999999T999999\n")),
        calendar(vevent("DTSTART:20260310T150000Z\nRRULE:FREQ=SECONDLY\n")),
        calendar(vevent("DTSTART:20260310T150000Z\nRRULE:garbage\nRDATE:garbage\nEXDATE:x\n")),
        calendar(vevent("DTSTART;TZID=:20260310T150000\n")),
        std::string{"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"},
        calendar("BEGIN:VEVENT\nUID:x\nRECURRENCE-ID:garbage\nDTSTART:20260310T150000Z\nEND:"
                 "VEVENT\n")}) {
    IcsOptions options;
    options.window_start = parse_rfc3339("2026-03-10T15:00:00Z");
    options.window_end = parse_rfc3339("2026-03-10T15:05:00Z");
    EXPECT_NO_THROW(convert(text, test::hillside(), options)) << text;
  }
}

TEST(IcsAdapter, ACalendarThatWouldNeedTooMuchWorkIsCutShortAndSaysSo) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += vevent("DTSTART:20260302T150000Z\nRRULE:FREQ=MINUTELY;COUNT=100\n",
                   "u" + std::to_string(i));
  }
  IcsOptions options;
  options.max_events = 250;
  const Conversion c = convert(calendar(body), test::hillside(), options);
  EXPECT_EQ(c.events.size(), 250u);
  ASSERT_EQ(c.records.size(), 4u);
  EXPECT_EQ(c.records[2].outcome, Outcome::partial);  // 50 of its 100
  EXPECT_EQ(c.records[3].outcome, Outcome::unmapped);
  EXPECT_NE(c.records[3].reason.find("convert a narrower window"), std::string::npos);
  IcsOptions few_steps;
  few_steps.max_steps = 150;
  const Conversion s = convert(calendar(body), test::hillside(), few_steps);
  EXPECT_NE(s.records[1].reason.find("the expansion stopped after"), std::string::npos)
      << test::describe(s);
  EXPECT_EQ(s.records[3].outcome, Outcome::unmapped);
}

}  // namespace
}  // namespace bg::adapters
