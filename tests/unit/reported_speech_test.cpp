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
                                  const std::vector<std::string>& capitals = {},
                                  QuoteWriter writer = QuoteWriter::therapist) {
  const auto capitalized = [&](size_t pos) {
    for (const auto& word : capitals) {
      if (text.compare(pos, word.size(), word) == 0) return true;
    }
    return false;
  };
  std::vector<std::string> out;
  for (const auto& [start, end] : find_reported_quotes(text, capitalized, writer))
    out.push_back(text.substr(start, end - start));
  return out;
}

std::vector<std::string> reported_by_client(const std::string& text) {
  return reported(text, {}, QuoteWriter::client);
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
  EXPECT_EQ(reported("and everyone just says: 'at least you have a job'"),
            Quotes{"'at least you have a job'"});
  EXPECT_EQ(reported("your mom was like something like 'grow up'"), Quotes{"'grow up'"});
  EXPECT_EQ(reported("he said to you last night 'stay'"), Quotes{"'stay'"});
  EXPECT_EQ(reported("ex-boyfriend sent 'u up?' again"), Quotes{"'u up?'"});
  EXPECT_EQ(reported("her stepdad's text said 'proud of you'"), Quotes{"'proud of you'"});
  EXPECT_EQ(reported("your best friend from college said 'i love you'"), Quotes{"'i love you'"});
  EXPECT_EQ(reported("he texted again at 2am: 'miss you'"), Quotes{"'miss you'"});
  EXPECT_EQ(reported("he keeps on texting 'miss you'"), Quotes{"'miss you'"});
  EXPECT_EQ(reported("you told your sister 'i'll lend you $500'"), Quotes{"'i'll lend you $500'"});
  EXPECT_EQ(reported("he texted \xE2\x80\x94 'miss you' \xE2\x80\x94 and you answered?"),
            Quotes{"'miss you'"});
  EXPECT_EQ(reported("he texted ' emoji_kiss emoji_kiss ' at 3am"),
            Quotes{"' emoji_kiss emoji_kiss '"});
}

TEST(ReportedSpeech, AMessageCanBeTheSpeaker) {
  EXPECT_EQ(reported("his text: 'can't stop thinking about you'. what then?"),
            Quotes{"'can't stop thinking about you'"});
  EXPECT_EQ(reported("your coworker's text read 'drinks after work?'"),
            Quotes{"'drinks after work?'"});
  EXPECT_EQ(reported("my text: 'dinner friday?'"), Quotes{});  // the writer's own
}

TEST(ReportedSpeech, FindsTheSpeakerAfterTheQuote) {
  EXPECT_EQ(reported("'i love you, babe,' he texted at 2am"), Quotes{"'i love you, babe,'"});
  EXPECT_EQ(reported("\"come over\" she said. how did that land?"), Quotes{"\"come over\""});
  EXPECT_EQ(reported("'come over' i said"), Quotes{});
  EXPECT_EQ(reported("'come over, i miss you' was what he texted"),
            Quotes{"'come over, i miss you'"});
}

TEST(ReportedSpeech, ClosesAQuoteAfterAnEmoji) {
  EXPECT_EQ(reported("he texted 'love you emoji_kiss ' at midnight"),
            Quotes{"'love you emoji_kiss '"});
  EXPECT_EQ(reported("he said 'hi ' then left"), Quotes{});  // after a space, no emoji: open
}

TEST(ReportedSpeech, ANameIsAWordWrittenWithACapital) {
  EXPECT_EQ(reported("when dana said 'love you' you froze", {"dana"}), Quotes{"'love you'"});
  EXPECT_EQ(reported("when dana said 'love you' you froze"), Quotes{});  // no capital: no name
  EXPECT_EQ(reported("just say 'no'", {"just"}), Quotes{});              // a capital, not a name
  EXPECT_EQ(reported("nearly said 'i love you' today", {"nearly"}), Quotes{});
  EXPECT_EQ(reported("my reply: 'yes, dinner friday'", {"my"}), Quotes{});
}

