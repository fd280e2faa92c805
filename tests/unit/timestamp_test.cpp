#include "time/timestamp.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

int64_t ms(std::string_view text) { return parse_rfc3339(text)->time_since_epoch().count(); }

TEST(Timestamp, ReadsOffsetsAndZulu) {
  EXPECT_EQ(ms("2026-03-04T23:15:00-06:00"), ms("2026-03-05T05:15:00Z"));
  EXPECT_EQ(ms("2026-03-05T05:15:00+00:00"), ms("2026-03-05T05:15:00Z"));
  EXPECT_EQ(ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ms("1970-01-01T00:00:01.5Z"), 1500);
  EXPECT_EQ(ms("1970-01-01T00:00:00.123456789Z"), 123);
  EXPECT_EQ(ms("1970-01-01t00:00:00z"), 0);
  EXPECT_EQ(ms("1970-01-01 00:00:00Z"), 0);
  EXPECT_EQ(ms("1970-01-01T05:30:00+05:30"), 0);
}

TEST(Timestamp, ReadsLeapSecondAsEndOfMinute) {
  EXPECT_EQ(ms("2016-12-31T23:59:60Z"), ms("2016-12-31T23:59:59.999Z"));
}

TEST(Timestamp, ReadsExtremeYears) {
  EXPECT_TRUE(parse_rfc3339("0001-01-01T00:00:00Z"));
  EXPECT_TRUE(parse_rfc3339("9999-12-31T23:59:59Z"));
  EXPECT_FALSE(parse_rfc3339("0000-01-01T00:00:00Z"));
}

TEST(Timestamp, RejectsMalformed) {
  for (const char* bad :
       {"", "2026-03-04", "2026-03-04T23:15:00", "2026-03-04T23:15Z", "2026-13-04T23:15:00Z",
        "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-03-04T24:00:00Z",
        "2026-03-04T23:60:00Z", "2026-03-04T23:15:00+2400", "2026-03-04T23:15:00+24:00",
        "2026-03-04T23:15:00.Z", "2026-03-04T23:15:00Zjunk", "26-03-04T23:15:00Z",
        "2026-3-04T23:15:00Z", "２０２６-03-04T23:15:00Z", "2026-03-04X23:15:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
}

TEST(Timestamp, AcceptsLeapDay) { EXPECT_TRUE(parse_rfc3339("2028-02-29T10:00:00Z")); }

TEST(Date, ParsesAndRejects) {
  EXPECT_TRUE(parse_date("2025-11-01"));
  EXPECT_FALSE(parse_date("2025-11-31"));
  EXPECT_FALSE(parse_date("2025-11-01T00:00:00Z"));
  EXPECT_FALSE(parse_date("11/01/2025"));
}

TEST(Timestamp, FormatsUtc) {
  EXPECT_EQ(format_utc(*parse_rfc3339("2026-03-04T23:15:00-06:00")), "2026-03-05T05:15:00Z");
}

}  // namespace
}  // namespace bg
