#include "text/normalized_text.h"

#include <gtest/gtest.h>

#include "text/lexicon.h"

namespace bg {
namespace {

std::string folded(std::string_view s) { return NormalizedText{s}.text(); }

TEST(NormalizedText, FoldsCaseAccentsWidthAndLookAlikes) {
  EXPECT_EQ(folded("INSTA Café"), "insta cafe");
  EXPECT_EQ(folded("ｉｎｓｔａ"), "insta");                     // fullwidth
  EXPECT_EQ(folded("\xF0\x9D\x90\xA2\xF0\x9D\x90\xA7"), "in");  // mathematical bold
  EXPECT_EQ(folded("fасеbооk"), "facebook");                    // Cyrillic а, с, е, о
  EXPECT_EQ(folded("in\xE2\x80\x8Bsta"), "insta");              // zero-width space
  EXPECT_EQ(folded("can\xE2\x80\x99t"), "can't");               // typographic apostrophe
}

TEST(NormalizedText, UndoesLeetspeakInsideWordsOnly) {
  EXPECT_EQ(folded("f0ll0w m3 0n t1kt0k"), "follow me on tiktok");
  EXPECT_EQ(folded("call 312-555-0100 at 4pm on the 2nd"), "call 312-555-0100 at 4pm on the 2nd");
  EXPECT_EQ(folded("@dr.jane"), "@dr.jane");
}

TEST(NormalizedText, ReadsTextSpeakAsWords) {
  EXPECT_EQ(folded("wanna grab coffee tmrw? lmk"), "want to grab coffee tomorrow? let me know");
  EXPECT_EQ(folded("c u b4 ur appt w/ me"), "c you before your appt with me");
  EXPECT_EQ(folded("ur so sweet, ILY"), "you're so sweet, i love you");
  EXPECT_EQ(folded("ur looking great"), "you're looking great");
  EXPECT_EQ(folded("how r u? r u free"), "how are you? are you free");
  EXPECT_EQ(folded("w/o my meds, w/my kids"), "without my meds, with my kids");
  EXPECT_EQ(folded("need some1 2nite"), "need someone tonight");
}

TEST(NormalizedText, ReadsNumbersAndLettersAsWordsOnlyWhereTheContextShowsIt) {
  EXPECT_EQ(folded("nice 2 see u, thx 4 everything"), "nice to see you, thanks for everything");
  EXPECT_EQ(folded("love u 2"), "love you too");
  EXPECT_EQ(folded("miss ya, u n me"), "miss you, you and me");
  EXPECT_EQ(folded("at 2 or from 2 to 4, 4 sessions, 2 kids"),
            "at 2 or from 2 to 4, 4 sessions, 2 kids");
  EXPECT_EQ(folded("a bout of flu, thinking bout u"), "a bout of flu, thinking about you");
  EXPECT_EQ(folded("plan n"), "plan n");
  EXPECT_EQ(folded("that's what i'm here 4. here 4 pm"), "that's what i'm here for. here 4 pm");
}

TEST(NormalizedText, GivesTypedContractionsTheirApostrophe) {
  EXPECT_EQ(folded("im sure u dont mind, cant wait"), "i'm sure you don't mind, can't wait");
  // Words in their own right stay: "were", "ill", "its", "lets", "id".
  EXPECT_EQ(folded("we were ill, lets see its id"), "we were ill, lets see its id");
}

TEST(NormalizedText, LeavesLettersAndCompoundsThatAreNotTextSpeak) {
  EXPECT_EQ(folded("plan r or plan b"), "plan r or plan b");  // a letter, not "are"
  EXPECT_EQ(folded("a u-haul from the u.s."), "a u-haul from the u.s.");
  EXPECT_EQ(folded("@ur_handle and www.u.example"), "@ur_handle and www.u.example");
  EXPECT_EQ(folded("turn up the tub"), "turn up the tub");  // inside words
}

TEST(NormalizedText, ExpandedWordsMapBackToTheAbbreviation) {
  const NormalizedText t{"see u tmrw"};
  const size_t you = t.text().find("you");
  ASSERT_NE(you, std::string::npos);
  EXPECT_EQ(t.original_span(you, you + 3), (std::pair<size_t, size_t>{4, 5}));
  const size_t tomorrow = t.text().find("tomorrow");
  EXPECT_EQ(t.original_span(tomorrow, tomorrow + 8), (std::pair<size_t, size_t>{6, 10}));
  EXPECT_EQ(t.original_span(0, 3), (std::pair<size_t, size_t>{0, 3}));
}

TEST(NormalizedText, RejoinsSpelledOutWords) {
  EXPECT_EQ(folded("add me on i n s t a"), "add me on insta");
  EXPECT_EQ(folded("c.a.r.a mia"), "cara mia");
  EXPECT_EQ(folded("a b"), "a b");  // two letters are not a spelled-out word
}

TEST(NormalizedText, KeepsEmojiAsWords) {
  EXPECT_EQ(folded("night \xF0\x9F\x98\x98"), "night  emoji_kiss ");
  EXPECT_EQ(folded("\xE2\x9D\xA4\xEF\xB8\x8F"), " emoji_heart ");
  // Emoji that carry a flirt on their own.
  EXPECT_EQ(folded("\xF0\x9F\x98\xB3"), " emoji_flushed ");  // U+1F633
  EXPECT_EQ(folded("\xF0\x9F\x98\x9C"), " emoji_tongue ");   // U+1F61C
  EXPECT_EQ(folded("\xF0\x9F\x8D\x91"), " emoji_peach ");    // U+1F351
  EXPECT_EQ(folded("\xF0\x9F\x99\x88"), " emoji_monkey ");   // U+1F648
}

TEST(NormalizedText, MapsSpansBackToTheOriginal) {
  const std::string original = "Add me on іnstа ❤️ ok";
  const NormalizedText n{original};
  const auto at = n.text().find("insta");
  ASSERT_NE(at, std::string::npos);
  const auto [from, to] = n.original_span(at, at + 5);
  EXPECT_EQ(original.substr(from, to - from), "іnstа");
  std::string error;
  const auto lexicon = Lexicon::compile("t", {"insta", "emoji_heart"}, error);
  std::vector<Evidence> found;
  ASSERT_EQ(lexicon->find_all(original, found), 2u);
  EXPECT_EQ(found[0].text, "іnstа");
  EXPECT_EQ(found[1].text, "❤");
}

TEST(NormalizedText, UsesUnicodeWordBoundaries) {
  std::string error;
  const auto lexicon = Lexicon::compile("t", {"insta"}, error);
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("instagramму", found), 0u);
  EXPECT_EQ(lexicon->find_all("моя insta тут", found), 1u);
}

// Regression (round 19): an emoji anywhere in a message sent word boundaries through ICU, which
// keeps "cell's" one word, so "my cell" stopped matching "my cell's 617-555-0174 ... 🙂".
TEST(NormalizedText, AnEmojiDoesNotChangeHowAsciiWordsSplit) {
  std::string error;
  const auto lexicon = Lexicon::compile("t", {"my cell"}, error);
  std::vector<Evidence> found;
  EXPECT_EQ(lexicon->find_all("my cell's 617-555-0174", found), 1u);
  found.clear();
  EXPECT_EQ(lexicon->find_all("my cell's 617-555-0174 🙂", found), 1u);
}

TEST(Lexicon, NegatableLexiconsDropNegatedMatches) {
  std::string error;
  const auto gifts = Lexicon::compile("g", {"gifts", "a gift"}, LexiconOptions{true}, error);
  std::vector<Evidence> found;
  EXPECT_EQ(gifts->find_all("Sorry, I can't accept gifts.", found), 0u);
  EXPECT_EQ(gifts->find_all("I never said no. Here is a gift!", found), 1u);
}

}  // namespace
}  // namespace bg
