#include "engine/pattern_tracker.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

Instant day(int d) { return Instant{std::chrono::hours{24 * d}}; }

TEST(PatternTracker, ReturnsThePairsEventsInsideTheWindow) {
  PatternTracker t;
  t.record("t", "c", {day(1), "au-1", Severity::medium});
  t.record("t", "c", {day(20), "au-2", Severity::high});
  t.record("t", "other", {day(21), "au-3", Severity::high});
  const auto recent = t.recent("t", "c", day(31), std::chrono::hours{24 * 30});
  ASSERT_EQ(recent.size(), 1u);  // the window is (day 1, day 31]: day 1 is out
  EXPECT_EQ(recent[0].entry, "au-2");
  EXPECT_EQ(t.recent("t", "c", day(25), std::chrono::hours{24 * 30}).size(), 2u);
  EXPECT_TRUE(t.recent("t", "c", day(0), std::chrono::hours{24 * 30}).empty());
}

TEST(PatternTracker, IsBoundedPerPairAndInPairs) {
  PatternTracker t;
  for (int i = 0; i < 100; ++i) t.record("t", "c", {day(i), "au", Severity::medium});
  EXPECT_EQ(t.recent("t", "c", day(100), std::chrono::hours{24 * 1000}).size(),
            PatternTracker::kMaxPerPair);
  for (size_t i = 0; i < PatternTracker::kMaxPairs + 10; ++i) {
    t.record("t", "c" + std::to_string(i), {day(1), "au", Severity::medium});
  }
  EXPECT_EQ(t.pair_count(), PatternTracker::kMaxPairs);
}

}  // namespace
}  // namespace bg
