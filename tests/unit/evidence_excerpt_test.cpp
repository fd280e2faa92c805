// What the audit log keeps of a text under `evidence: window`: the matched spans and a short
// window around them, never the whole text (principle 2).
#include "audit/evidence_excerpt.h"

#include <gtest/gtest.h>

#include <random>

namespace bg::test {
namespace {

std::string kept(const std::vector<Excerpt>& excerpts) {
  std::string out;
  for (const auto& e : excerpts) out += "[" + e.text + "]";
  return out;
}

TEST(EvidenceExcerpt, WidensEachSpanByTheWindowAndMergesOverlaps) {
  const std::string text =
      "Good morning. I can't sleep and keep thinking about you, honestly. "
      "Our next session is on Tuesday at the office as usual, see you then.";
  const auto out =
      evidence_excerpts(text, {{16, 27, "can't sleep"}, {37, 51, "thinking about"}}, 6);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].start, 12u);  // not "ng." of "morning.": no partial words
  EXPECT_EQ(out[0].end, 57u);
  EXPECT_EQ(out[0].text, ". I can't sleep and keep thinking about you, ");
}

TEST(EvidenceExcerpt, SeparateSpansGiveSeparateExcerptsInTextOrder) {
  const std::string text = "aaaaaaaaaa MATCH bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb OTHER cccccccccc";
  EXPECT_EQ(kept(evidence_excerpts(text, {{48, 53, "OTHER"}, {11, 16, "MATCH"}}, 2)),
            "[ MATCH ][ OTHER ]")
      << "a window ending inside a word stops before it";
  EXPECT_EQ(kept(evidence_excerpts(text, {{48, 53, "OTHER"}, {11, 16, "MATCH"}}, 12)),
            "[ MATCH ][ OTHER ]");
}

TEST(EvidenceExcerpt, ShortMessagesAreNeverKeptWhole) {
  // The default window (40) would cover this whole message: it is cut to half of the words
  // that did not match.
  const std::string text = "can't sleep, thinking about you";
  const auto out = evidence_excerpts(text, {{0, 11, "can't sleep"}}, 40);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].start, 0u);
  EXPECT_EQ(out[0].end, 21u);  // 11 matched + 10 of the 20 unmatched characters
  EXPECT_NE(out[0].text, text);
}

TEST(EvidenceExcerpt, NoSpansNoExcerptsAndAFullyMatchedTextIsOnlyItsSpans) {
  EXPECT_TRUE(evidence_excerpts("text me on my cell", {}, 40).empty());
  const auto all = evidence_excerpts("text me", {{0, 7, "text me"}}, 40);
  EXPECT_EQ(kept(all), "[text me]");
}

TEST(EvidenceExcerpt, CountsCharactersAndCutsOnCharacterBoundaries) {
  const std::string text = "café ☕ naïve MATCH 😀 über straße, and then some more text here";
  const size_t at = text.find("MATCH");
  const auto out = evidence_excerpts(text, {{at, at + 5, "MATCH"}}, 3);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].text, " MATCH 😀 ");  // not "ve " of "naïve"
}

TEST(EvidenceExcerpt, SpansOutsideTheTextOrInsideACharacterAreIgnored) {
  const std::string text = "é MATCH rest of the text";
  EXPECT_TRUE(evidence_excerpts(text, {{1, 3, "?"}, {5, 500, "?"}, {9, 9, ""}}, 4).empty());
  EXPECT_EQ(evidence_excerpts(text, {{3, 8, "MATCH"}}, 0).at(0).text, "MATCH");
}

// Property: whatever the text and spans, the excerpts never hold the whole text unless every
// character was matched, and never more than half of the unmatched characters.
TEST(EvidenceExcerpt, NeverTheWholeTextOverRandomInputs) {
  std::mt19937 random{20260304};
  for (int round = 0; round < 2000; ++round) {
    const size_t length = 1 + random() % 120;
    std::string text;
    for (size_t i = 0; i < length; ++i) text += static_cast<char>('a' + random() % 26);
    std::vector<Evidence> spans;
    std::vector<bool> matched(length, false);
    const size_t count = random() % 4;
    for (size_t i = 0; i < count; ++i) {
      const size_t start = random() % length;
      const size_t end = std::min(length, start + 1 + random() % 12);
      spans.push_back({start, end, text.substr(start, end - start)});
      for (size_t k = start; k < end; ++k) matched[k] = true;
    }
    const int window = static_cast<int>(random() % 60);
    const auto out = evidence_excerpts(text, spans, window);
    size_t kept_chars = 0, matched_chars = 0;
    for (bool m : matched) matched_chars += m ? 1 : 0;
    for (const auto& e : out) {
      kept_chars += e.end - e.start;
      EXPECT_EQ(e.text, text.substr(e.start, e.end - e.start));
    }
    const size_t unmatched = length - matched_chars;
    EXPECT_LE(kept_chars - std::min(kept_chars, matched_chars), unmatched / 2) << text;
    if (unmatched > 0) {
      EXPECT_LT(kept_chars, length) << "round " << round << ": the whole text was kept";
    }
  }
}

}  // namespace
}  // namespace bg::test
