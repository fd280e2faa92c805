#include "time/weekly_hours.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

TEST(TimeRange, ParsesValidRanges) {
  TimeRange r;
  std::string why;
  ASSERT_TRUE(parse_time_range("09:00-17:00", r, why)) << why;
  EXPECT_EQ(r.start, 540);
  EXPECT_EQ(r.end, 1020);
  ASSERT_TRUE(parse_time_range("18:00-24:00", r, why)) << why;
  EXPECT_EQ(r.end, 1440);
}

TEST(TimeRange, RejectsBadRanges) {
  TimeRange r;
  std::string why;
  EXPECT_FALSE(parse_time_range("17:00-09:00", r, why));
  EXPECT_NE(why.find("ends before it starts"), std::string::npos);
  EXPECT_FALSE(parse_time_range("09:00-09:00", r, why));
  for (const char* bad : {"9:00-17:00", "09:00", "09:00-25:00", "24:00-24:00", "09:60-10:00",
                          "aa:bb-cc:dd", "09:00 - 17:00", ""}) {
    EXPECT_FALSE(parse_time_range(bad, r, why)) << bad;
  }
}

TEST(DailyWindow, WrapsPastMidnight) {
  DailyWindow w;
  std::string why;
  ASSERT_TRUE(parse_daily_window("21:00-08:00", w, why));
  EXPECT_TRUE(w.contains(21 * 60));
  EXPECT_TRUE(w.contains(23 * 60 + 59));
  EXPECT_TRUE(w.contains(0));
  EXPECT_TRUE(w.contains(7 * 60 + 59));
  EXPECT_FALSE(w.contains(8 * 60));
  EXPECT_FALSE(w.contains(20 * 60 + 59));
  ASSERT_TRUE(parse_daily_window("12:00-13:00", w, why));
  EXPECT_TRUE(w.contains(12 * 60 + 30));
  EXPECT_FALSE(w.contains(13 * 60));
  EXPECT_FALSE(parse_daily_window("08:00-08:00", w, why));
}

TEST(WeeklyHours, ContainsIsHalfOpenAndPerDay) {
  WeeklyHours h;
  h.set_day(1, {TimeRange{13 * 60, 17 * 60}, TimeRange{9 * 60, 12 * 60}});
  EXPECT_TRUE(h.contains(1, 9 * 60));
  EXPECT_FALSE(h.contains(1, 12 * 60));  // lunch
  EXPECT_TRUE(h.contains(1, 16 * 60 + 59));
  EXPECT_FALSE(h.contains(1, 17 * 60));
  EXPECT_FALSE(h.contains(0, 10 * 60));
  EXPECT_EQ(h.describe_day(1), "09:00-12:00, 13:00-17:00");
  EXPECT_EQ(h.describe_day(6), "not a working day");
}

TEST(WeeklyHours, DetectsOverlap) {
  std::string why;
  EXPECT_TRUE(check_no_overlap({{540, 720}, {780, 1020}}, why));
  EXPECT_FALSE(check_no_overlap({{780, 1020}, {540, 800}}, why));
  EXPECT_NE(why.find("overlap"), std::string::npos);
}

}  // namespace
}  // namespace bg
