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

std::unique_ptr<Lexicon> make_negatable(const std::vector<std::string>& entries) {
  std::string error;
  auto lexicon = Lexicon::compile("test", entries, LexiconOptions{true}, error);
  EXPECT_TRUE(lexicon) << error;
  return lexicon;
}

TEST(Lexicon, NegationEndsAtAClauseBoundary) {
  const auto lexicon = make_negatable({"add me on"});
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("I won't add me on anything", found), 0u);
  EXPECT_EQ(lexicon->find_all("not sure but add me on insta", found), 1u);
  EXPECT_EQ(lexicon->find_all("Never mind. Add me on insta", found), 1u);
}

TEST(Lexicon, IdiomsWithANegatorDoNotNegate) {
  const auto lexicon = make_negatable({"you look great", "see you", "kiss you"});
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("not gonna lie you look great", found), 1u);
  EXPECT_EQ(lexicon->find_all("can't wait to see you", found), 1u);
  EXPECT_EQ(lexicon->find_all("so hard not to kiss you", found), 1u);
  EXPECT_EQ(lexicon->find_all("I will not see you outside the office", found), 0u);
  EXPECT_EQ(lexicon->find_all("try not to kiss you", found), 0u);
}

// Regression (detection review): a longer entry that was negated hid a shorter entry inside it.
TEST(Lexicon, ANegatedMatchDoesNotHideAShorterOneInsideIt) {
  const auto lexicon = make_negatable({"want to grab a drink", "grab a drink"});
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("Now that we're not working together, want to grab a drink sometime?",
                              found),
            1u);
  EXPECT_EQ(found[0].text, "grab a drink");
}

}  // namespace
}  // namespace bg
