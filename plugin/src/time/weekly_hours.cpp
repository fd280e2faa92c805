#include "time/weekly_hours.h"

#include <algorithm>
#include <cstdio>

namespace bg {

void WeeklyHours::set_day(int day, std::vector<TimeRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const TimeRange& a, const TimeRange& b) { return a.start < b.start; });
  days_[static_cast<size_t>(day)] = std::move(ranges);
}

bool WeeklyHours::contains(int day, MinuteOfDay minute) const {
  for (const auto& range : days_[static_cast<size_t>(day)]) {
    if (range.contains(minute)) return true;
  }
  return false;
}

std::string WeeklyHours::describe_day(int day) const {
  const auto& ranges = days_[static_cast<size_t>(day)];
  if (ranges.empty()) return "not a working day";
  std::string out;
  for (const auto& range : ranges) {
    if (!out.empty()) out += ", ";
    out += format_clock(range.start) + "-" + format_clock(range.end);
  }
  return out;
}

bool parse_clock(std::string_view text, bool allow_24, MinuteOfDay& out) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59) return false;
  if (h > 23 && !(allow_24 && h == 24 && m == 0)) return false;
  out = h * 60 + m;
  return true;
}

namespace {

bool split_range(std::string_view text, MinuteOfDay& start, MinuteOfDay& end, std::string& error) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos || !parse_clock(text.substr(0, dash), false, start) ||
      !parse_clock(text.substr(dash + 1), true, end)) {
    error = "expected a time range \"HH:MM-HH:MM\" (24-hour clock)";
    return false;
  }
  return true;
}

}  // namespace

bool parse_time_range(std::string_view text, TimeRange& out, std::string& error) {
  if (!split_range(text, out.start, out.end, error)) return false;
  if (out.end <= out.start) {
    error = "the range ends before it starts (ranges may not cross midnight; split them)";
    return false;
  }
  return true;
}

bool parse_daily_window(std::string_view text, DailyWindow& out, std::string& error) {
  if (!split_range(text, out.start, out.end, error)) return false;
  if (out.start == out.end) {
    error = "the window is empty (start and end are the same)";
    return false;
  }
  if (out.end == 24 * 60) out.end = 0;
  return true;
}

std::string format_clock(MinuteOfDay minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return buf;
}

bool check_no_overlap(const std::vector<TimeRange>& ranges, std::string& error) {
  std::vector<TimeRange> sorted = ranges;
  std::sort(sorted.begin(), sorted.end(),
            [](const TimeRange& a, const TimeRange& b) { return a.start < b.start; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].start < sorted[i - 1].end) {
      error = "ranges " + format_clock(sorted[i - 1].start) + "-" +
              format_clock(sorted[i - 1].end) + " and " + format_clock(sorted[i].start) + "-" +
              format_clock(sorted[i].end) + " overlap";
      return false;
    }
  }
  return true;
}

}  // namespace bg
