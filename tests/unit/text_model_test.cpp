#include "text/text_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "text/text_features.h"
#include "tools/model_trainer.h"

namespace bg::test {
namespace {

const char* const kModel =
    "boundary-guard-text-model 1\n"
    "# a comment\n"
    "category romantic_sexual\n"
    "bias -2\n"
    "miss\t1.5\n"
    "miss you\t2.5\n"
    "you\t0.25\n"
    "session\t-3\n";

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : model_tokens(text)) out.emplace_back(t.word);
  return out;
}

TEST(TextFeatures, TokensAreWordsRunsOfStopsAndSinglePunctuation) {
  EXPECT_EQ(words("i'm here!! at 10:30 'ok' emoji_heart"),
            (std::vector<std::string>{"i'm", "here", "!!", "at", "<n>", ":", "<n>", "ok",
                                      "emoji_heart"}));
  // However long, a run of stops reads as its first two.
  EXPECT_EQ(words("wow!!!!! really?!?! ok. so..."),
            (std::vector<std::string>{"wow", "!!", "really", "?!", "ok", ".", "so", ".."}));
  EXPECT_TRUE(words("   \n\t").empty());
  // Bytes of other scripts stay inside their word.
  EXPECT_EQ(words("привет мир"), (std::vector<std::string>{"привет", "мир"}));
}

TEST(TextFeatures, EveryTokenAndAdjacentPairIsAFeature) {
  const auto tokens = model_tokens("miss you so");
  std::string buffer;
  std::vector<std::string> seen;
  for_each_feature(tokens, buffer, [&](std::string_view f, size_t start, size_t end) {
    seen.push_back(std::string{f} + "@" + std::to_string(start) + "-" + std::to_string(end));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"miss@0-4", "miss you@0-8", "you@5-8", "you so@5-11",
                                            "so@9-11"}));
}

TEST(TextFeatures, HostileTextIsReadUpToABound) {
  std::string flood;
  for (int i = 0; i < 10000; ++i) flood += "a ";
  EXPECT_EQ(model_tokens(flood).size(), kMaxModelTokens);
}

TEST(TextFeatures, SentencesEndAtStopsAndCountTheirWords) {
  const std::string text = "Hi there. How are you?!! fine, thanks";
  const auto sentences = model_sentences(model_tokens(text));
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(text.substr(sentences[0].start, sentences[0].end - sentences[0].start), "Hi there.");
  EXPECT_EQ(text.substr(sentences[1].start, sentences[1].end - sentences[1].start),
            "How are you?!!");  // a run of stops ends one sentence
  EXPECT_EQ(sentences[1].words, 3u);
  EXPECT_EQ(sentences[2].words, 2u);  // the comma is not a word
  EXPECT_TRUE(model_sentences(model_tokens("")).empty());
}

TEST(TextModel, ScoresEveryOccurrenceOfAKnownFeature) {
  std::string error;
  const auto model = TextModel::parse(kModel, error);
  ASSERT_TRUE(model) << error;
  EXPECT_EQ(model->category(), "romantic_sexual");
  EXPECT_EQ(model->size(), 4u);
  EXPECT_EQ(model->digest().size(), 64u);
  const std::string text = "I MISS you. Miss you!";
  const NormalizedText normalized{text};
  const auto reading = model->read(normalized, text);
  // bias + 2 x (miss + "miss you" + you); "." "!" and unknown pairs weigh nothing.
  EXPECT_DOUBLE_EQ(reading.score, -2 + 2 * (1.5 + 2.5 + 0.25));
  EXPECT_DOUBLE_EQ(model->weight("session"), -3);
  EXPECT_DOUBLE_EQ(model->weight("unknown"), 0);
}

TEST(TextModel, EvidenceIsTheHeaviestSpansOfTheOriginalText) {
  std::string error;
  const auto model = TextModel::parse(kModel, error);
  ASSERT_TRUE(model) << error;
  // Look-alike letters and leetspeak are folded, yet the evidence quotes what was written.
  const std::string text = "Honestly I m1ss y\xD0\xBEu after our session";
  const NormalizedText normalized{text};
  const auto reading = model->read(normalized, text);
  ASSERT_EQ(reading.evidence.size(), 1u);  // "miss you" covers "miss"; "you" is too light
  EXPECT_EQ(reading.evidence[0].text, "m1ss y\xD0\xBEu");
  EXPECT_EQ(
      text.substr(reading.evidence[0].start, reading.evidence[0].end - reading.evidence[0].start),
      reading.evidence[0].text);
  EXPECT_DOUBLE_EQ(reading.score, -2 + 1.5 + 2.5 + 0.25 - 3);
}

