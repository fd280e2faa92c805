#include "text/reported_speech.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/normalized_text.h"

namespace bg {
namespace {

// The quotes find_reported_quotes blanks in `text` (lowercase, as folded), where the words in
// `capitals` were written with a capital in the original.
std::vector<std::string> reported(const std::string& text,
                                  const std::vector<std::string>& capitals = {}) {
  const auto capitalized = [&](size_t pos) {
    for (const auto& word : capitals) {
      if (text.compare(pos, word.size(), word) == 0) return true;
    }
    return false;
  };
  std::vector<std::string> out;
  for (const auto& [start, end] : find_reported_quotes(text, capitalized))
    out.push_back(text.substr(start, end - start));
  return out;
}

using Quotes = std::vector<std::string>;

TEST(ReportedSpeech, FindsWhatSomeoneElseSaid) {
  EXPECT_EQ(reported("when he texted 'love you too.' what did you feel?"),
            Quotes{"'love you too.'"});
  EXPECT_EQ(reported("you said \"i miss you\" and hung up"), Quotes{"\"i miss you\""});
  EXPECT_EQ(reported("if she says 'can we stay friends?' what then"),
            Quotes{"'can we stay friends?'"});
  EXPECT_EQ(reported("your wife keeps telling you 'come home' at night"), Quotes{"'come home'"});
  EXPECT_EQ(reported("this guy i'm seeing texted 'hey you' lol"), Quotes{"'hey you'"});
  EXPECT_EQ(reported("my aunt said ''we miss you'' again"), Quotes{"''we miss you''"});
  EXPECT_EQ(reported("and everyone just says: 'at least you have a job'"),
            Quotes{"'at least you have a job'"});
}

TEST(ReportedSpeech, ANameIsAWordWrittenWithACapital) {
  EXPECT_EQ(reported("when dana said 'love you' you froze", {"dana"}), Quotes{"'love you'"});
  EXPECT_EQ(reported("when dana said 'love you' you froze"), Quotes{});  // no capital: no name
  EXPECT_EQ(reported("just say 'no'", {"just"}), Quotes{});              // a capital, not a name
}

TEST(ReportedSpeech, KeepsTheWritersOwnWords) {
  EXPECT_EQ(reported("i said \"you're gorgeous\" and meant it", {"i"}), Quotes{});
  EXPECT_EQ(reported("i just wanted to say 'i love you'", {"i"}), Quotes{});
  EXPECT_EQ(reported("we always tell clients 'call 988'"), Quotes{});
  EXPECT_EQ(reported("the way i said 'see you soon' was odd"), Quotes{});
  EXPECT_EQ(reported("my heart says 'i love you'"), Quotes{});
  EXPECT_EQ(reported("honestly? 'you're beautiful' was my first thought"), Quotes{});
  EXPECT_EQ(reported("we could be 'friends' you know"), Quotes{});
}

TEST(ReportedSpeech, ApostrophesAreNotQuotes) {
  EXPECT_EQ(reported("he said 'it's not a crush, it's a schedule' lol"),
            Quotes{"'it's not a crush, it's a schedule'"});
  EXPECT_EQ(reported("he said don't worry about it"), Quotes{});
  EXPECT_EQ(reported("he said 'unfinished"), Quotes{});  // never closed
}

TEST(ReportedSpeech, NormalizedTextBlanksTheQuoteAndMapsBackToTheOriginal) {
  const std::string original =
      "When Dana texted \xE2\x80\x9Cmiss you babe\xE2\x80\x9D, what came up?";
  const NormalizedText text{original};
  EXPECT_EQ(text.text().find("miss"), std::string::npos);
  const size_t what = text.text().find("what came up");
  ASSERT_NE(what, std::string::npos);
  const auto [start, end] = text.original_span(what, what + 4);
  EXPECT_EQ(original.substr(start, end - start), "what");
  EXPECT_NE(NormalizedText{"I said 'miss you babe'"}.text().find("miss you babe"),
            std::string::npos);
}

}  // namespace
}  // namespace bg
