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

TEST(ReportedAsks, FindsWhatTheClientAskedOrWishedWhenTheTherapistDeclines) {
  EXPECT_EQ(reported("you asked whether we could be friends once you finish. i won't be able to"),
            Requests{" we could be friends once you finish"});
  EXPECT_EQ(reported("you asked if we might have coffee once we've finished. i can't, ever."),
            Requests{" we might have coffee once we've finished"});
  EXPECT_EQ(reported("you mentioned wanting to hang out as friends. let's keep it a therapy one"),
            Requests{" to hang out as friends"});
  EXPECT_EQ(reported("i know you were hoping i'd say we could keep in touch. i can't, but"),
            Requests{" say we could keep in touch"});
  EXPECT_EQ(reported("i'm touched you'd want to hang out outside our sessions, and i can't be"),
            Requests{" hang out outside our sessions"});
  EXPECT_EQ(reported("i understand you want that we are friends. our work stays professional"),
            Requests{" we are friends"});
  EXPECT_EQ(reported("i'll leave your question about my weekend unanswered, gently. i'd like this "
                     "space to stay about you"),
            Requests{" my weekend unanswered"});
  EXPECT_EQ(reported("you've been asking about my weekends lol. what's that about for you?"),
            Requests{" my weekends lol"});
  EXPECT_EQ(reported("you asked me to come to your wedding. i have to say no."),
            Requests{" come to your wedding"});
  EXPECT_EQ(reported("you brought up getting a drink together. i have to say no"),
            Requests{" a drink together"});
  EXPECT_EQ(reported("you texted asking if we could grab a beer. i'm going to pass"),
            Requests{" we could grab a beer"});
  EXPECT_EQ(reported("you're hoping we can keep in touch over text. i won't do that"),
            Requests{" can keep in touch over text"});
}

TEST(ReportedAsks, EndsAtAMarkOrAJoiningWordButRunsOnThroughAListOfMine) {
  const std::string no = ". i can't.";
  EXPECT_EQ(reported("you asked about my weekend, it was nice" + no), Requests{" my weekend"});
  EXPECT_EQ(reported("you asked about my weekend but honestly" + no), Requests{" my weekend"});
  EXPECT_EQ(reported("you asked if we could hang out and i'm sorry" + no),
            Requests{" we could hang out"});
  EXPECT_EQ(reported("you asked if we could hang out \xE2\x80\x94 i can't"),
            Requests{" we could hang out "});
  EXPECT_EQ(reported("you asked if we could hang out emoji_smile i can't"),
            Requests{" we could hang out"});
  EXPECT_EQ(reported("i've noticed you asking about my sign, my kids and my weekends lately. i "
                     "wonder why"),
            Requests{" my sign, my kids and my weekends lately"});
}

TEST(ReportedAsks, ARequestTakenUpStaysRead) {
  EXPECT_EQ(reported("you asked if we could grab coffee sometime. i'd love that!"), Requests{});
  EXPECT_EQ(reported("you asked if we could hang out sometime. i'm down!! can't wait"), Requests{});
  EXPECT_EQ(reported("you asked if i find you attractive. i won't lie, i do."), Requests{});
  EXPECT_EQ(reported("you keep asking about my kids haha. ok fine, maya is 7"), Requests{});
  EXPECT_EQ(reported("you asked if we could be friends. of course i understand, but i can't"),
            Requests{" we could be friends"});
}

TEST(ReportedAsks, LeavesTheTherapistsOwnWordsRead) {
  EXPECT_EQ(reported("do you want to grab coffee sometime?"), Requests{});
  EXPECT_EQ(reported("if you wanted to hang out sometime, i'm free friday"), Requests{});
  EXPECT_EQ(reported("thank you for asking about my knee! surgery is the 14th"), Requests{});
  EXPECT_EQ(reported("wore the tie you suggested to my daughter's wedding"), Requests{});
  EXPECT_EQ(reported("i asked if we could be friends"), Requests{});
  EXPECT_EQ(reported("you asked. i can't."), Requests{});
}

TEST(ReportedAsks, LimitsHowFarARequestRuns) {
  const std::string words(150, 'a');
  const auto found = reported("you asked if " + words + ". i can't.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].size(), 100u);
}

TEST(ReportedAsks, StaysLinearOnHostileText) {
  std::string text;
  while (text.size() < 64 * 1024) text += "you asked if you asked about i can't ";
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