TEST(TextModel, MalformedModelsAreRefusedWithTheLine) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"", "line 0: the model is empty"},
      {"weights 1\n", "line 1: not a text model"},
      {"boundary-guard-text-model 1\nmiss\t1\n", "no \"bias\" line"},
      {"boundary-guard-text-model 1\nbias x\n", "line 2: the bias is not a number"},
      {"boundary-guard-text-model 1\nbias 0\nmiss\tlots\n", "line 3: the weight is not a number"},
      {"boundary-guard-text-model 1\nbias 0\nmiss\tnan\n", "line 3: the weight is not a number"},
      {"boundary-guard-text-model 1\nbias 0\nmiss\t1e308\n", "line 3: the weight is not a number"},
      {"boundary-guard-text-model 1\nbias -1001\n", "line 2: the bias is not a number"},
      {"boundary-guard-text-model 1\nbias 0\n\t1\n", "line 3: a feature is empty"},
      {"boundary-guard-text-model 1\nbias 0\nmiss\t1\nmiss\t2\n", "listed twice"},
      {"boundary-guard-text-model 1\nbias 0\nmiss 1\n", "line 3: expected"},
  };
  for (const auto& [text, why] : bad) {
    std::string error;
    EXPECT_FALSE(TextModel::parse(text, error)) << text;
    EXPECT_NE(error.find(why), std::string::npos) << text << " -> " << error;
  }
  std::string error;
  EXPECT_FALSE(TextModel::load("/nonexistent/model", error));
  EXPECT_NE(error.find("cannot read /nonexistent/model"), std::string::npos);
}

TEST(TextModel, EvidenceSkipsPunctuationAndWordsThatSayNothingAlone) {
  std::string error;
  const auto model = TextModel::parse(
      "boundary-guard-text-model 1\nbias 0\nthan i\t9\ni should\t8\nshould .\t7\n"
      "smile\t1.2\n",
      error);
  ASSERT_TRUE(model) << error;
  const std::string text = "Your smile, more than I should.";
  const NormalizedText normalized{text};
  const auto reading = model->read(normalized, text);
  ASSERT_EQ(reading.evidence.size(), 1u);
  EXPECT_EQ(reading.evidence[0].text, "smile");
  // They still count towards the score.
  EXPECT_DOUBLE_EQ(reading.score, 9 + 8 + 7 + 1.2);
}

TEST(TextModel, AHashSignIsAFeatureWhenItHasAWeight) {
  std::string error;
  const auto model = TextModel::parse(
      "boundary-guard-text-model 1\n# a comment\nbias 0\n#\t2\n#blessed\t1\n", error);
  ASSERT_TRUE(model) << error;
  EXPECT_EQ(model->size(), 2u);
  EXPECT_DOUBLE_EQ(model->weight("#"), 2);
}

TEST(TextModel, ALightReadingStillShowsWhatWeighedForIt) {
  std::string error;
  const auto model =
      TextModel::parse("boundary-guard-text-model 1\nbias 5\nsunset\t0.5\n!\t0.75\n", error);
  ASSERT_TRUE(model) << error;
  const std::string text = "What a sunset!";
  const NormalizedText normalized{text};
  const auto reading = model->read(normalized, text);
  ASSERT_EQ(reading.evidence.size(), 1u);  // the readable word before the heavier "!"
  EXPECT_EQ(reading.evidence[0].text, "sunset");
  EXPECT_DOUBLE_EQ(model->score(normalized.text()), reading.score);
}

const char* const kPassageModel =
    "boundary-guard-text-model 1\n"
    "bias -2\n"
    "tattoo\t6\n"
    "homework\t-3\n"
    "session\t-3\n";

