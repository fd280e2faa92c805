// Time zones and recurrence expansion, on the public iCalendar fixtures whose VEVENTs name no
// one (so the adapter turns them away): the times are still checked, through the internals.
#include <gtest/gtest.h>

#include <libical/ical.h>

#include <memory>

#include "adapter_test_support.h"
#include "adapters/event_time.h"
#include "adapters/ics_recurrence.h"
#include "adapters/ics_values.h"

namespace bg::adapters::ics {
namespace {

struct Parsed {
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> root{nullptr, icalcomponent_free};
  icalcomponent* calendar = nullptr;
  icalcomponent* event = nullptr;  // the first VEVENT without RECURRENCE-ID
};

Parsed parse(const std::string& file) {
  Parsed p;
  const std::string text = test::read_shared("ical/" + file);
  p.root.reset(icalparser_parse_string(text.c_str()));
  if (!p.root) return p;
  p.calendar = p.root.get();
  for (icalcomponent* c = icalcomponent_get_first_component(p.calendar, ICAL_VEVENT_COMPONENT);
       c != nullptr; c = icalcomponent_get_next_component(p.calendar, ICAL_VEVENT_COMPONENT)) {
    if (icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY) == nullptr) {
      p.event = c;
      break;
    }
  }
  return p;
}

struct Expanded {
  std::vector<std::string> starts;  // as events write them
  std::vector<std::string> ends;    // an RDATE period's own end, else ""
  std::string note;                 // what was assumed about the zone
  std::string why;                  // why it could not be expanded
};

Expanded expand_fixture(const std::string& file, const Window& window,
                        const MappingConfig& config = MappingConfig::defaults()) {
  Expanded out;
  Parsed p = parse(file);
  if (p.event == nullptr) {
    ADD_FAILURE() << file << ": no VEVENT";
    return out;
  }
  Zones zones{config, p.calendar, ""};
  icalproperty* dtstart = icalcomponent_get_first_property(p.event, ICAL_DTSTART_PROPERTY);
  const icaltimetype start = icalproperty_get_dtstart(dtstart);
  const auto zone = zones.find(tzid_of(dtstart), icaltime_is_utc(start) != 0, out.why, out.note);
  if (!zone) return out;
  Series series;
  if (!expand(p.event, *local_of(start), *zone, zones, window, Limits{}, series, out.why)) {
    return out;
  }
  for (const auto& o : series.occurrences) {
    out.starts.push_back(rfc3339_with_offset(o.start, Zones::offset_at(o.start, *zone)));
    out.ends.push_back(o.end ? rfc3339_with_offset(*o.end, Zones::offset_at(*o.end, *zone)) : "");
  }
  return out;
}

Window window(const char* start, const char* end) {
  return Window{parse_rfc3339(start), parse_rfc3339(end)};
}

TEST(IcsRecurrence, Rfc7265DailyCountWithAPeriodRdate) {
  const Expanded e = expand_fixture("pyicalendar__rfc_7265_appendix_example_2_ical.ics", Window{});
  // US/Eastern is an IANA (backward) name; five days at noon plus a 2-hour meeting at 15:00.
  ASSERT_EQ(e.starts.size(), 6u) << e.why;
  EXPECT_EQ(e.starts[0], "2006-01-02T12:00:00-05:00");
  EXPECT_EQ(e.starts[1], "2006-01-02T15:00:00-05:00");
  EXPECT_EQ(e.ends[1], "2006-01-02T17:00:00-05:00");
  EXPECT_EQ(e.starts[5], "2006-01-06T12:00:00-05:00");
  EXPECT_TRUE(e.note.empty()) << e.note;
}

TEST(IcsRecurrence, ExchangeZoneIsReadWithItsOwnVtimezone) {
  const Expanded e = expand_fixture("pyicalendar__issue_165_missing_event.ics", Window{});
  // "GMT +0100 (Standard) / GMT +0200 (Daylight)": weekdays at 10:00 (08:00Z in summer) from
  // Friday 2015-07-03 until 2015-07-22T08:00Z inclusive.
  ASSERT_EQ(e.starts.size(), 14u) << e.why;
  EXPECT_EQ(e.starts.front(), "2015-07-03T10:00:00+02:00");
  EXPECT_EQ(e.starts[1], "2015-07-06T10:00:00+02:00");
  EXPECT_EQ(e.starts.back(), "2015-07-22T10:00:00+02:00");
  EXPECT_NE(e.note.find("read with the file's VTIMEZONE rules"), std::string::npos) << e.note;
}

TEST(IcsRecurrence, WeekdaysAcrossTheEndOfSummerTimeInZurich) {
  const Expanded e = expand_fixture("pyicalendar__x_location.ics",
                                    window("2016-10-28T00:00:00Z", "2016-11-05T00:00:00Z"));
  const std::vector<std::string> expected{"2016-10-28T14:00:00+02:00", "2016-10-31T14:00:00+01:00",
                                          "2016-11-01T14:00:00+01:00", "2016-11-02T14:00:00+01:00",
                                          "2016-11-03T14:00:00+01:00", "2016-11-04T14:00:00+01:00"};
  EXPECT_EQ(e.starts, expected) << e.why;
}

TEST(IcsRecurrence, EndlessDailySeriesInAWindow) {
  const Expanded e = expand_fixture("icaljs__daily_recur.ics",
                                    window("2016-03-12T00:00:00Z", "2016-03-15T00:00:00Z"));
  // 05:00 Los Angeles every day; US daylight time began on 2016-03-13.
  const std::vector<std::string> expected{"2016-03-12T05:00:00-08:00", "2016-03-13T05:00:00-07:00",
                                          "2016-03-14T05:00:00-07:00"};
  EXPECT_EQ(e.starts, expected) << e.why;
  const Expanded endless = expand_fixture("icaljs__daily_recur.ics", Window{});
  EXPECT_NE(endless.why.find("repeats without end"), std::string::npos);
}

TEST(IcsRecurrence, ExdatesAndRdatesOfTheInstancesSample) {
  const Expanded e = expand_fixture("icaljs__recur_instances.ics",
                                    window("2012-10-01T00:00:00Z", "2024-01-01T00:00:00Z"));
  ASSERT_FALSE(e.starts.empty()) << e.why;
  const auto has = [&](const std::string& s) {
    return std::find(e.starts.begin(), e.starts.end(), s) != e.starts.end();
  };
  EXPECT_TRUE(has("2012-10-02T10:00:00-07:00"));   // DTSTART (overridden later, by the adapter)
  EXPECT_TRUE(has("2012-11-05T10:00:00-08:00"));   // RDATE with TZID
  EXPECT_TRUE(has("2012-11-30T10:00:00-08:00"));   // the second value of a two-valued RDATE
  EXPECT_FALSE(has("2012-12-04T10:00:00-08:00"));  // EXDATE
  EXPECT_FALSE(has("2013-02-05T10:00:00-08:00"));  // EXDATE
  EXPECT_FALSE(has("2013-04-02T10:00:00-07:00"));  // EXDATE
  EXPECT_TRUE(has("2023-11-23T01:00:00-08:00"));   // RDATE in UTC (09:00Z)
  const auto period = std::find(e.starts.begin(), e.starts.end(), "2023-11-25T01:00:00-08:00");
  ASSERT_NE(period, e.starts.end());  // RDATE PERIOD 09:00Z-12:30Z
  EXPECT_EQ(e.ends[static_cast<size_t>(period - e.starts.begin())], "2023-11-25T04:30:00-08:00");
}

TEST(IcsRecurrence, ViennaEventIsOneOccurrence) {
  const Expanded e = expand_fixture("pyicalendar__timezoned.ics", Window{});
  ASSERT_EQ(e.starts.size(), 1u) << e.why;
  EXPECT_EQ(e.starts[0], "2012-02-13T10:00:00+01:00");
}

}  // namespace
}  // namespace bg::adapters::ics
