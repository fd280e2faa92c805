// Working hours per weekday and daily windows such as quiet hours.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace bg {

// Minutes since local midnight, 0..1440.
using MinuteOfDay = int;

// A window within one day, [start, end). "HH:MM-HH:MM"; "24:00" is allowed as an end.
struct TimeRange {
  MinuteOfDay start = 0;
  MinuteOfDay end = 0;
  bool contains(MinuteOfDay minute) const { return minute >= start && minute < end; }
};

// A daily window that may wrap past midnight, such as quiet hours "21:00-08:00".
struct DailyWindow {
  MinuteOfDay start = 0;
  MinuteOfDay end = 0;
  bool contains(MinuteOfDay minute) const {
    return start <= end ? (minute >= start && minute < end) : (minute >= start || minute < end);
  }
};

// Day index 0 = Monday ... 6 = Sunday, the order events and policies list them in.
constexpr std::array<std::string_view, 7> kWeekdayKeys{"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kWeekdayLabels{"Mon", "Tue", "Wed", "Thu",
                                                         "Fri", "Sat", "Sun"};

class WeeklyHours {
 public:
  // Sets the ranges of one day; they are kept sorted.
  void set_day(int day, std::vector<TimeRange> ranges);
  const std::vector<TimeRange>& day(int day) const { return days_[static_cast<size_t>(day)]; }
  bool contains(int day, MinuteOfDay minute) const;
  // "09:00-12:00, 13:00-17:00", or "not a working day".
  std::string describe_day(int day) const;

 private:
  std::array<std::vector<TimeRange>, 7> days_;
};

// Parses "HH:MM". 24:00 only when allow_24 is set.
bool parse_clock(std::string_view text, bool allow_24, MinuteOfDay& out);

// Parses "HH:MM-HH:MM" with start < end; on failure returns false and says why in `error`.
bool parse_time_range(std::string_view text, TimeRange& out, std::string& error);

// Parses "HH:MM-HH:MM" where the end may be before the start (wrapping past midnight).
bool parse_daily_window(std::string_view text, DailyWindow& out, std::string& error);

std::string format_clock(MinuteOfDay minute);

// Ranges on one day must not overlap; returns false and an error naming the pair otherwise.
bool check_no_overlap(const std::vector<TimeRange>& ranges, std::string& error);

}  // namespace bg