TEST(TextModel, ASentenceCanOutweighTheWholeText) {
  std::string error;
  const auto model = TextModel::parse(kPassageModel, error);
  ASSERT_TRUE(model) << error;
  // A crossing written into one sentence of a clinical note: the whole weighs -2 + 6 - 3 - 3, the
  // sentence about the tattoo -2 + 6 on its own.
  const std::string text = "Your homework and the session plan are up. I finally got my tattoo!";
  const NormalizedText normalized{text};
  const auto reading = model->read(normalized, text);
  EXPECT_DOUBLE_EQ(reading.score, 4);
  EXPECT_DOUBLE_EQ(model->score(normalized.text()), 4);
  ASSERT_EQ(reading.evidence.size(), 1u);
  EXPECT_EQ(reading.evidence[0].text, "tattoo");
}

TEST(TextModel, ShortSentencesAreReadOnlyWithTheWhole) {
  std::string error;
  const auto model = TextModel::parse(kPassageModel, error);
  ASSERT_TRUE(model) << error;
  // "Tattoo!" has one word: too short to stand for the message.
  const std::string text = "Tattoo! Homework and session plans are in the portal.";
  EXPECT_DOUBLE_EQ(model->score(NormalizedText{text}.text()), -2 + 6 - 3 - 3);
  // One sentence is the whole text.
  EXPECT_DOUBLE_EQ(model->score(NormalizedText{"a new tattoo"}.text()), 4);
}

TEST(TextModel, WindowsLineEndingsAreAccepted) {
  std::string error;
  const auto model = TextModel::parse("boundary-guard-text-model 1\r\nbias 1\r\nhi\t2\r\n", error);
  ASSERT_TRUE(model) << error;
  EXPECT_DOUBLE_EQ(model->weight("hi"), 2);
}

// Each sentence ten times in a row, so that every fold of five holds each sentence twice.
std::vector<TrainingExample> toy_corpus() {
  const std::vector<TrainingExample> sentences = {{"i miss you so much", true},
                                                  {"you look beautiful tonight", true},
                                                  {"your session is at <n> tomorrow", false},
                                                  {"please fill in the intake form", false},
                                                  {"see you at the session", false}};
  std::vector<TrainingExample> out;
  for (const auto& s : sentences) out.insert(out.end(), 10, s);
  return out;
}

// A model trained on the toy corpus, parsed; null (with a failure recorded) if it does not parse.
std::unique_ptr<TextModel> toy_model(const TrainingOptions& options) {
  std::string error;
  auto model = TextModel::parse(train_text_model(toy_corpus(), options), error);
  EXPECT_TRUE(model) << error;
  return model;
}

TEST(ModelTrainer, NaiveBayesWeighsWordsByTheClassTheyComeFrom) {
  TrainingOptions options;
  options.category = "romantic_sexual";
  const std::string text = train_text_model(toy_corpus(), options);
  std::string error;
  const auto model = TextModel::parse(text, error);
  ASSERT_TRUE(model) << error;
  EXPECT_EQ(model->category(), "romantic_sexual");
  EXPECT_GT(model->weight("miss"), 1);
  EXPECT_GT(model->weight("miss you"), 1);
  EXPECT_LT(model->weight("session"), -1);
  EXPECT_NEAR(model->bias(), std::log(21.0 / 31.0), 1e-4);  // 20 in, 30 out, add-one
  // Deterministic: the same corpus gives the same file.
  EXPECT_EQ(train_text_model(toy_corpus(), options), text);
  // Every feature line the trainer writes is one the reader keeps.
  size_t feature_lines = 0;
  for (size_t at = text.find('\t'); at != std::string::npos; at = text.find('\t', at + 1))
    ++feature_lines;
  EXPECT_EQ(model->size(), feature_lines);
}

TEST(ModelTrainer, LogisticRegressionWeighsWordsByTheClassTheyComeFrom) {
  TrainingOptions options;
  options.category = "romantic_sexual";
  options.method = TrainingMethod::logistic;
  const std::string text = train_text_model(toy_corpus(), options);
  std::string error;
  const auto model = TextModel::parse(text, error);
  ASSERT_TRUE(model) << error;
  EXPECT_NE(text.find("# logistic regression"), std::string::npos);
  EXPECT_GT(model->weight("miss"), 0);
  EXPECT_GT(model->weight("beautiful tonight"), 0);
  EXPECT_LT(model->weight("session"), 0);
  EXPECT_GT(model->score("i miss you so much"), 0);
  EXPECT_LT(model->score("see you at the session"), 0);
  // Seeded: the same corpus gives the same file.
  EXPECT_EQ(train_text_model(toy_corpus(), options), text);
}

