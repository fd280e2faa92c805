#include "text/typo_vocabulary.h"

#include <gtest/gtest.h>

#include <sstream>

#include "text/normalized_text.h"

namespace bg {
namespace {

// A few real English words standing in for the system word list.
constexpr const char* kEnglish = "Action\naction\nhonesty\ntakes\nthough\n";

TypoVocabulary vocabulary_of(std::initializer_list<std::string_view> entries,
                             const char* english = kEnglish) {
  TypoVocabulary v;
  for (auto e : entries) v.add_words_from(e);
  std::istringstream list{english == nullptr ? "" : english};
  v.finish(english == nullptr ? nullptr : &list);
  return v;
}

TEST(TypoVocabulary, UndoesOneSwapOmissionOrDoubledLetter) {
  const auto v = vocabulary_of({"ask your landlord", "this weekend", "re:\\bdinner\\b"});
  EXPECT_EQ(v.correction("weekned"), "weekend");   // neighbours swapped
  EXPECT_EQ(v.correction("landord"), "landlord");  // a letter left out
  EXPECT_EQ(v.correction("dinnner"), "dinner");    // a letter doubled
  EXPECT_EQ(v.correction("weekend"), "");          // already right
}

TEST(TypoVocabulary, LeavesEnglishWordsThatAreOneSlipFromALexiconWord) {
  const auto v = vocabulary_of({"through", "takers", "auction", "honestly"});
  EXPECT_EQ(v.correction("though"), "");
  EXPECT_EQ(v.correction("takes"), "");
  EXPECT_EQ(v.correction("action"), "");
  EXPECT_EQ(v.correction("honesty"), "");
  EXPECT_EQ(v.correction("thorugh"), "through");
}

TEST(TypoVocabulary, NeedsTheFirstAndLastLettersAndFiveLetters) {
  const auto v = vocabulary_of({"weekend", "coffee"});
  EXPECT_EQ(v.correction("ewekend"), "");  // first letter moved
  EXPECT_EQ(v.correction("weekedn"), "");  // last letter moved
  EXPECT_EQ(v.correction("cofee"), "coffee");
  const auto short_words = vocabulary_of({"date"});
  EXPECT_EQ(short_words.correction("dtae"), "");
}

TEST(TypoVocabulary, AnAmbiguousSlipIsLeftAlone) {
  // "caled" could be "called" or "cabled"; "bettr" can only be "better".
  const auto v = vocabulary_of({"called", "cabled", "better"});
  EXPECT_EQ(v.correction("bettr"), "better");
  EXPECT_EQ(v.correction("caled"), "");
  EXPECT_EQ(v.correction("calld"), "called");
}

TEST(TypoVocabulary, TakesWordsFromRegexesButNotPartsOfWords) {
  const auto v = vocabulary_of({"re:\\b(?:married|divorced)\\s+(?:again)\\b",
                                "re:\\bstruggl\\w*\\s+with", "re:\\bfantasi[sz]e\\b"});
  EXPECT_EQ(v.correction("marreid"), "married");
  EXPECT_EQ(v.correction("divroced"), "divorced");
  // married, divorced, again, with: "struggl" and "fantasi" are parts, "e" is a letter.
  EXPECT_EQ(v.words(), 4u);
}

TEST(TypoVocabulary, ReadsTextingShortcutsOfLexiconWords) {
  const auto v = vocabulary_of({"this weekend", "thinking of you", "hey baby", "text message",
                                "re:\\b(?:think|thank)\\s+you\\b", "my debt", "going out"});
  EXPECT_EQ(v.correction("wknd"), "weekend");     // vowels left out
  EXPECT_EQ(v.correction("thnkng"), "thinking");  // vowels left out
  EXPECT_EQ(v.correction("bby"), "baby");
  EXPECT_EQ(v.correction("mssg"), "message");      // the double letter kept...
  EXPECT_EQ(v.correction("msg"), "message");       // ...or written once
  EXPECT_EQ(v.correction("thinkin"), "thinking");  // the g of -ing dropped
  EXPECT_EQ(v.correction("goin"), "going");
  EXPECT_EQ(v.correction("thnk"), "");  // think or thank
  EXPECT_EQ(v.correction("dbt"), "");   // a therapy, not "debt"
  EXPECT_EQ(v.correction("wk"), "");    // too short to tell
}

TEST(TypoVocabulary, KnowsTheLexiconWordsOfAnyLength) {
  const auto v = vocabulary_of({"miss you so much", "re:\\bmy\\s+ex\\b"});
  EXPECT_TRUE(v.knows("so"));
  EXPECT_TRUE(v.knows("miss"));
  EXPECT_TRUE(v.knows("ex"));
  EXPECT_FALSE(v.knows("mis"));
}

TEST(TypoVocabulary, WithoutAnEnglishWordListNothingIsCorrected) {
  const auto v = vocabulary_of({"weekend"}, nullptr);
  EXPECT_EQ(v.correction("weekned"), "");
  EXPECT_EQ(v.correction("wknd"), "");
}

TEST(TypoVocabulary, NormalizedTextReadsTheWordMeantAndMapsItBack) {
  const auto v = vocabulary_of({"personal email"});
  const NormalizedText t{"my perosnal emial is", &v};
  EXPECT_EQ(t.text(), "my personal email is");
  const size_t at = t.text().find("personal");
  EXPECT_EQ(t.original_span(at, at + 8), (std::pair<size_t, size_t>{3, 11}));
  // Handles and addresses are not words to correct.
  EXPECT_EQ(NormalizedText("@perosnal_club perosnal.example", &v).text(),
            "@perosnal_club perosnal.example");
}

TEST(TypoVocabulary, NormalizedTextShortensHeldLettersToTheWordsTheLexiconsKnow) {
  const auto v = vocabulary_of({"miss you so much", "so good", "please"});
  const NormalizedText t{"missss youuuu sooo much, gooood, pleaseeee xxx", &v};
  EXPECT_EQ(t.text(), "miss you so much, good, please xxx");
  const size_t at = t.text().find("you");
  EXPECT_EQ(t.original_span(at, at + 3), (std::pair<size_t, size_t>{7, 13}));
  // Without a vocabulary, a letter English often doubles stays double.
  EXPECT_EQ(NormalizedText("sweeeet, heyyy, plzzz").text(), "sweet, hey, please");
}

TEST(TypoVocabulary, NormalizedTextReadsTextingShortcuts) {
  const auto v = vocabulary_of({"this weekend", "thinking about you", "hey baby"});
  EXPECT_EQ(NormalizedText("thinkin bout u this wknd bby", &v).text(),
            "thinking about you this weekend baby");
}

}  // namespace
}  // namespace bg
