#include "text/lexicon.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

std::unique_ptr<Lexicon> make(const std::vector<std::string>& entries) {
  std::string error;
  auto lexicon = Lexicon::compile("test", entries, error);
  EXPECT_TRUE(lexicon) << error;
  return lexicon;
}

TEST(Lexicon, FindsPhrasesWithSpansInTheOriginalText) {
  const auto lexicon = make({"can't sleep", "thinking about you"});
  std::vector<Evidence> found;
  const std::string text = "Can\xE2\x80\x99t  sleep... Thinking about you";
  EXPECT_EQ(lexicon->find_all(text, found), 2u);
  EXPECT_EQ(found[0].start, 0u);
  EXPECT_EQ(found[0].text, "Can\xE2\x80\x99t  sleep");
  EXPECT_EQ(text.substr(found[1].start, found[1].end - found[1].start), "Thinking about you");
}

TEST(Lexicon, RespectsWordBoundaries) {
  const auto lexicon = make({"lol", "988", "<3"});
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("lollipop 19885 x<3", found), 1u);
  EXPECT_EQ(found[0].text, "<3");
  found.clear();
  EXPECT_EQ(lexicon->find_all("call 988 now lol", found), 2u);
}

TEST(Lexicon, TreatsEntriesAsLiteralText) {
  const auto lexicon = make({"a.b", "(x)"});
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("axb (x)", found), 1u);
  EXPECT_EQ(found[0].text, "(x)");
}

TEST(Lexicon, EmptyLexiconFindsNothing) {
  const auto lexicon = make({});
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("anything", found), 0u);
}

}  // namespace
}  // namespace bg