// Naive Bayes adds up every word and word pair of a phrase as separate evidence, so it is
// overconfident; the regression fits the weights together, so even unpenalised its scores are far
// smaller, and its thresholds sit between 1 and 3 rather than near 10 (docs/detection.md).
TEST(ModelTrainer, LogisticRegressionIsLessConfidentThanNaiveBayes) {
  TrainingOptions bayes;
  bayes.alpha = 0.25;
  TrainingOptions logistic = bayes;
  logistic.method = TrainingMethod::logistic;
  logistic.l2 = 0;
  const auto nb = toy_model(bayes);
  const auto lr = toy_model(logistic);
  ASSERT_TRUE(nb && lr);
  const std::string positive = "you look beautiful tonight";
  EXPECT_GT(nb->score(positive), 10);
  EXPECT_GT(lr->score(positive), 0);
  EXPECT_LT(lr->score(positive), nb->score(positive) / 2);
}

// The ensemble is the regression plus bayes_share times naive Bayes, weight by weight and in
// the bias.
TEST(ModelTrainer, AnEnsembleAddsAShareOfNaiveBayesToTheRegression) {
  TrainingOptions bayes;
  bayes.alpha = 0.25;
  TrainingOptions logistic = bayes;
  logistic.method = TrainingMethod::logistic;
  TrainingOptions ensemble = logistic;
  ensemble.method = TrainingMethod::ensemble;
  ensemble.bayes_share = 0.1;
  const auto nb = toy_model(bayes);
  const auto lr = toy_model(logistic);
  ASSERT_TRUE(nb && lr);
  const std::string text = train_text_model(toy_corpus(), ensemble);
  std::string error;
  const auto both = TextModel::parse(text, error);
  ASSERT_TRUE(both) << error;
  EXPECT_NE(text.find("# logistic regression on naive Bayes features plus a share of naive "
                      "Bayes"),
            std::string::npos);
  EXPECT_EQ(both->size(), nb->size());
  EXPECT_NEAR(both->bias(), lr->bias() + 0.1 * nb->bias(), 2e-4);
  for (const char* feature : {"miss", "miss you", "session", "beautiful tonight", "the"}) {
    EXPECT_NEAR(both->weight(feature), lr->weight(feature) + 0.1 * nb->weight(feature), 2e-4)
        << feature;
  }
  EXPECT_NE(both->weight("miss"), lr->weight("miss"));
}

// Each order is its own descent from its own seed; several orders are their mean, weight by
// weight and in the bias, so that one example more or less (which reorders every visit) moves
// the model less (docs/detection.md, "Round 26").
TEST(ModelTrainer, SeveralOrdersAverageTheRegressionOfEach) {
  TrainingOptions first;
  first.alpha = 0.25;
  first.method = TrainingMethod::logistic;
  first.epochs = 2;  // far from converged, so that the order shows
  first.seed = 7;
  TrainingOptions second = first;
  second.seed = 8;
  TrainingOptions both = first;
  both.orders = 2;
  const auto a = toy_model(first);
  const auto b = toy_model(second);
  const auto mean = toy_model(both);
  ASSERT_TRUE(a && b && mean);
  EXPECT_NE(train_text_model(toy_corpus(), first), train_text_model(toy_corpus(), second));
  EXPECT_NEAR(mean->bias(), (a->bias() + b->bias()) / 2, 2e-4);
  for (const char* feature : {"miss", "miss you", "session", "beautiful tonight", "the"}) {
    EXPECT_NEAR(mean->weight(feature), (a->weight(feature) + b->weight(feature)) / 2, 2e-4)
        << feature;
  }
  // One order is the single descent, byte for byte.
  TrainingOptions one = first;
  one.orders = 1;
  EXPECT_EQ(train_text_model(toy_corpus(), one), train_text_model(toy_corpus(), first));
}

