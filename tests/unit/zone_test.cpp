#include "time/zone.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

LocalView view(const char* at, const char* zone) {
  return local_view(*parse_rfc3339(at), *find_zone(zone));
}

TEST(Zone, UnknownNamesAreNull) {
  EXPECT_EQ(find_zone("Mars/Olympus_Mons"), nullptr);
  EXPECT_EQ(find_zone(""), nullptr);
  EXPECT_NE(find_zone("America/Chicago"), nullptr);
  EXPECT_NE(find_zone("UTC"), nullptr);
}

TEST(Zone, LocalViewNamesWeekdayAndMinute) {
  const auto v = view("2026-03-04T23:15:00-06:00", "America/Chicago");  // a Wednesday
  EXPECT_EQ(v.weekday, 2);
  EXPECT_EQ(v.minute, 23 * 60 + 15);
  EXPECT_EQ(v.label(), "Wed 23:15");
  EXPECT_EQ(v.zone_abbrev, "CST");
  // The same instant is past midnight in New York: Thursday.
  EXPECT_EQ(view("2026-03-04T23:15:00-06:00", "America/New_York").label(), "Thu 00:15");
}

TEST(Zone, SpringForwardSkipsAnHour) {
  // 2026-03-08 02:00 CST becomes 03:00 CDT.
  EXPECT_EQ(view("2026-03-08T07:59:00Z", "America/Chicago").label(), "Sun 01:59");
  const auto after = view("2026-03-08T08:00:00Z", "America/Chicago");
  EXPECT_EQ(after.label(), "Sun 03:00");
  EXPECT_EQ(after.zone_abbrev, "CDT");
  // Monday 08:30 CDT is 13:30Z, not 14:30Z as it would have been in winter.
  EXPECT_EQ(view("2026-03-09T13:30:00Z", "America/Chicago").label(), "Mon 08:30");
}

TEST(Zone, FallBackRepeatsAnHour) {
  // 2026-11-01 02:00 CDT becomes 01:00 CST: 06:30Z and 07:30Z are both 01:30 local.
  EXPECT_EQ(view("2026-11-01T06:30:00Z", "America/Chicago").label(), "Sun 01:30");
  EXPECT_EQ(view("2026-11-01T07:30:00Z", "America/Chicago").label(), "Sun 01:30");
  EXPECT_EQ(view("2026-11-01T07:30:00Z", "America/Chicago").zone_abbrev, "CST");
}

TEST(Zone, PhoenixKeepsStandardTime) {
  EXPECT_EQ(view("2026-07-01T15:00:00Z", "America/Phoenix").label(), "Wed 08:00");
  EXPECT_EQ(view("2026-01-07T15:00:00Z", "America/Phoenix").label(), "Wed 08:00");
}

}  // namespace
}  // namespace bg