TEST(ReportedSpeech, KeepsTheWritersOwnWords) {
  EXPECT_EQ(reported("i said \"you're gorgeous\" and meant it", {"i"}), Quotes{});
  EXPECT_EQ(reported("i just wanted to say 'i love you'", {"i"}), Quotes{});
  EXPECT_EQ(reported("one day i'll tell you 'i love you' in person"), Quotes{});
  EXPECT_EQ(reported("the way i said 'see you soon' was odd"), Quotes{});
  EXPECT_EQ(reported("the way we said 'see you soon' was odd"), Quotes{});
  EXPECT_EQ(reported("my heart says 'i love you'"), Quotes{});
  EXPECT_EQ(reported("honestly? 'you're beautiful' was my first thought"), Quotes{});
  EXPECT_EQ(reported("we could be 'friends' you know"), Quotes{});
}

TEST(ReportedSpeech, KeepsAQuoteTheWriterTakesUp) {
  EXPECT_EQ(reported("you said 'i love you.' same."), Quotes{});
  EXPECT_EQ(reported("you asked 'drinks when this is over?' yes. absolutely."), Quotes{});
  EXPECT_EQ(reported("you said \"follow me on insta\" - done!"), Quotes{});
  EXPECT_EQ(reported("you said 'we should get coffee sometime'. i'd love that"), Quotes{});
  EXPECT_EQ(reported("you said 'i'm a failure.' let's look at that"), Quotes{"'i'm a failure.'"});
}

TEST(ReportedSpeech, TheHouseholdAndYouDependOnWhoWrites) {
  // A therapist's household relays the therapist's offer; a client's aunt is someone else.
  EXPECT_EQ(reported("my husband said 'bring her over for dinner'"), Quotes{});
  EXPECT_EQ(reported("my husband dan said 'bring her over'", {"dan"}), Quotes{});
  EXPECT_EQ(reported_by_client("my aunt said ''we miss you'' again"), Quotes{"''we miss you''"});
  // In a client's message "you" is the therapist.
  EXPECT_EQ(reported_by_client("you texted me 'wish i could kiss you' last night"), Quotes{});
  EXPECT_EQ(reported_by_client("he texted 'wish i could kiss you'"),
            Quotes{"'wish i could kiss you'"});
}

TEST(ReportedSpeech, ApostrophesAreNotQuotes) {
  EXPECT_EQ(reported("he said 'it's not a crush, it's a schedule' lol"),
            Quotes{"'it's not a crush, it's a schedule'"});
  EXPECT_EQ(reported("he said don't worry about it"), Quotes{});
  EXPECT_EQ(reported("he said 'unfinished"), Quotes{});  // never closed
}

TEST(ReportedSpeech, ReadsEachQuoteOnce) {
  // The first quote's closing mark opens nothing, so the second quote is read as one.
  EXPECT_EQ(reported("\"x\" and she said \"y\""), Quotes{"\"y\""});
  EXPECT_EQ(reported("he said \"stay\" and she said \"go\""), (Quotes{"\"stay\"", "\"go\""}));
}

TEST(ReportedSpeech, LimitsHowFarItLooks) {
  const std::string long_quote(300, 'a');
  EXPECT_EQ(reported("he said '" + long_quote + "' and left"), Quotes{});
  const std::string far(130, 'x');
  EXPECT_EQ(reported("he said " + far + " 'stay'"), Quotes{});
  EXPECT_EQ(reported("he said 'stay'" + std::string(70, ' ') + "same"), Quotes{"'stay'"});
}

TEST(ReportedSpeech, StaysLinearOnHostileText) {
  std::string text;
  while (text.size() < 64 * 1024) text += "he said '\" '' \"x ";
  EXPECT_LE(reported(text).size(), text.size());  // finishes; no crash under sanitizers
  const std::string marks(64 * 1024, '"');
  EXPECT_EQ(reported("he said " + marks), Quotes{"\"\""});  // an empty quote, then pairs
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
  // A client's "you said" quotes the therapist: kept.
  EXPECT_NE(NormalizedText("You said 'miss you babe'", nullptr, QuoteWriter::client)
                .text()
                .find("miss you babe"),
            std::string::npos);
}

}  // namespace
}  // namespace bg