TEST(ModelTrainer, AHeavierPenaltyKeepsLogisticWeightsSmaller) {
  TrainingOptions light;
  light.method = TrainingMethod::logistic;
  light.l2 = 0;
  TrainingOptions heavy = light;
  heavy.l2 = 50;
  const auto free = toy_model(light);
  const auto held = toy_model(heavy);
  ASSERT_TRUE(free && held);
  EXPECT_GT(held->weight("miss"), 0);
  EXPECT_LT(held->weight("miss"), free->weight("miss"));
  EXPECT_GT(held->weight("session"), free->weight("session"));
}

TEST(ModelTrainer, LogisticRegressionCrossValidates) {
  TrainingOptions options;
  options.method = TrainingMethod::logistic;
  const auto scores = cross_validate(toy_corpus(), options, 5, {0});
  ASSERT_EQ(scores.size(), 1u);
  EXPECT_DOUBLE_EQ(scores[0].f1(), 1.0);
}

TEST(ModelTrainer, RareFeaturesAreLeftOut) {
  auto corpus = toy_corpus();
  corpus.push_back({"zebra", true});
  TrainingOptions options;
  std::string unused;
  const auto model = TextModel::parse(train_text_model(corpus, options), unused);
  ASSERT_TRUE(model);
  EXPECT_DOUBLE_EQ(model->weight("zebra"), 0);
  options.min_count = 1;
  std::string error;
  const auto all = TextModel::parse(train_text_model(corpus, options), error);
  ASSERT_TRUE(all) << error;
  EXPECT_GT(all->weight("zebra"), 0);
}

// scripts/train-models smooths by 0.25, not 1: a word seen in only a few messages of one class
// then weighs more, and the bias follows the class sizes more closely.
TEST(ModelTrainer, SmallerSmoothingTrustsRareWordsMore) {
  auto corpus = toy_corpus();
  corpus.push_back({"a zebra at the zoo", true});
  corpus.push_back({"the zebra again", true});
  TrainingOptions add_one;
  TrainingOptions quarter;
  quarter.alpha = 0.25;
  std::string error;
  const auto coarse = TextModel::parse(train_text_model(corpus, add_one), error);
  ASSERT_TRUE(coarse) << error;
  const auto fine = TextModel::parse(train_text_model(corpus, quarter), error);
  ASSERT_TRUE(fine) << error;
  EXPECT_GT(coarse->weight("zebra"), 0);
  EXPECT_GT(fine->weight("zebra"), coarse->weight("zebra"));
  EXPECT_NEAR(fine->bias(), std::log(22.25 / 30.25), 1e-4);  // 22 in, 30 out, add-0.25
}

TEST(ModelTrainer, CrossValidationScoresEveryExampleOnce) {
  TrainingOptions options;
  const auto scores = cross_validate(toy_corpus(), options, 5, {-100, 0, 100});
  ASSERT_EQ(scores.size(), 3u);
  // At -100 everything is flagged: all 20 positives found, all 30 negatives false.
  EXPECT_EQ(scores[0].true_positives, 20);
  EXPECT_EQ(scores[0].false_positives, 30);
  // Every fold has seen every sentence in training, so at 0 each is read right.
  EXPECT_DOUBLE_EQ(scores[1].f1(), 1.0);
  // At 100 nothing is flagged.
  EXPECT_EQ(scores[2].true_positives, 0);
  EXPECT_EQ(scores[2].false_negatives, 20);
  EXPECT_DOUBLE_EQ(scores[2].precision(), 0.0);
}

// bg_train_model --score-from: a side's messages are trained on in every fold but counted only
// when they are that side's, so a threshold can be chosen for one side of a model of both.
TEST(ModelTrainer, CrossValidationCountsOnlyScoredExamples) {
  auto corpus = toy_corpus();
  for (auto& e : corpus) e.scored = e.normalized != "you look beautiful tonight";
  TrainingOptions options;
  const auto scores = cross_validate(corpus, options, 5, {-100, 100});
  ASSERT_EQ(scores.size(), 2u);
  // Ten positives are not counted: 10 found, 30 false at -100; 10 missed at 100.
  EXPECT_EQ(scores[0].true_positives, 10);
  EXPECT_EQ(scores[0].false_positives, 30);
  EXPECT_EQ(scores[1].false_negatives, 10);
  // They are still trained on: the model with them matches the one trained on all.
  auto all_scored = toy_corpus();
  EXPECT_EQ(train_text_model(corpus, options), train_text_model(all_scored, options));
}

}  // namespace
}  // namespace bg::test
