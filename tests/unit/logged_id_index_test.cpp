#include "audit/logged_id_index.h"

#include <gtest/gtest.h>

#include <string>

namespace bg::test {
namespace {

TEST(LoggedIdIndex, AnswersForIdsAddedBeforeAndAfterAMerge) {
  LoggedIdIndex index;
  EXPECT_FALSE(index.may_contain("m-1"));
  // 10,000 ids cross the merge of recent ids into the sorted array twice.
  for (int i = 0; i < 10000; ++i) index.add("m-" + std::to_string(i));
  index.add("m-7");  // again: no duplicate
  EXPECT_EQ(index.size(), 10000u);
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(index.may_contain("m-" + std::to_string(i))) << i;
  int false_hits = 0;
  for (int i = 0; i < 10000; ++i) false_hits += index.may_contain("x-" + std::to_string(i));
  EXPECT_EQ(false_hits, 0);  // 64-bit hashes: a collision here would be astonishing
}

}  // namespace
}  // namespace bg::test
