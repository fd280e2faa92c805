#include "text/lexicon_screen.h"

#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "policy/policy_loader.h"
#include "text/lexicon.h"
#include "text/normalized_text.h"

namespace bg::test {
namespace {

std::vector<std::unique_ptr<Lexicon>> compile_all(
    const std::vector<std::vector<std::string>>& entries) {
  std::vector<std::unique_ptr<Lexicon>> out;
  for (const auto& e : entries) {
    std::string error;
    out.push_back(Lexicon::compile("l" + std::to_string(out.size()), e, error));
    EXPECT_TRUE(out.back()) << error;
  }
  return out;
}

TEST(LexiconScreen, MarksTheLexiconsThatCanMatch) {
  const auto lexicons = compile_all({{"add me on"}, {"re:\\bcoffee\\b"}, {}, {"gift card"}});
  const LexiconScreen screen{lexicons};
  ASSERT_TRUE(screen.active());
  const NormalizedText text{"Add me on Insta, we could grab coffee"};
  EXPECT_EQ(screen.candidates(text.text()), (std::vector<bool>{true, true, false, false}));
  EXPECT_EQ(screen.candidates(""), (std::vector<bool>{false, false, false, false}));
}

TEST(LexiconScreen, WithoutPatternsItIsInactiveAndAnswersMayMatch) {
  const auto lexicons = compile_all({{}, {}});
  const LexiconScreen screen{lexicons};
  EXPECT_FALSE(screen.active());
  EXPECT_EQ(screen.candidates("anything"), (std::vector<bool>{true, true}));
}

// The screen may only skip a lexicon that finds nothing: over every text of the training corpus,
// each lexicon of the default pack that finds a match is a candidate.
TEST(LexiconScreen, NeverHidesAMatchOfTheDefaultPack) {
  const auto loaded = load_policy(std::string{BG_SOURCE_POLICY_DIR} + "/default");
  ASSERT_TRUE(loaded.policy);
  const Policy& policy = *loaded.policy;
  ASSERT_TRUE(policy.lexicon_screen && policy.lexicon_screen->active());
  std::ifstream in{std::string{BG_TEST_DATA_DIR} + "/corpus/train.jsonl"};
  std::string line;
  size_t texts = 0;
  size_t skipped = 0;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("text")) continue;
    const std::string original = j["text"].get<std::string>();
    const NormalizedText text{original};
    const auto candidates = policy.lexicon_screen->candidates(text.text());
    ASSERT_EQ(candidates.size(), policy.lexicons.size());
    for (size_t i = 0; i < policy.lexicons.size(); ++i) {
      std::vector<Evidence> found;
      policy.lexicons[i]->find_all(text, original, found);
      if (!found.empty()) {
        EXPECT_TRUE(candidates[i]) << policy.lexicons[i]->name() << ": " << line;
      }
      if (!candidates[i]) ++skipped;
    }
    ++texts;
  }
  EXPECT_GT(texts, 500u);
  EXPECT_GT(skipped, texts * policy.lexicons.size() / 2) << "the screen should skip most lexicons";
}

}  // namespace
}  // namespace bg::test
