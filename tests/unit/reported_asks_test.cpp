#include "text/reported_asks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/normalized_text.h"

namespace bg {
namespace {

using Requests = std::vector<std::string>;

// The requests find_reported_asks blanks in `text` (lowercase, as folded).
Requests reported(const std::string& text) {
  Requests out;
  for (const auto& [start, end] : find_reported_asks(text))
    out.push_back(text.substr(start, end - start));
  return out;
}

TEST(ReportedAsks, FindsWhatTheClientAskedOrWished) {
  EXPECT_EQ(reported("you asked whether we could be friends once you finish. i'm touched"),
            Requests{" we could be friends once you finish"});
  EXPECT_EQ(reported("you asked if we might have coffee once we've finished."),
            Requests{" we might have coffee once we've finished"});
  EXPECT_EQ(reported("you mentioned wanting to hang out as friends. i care about our work"),
            Requests{" to hang out as friends"});
  EXPECT_EQ(reported("i know you were hoping i'd say we could keep in touch after you move."),
            Requests{" say we could keep in touch after you move"});
  EXPECT_EQ(reported("i'm touched you'd want to hang out outside our sessions, and it tells me"),
            Requests{" hang out outside our sessions"});
  EXPECT_EQ(reported("i understand you want that we are friends after therapy."),
            Requests{" we are friends after therapy"});
  EXPECT_EQ(reported("i'm going to leave your question about my weekend unanswered, gently."),
            Requests{" my weekend unanswered"});
  EXPECT_EQ(reported("you've been asking about my weekends lol."), Requests{" my weekends lol"});
  EXPECT_EQ(reported("you asked me to come to your wedding."), Requests{" come to your wedding"});
}

TEST(ReportedAsks, EndsAtAMarkOrAJoiningWordButRunsOnThroughAListOfMine) {
  EXPECT_EQ(reported("you asked about my weekend, it was amazing"), Requests{" my weekend"});
  EXPECT_EQ(reported("you asked about my weekend but honestly it was a mess"),
            Requests{" my weekend"});
  EXPECT_EQ(reported("you asked if we could hang out \xE2\x80\x94 i can't"),
            Requests{" we could hang out "});
  EXPECT_EQ(reported("you asked if we could hang out emoji_smile i can't"),
            Requests{" we could hang out"});
  EXPECT_EQ(reported("i've noticed you asking about my sign, my kids and my weekends lately. ok"),
            Requests{" my sign, my kids and my weekends lately"});
}

TEST(ReportedAsks, AYesTakesTheRequestUp) {
  EXPECT_EQ(reported("you asked if we could grab coffee sometime. i'd love that!"), Requests{});
  EXPECT_EQ(reported("you asked if we could grab coffee sometime. yes!!"), Requests{});
  EXPECT_EQ(reported("you asked me to dinner, and honestly? yes"), Requests{});
  EXPECT_EQ(reported("you asked if we could hang out, but i'd love to help you find friends"),
            Requests{" we could hang out"});
  EXPECT_EQ(reported("you asked if we could be friends. i'd like us to talk about that"),
            Requests{" we could be friends"});
}

TEST(ReportedAsks, LeavesTheTherapistsOwnWordsRead) {
  EXPECT_EQ(reported("do you want to grab coffee sometime?"), Requests{});
  EXPECT_EQ(reported("if you wanted to hang out sometime, i'm free friday"), Requests{});
  EXPECT_EQ(reported("thank you for asking about my knee! surgery is the 14th"), Requests{});
  EXPECT_EQ(reported("wore the tie you suggested to my daughter's wedding"), Requests{});
  EXPECT_EQ(reported("i asked if we could be friends"), Requests{});
  EXPECT_EQ(reported("you asked."), Requests{});
}

TEST(ReportedAsks, LimitsHowFarARequestRuns) {
  const std::string words(150, 'a');
  const auto found = reported("you asked if " + words);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].size(), 100u);
}

TEST(ReportedAsks, StaysLinearOnHostileText) {
  std::string text;
  while (text.size() < 64 * 1024) text += "you asked if you asked about ";
  EXPECT_LE(reported(text).size(), text.size());  // finishes; no crash under sanitizers
}

TEST(ReportedAsks, OnlyATherapistsRequestIsBlankedAndMapsBackToTheOriginal) {
  const std::string original = "You asked if we could be friends. What does that bring up?";
  const NormalizedText text{original};
  EXPECT_EQ(text.text().find("friends"), std::string::npos);
  const size_t what = text.text().find("what does");
  ASSERT_NE(what, std::string::npos);
  const auto [start, end] = text.original_span(what, what + 4);
  EXPECT_EQ(original.substr(start, end - start), "What");
  // In a client's message "you" is the therapist, whose words matter.
  EXPECT_NE(NormalizedText(original, nullptr, QuoteWriter::client).text().find("friends"),
            std::string::npos);
}

}  // namespace
}  // namespace bg
