// Trains a text model (text_model.h) over the features of text_features.h, by multinomial naive
// Bayes, by logistic regression or by the sum of the two, and measures it by k-fold
// cross-validation so that a policy's threshold is chosen on training material, never on a
// measurement set.
#pragma once

#include <string>
#include <vector>

namespace bg {

struct TrainingExample {
  std::string normalized;  // NormalizedText::text() of the message
  bool positive = false;
  bool scored = true;  // counted by cross_validate (always trained on)
};

enum class TrainingMethod {
  // Multinomial naive Bayes with add-alpha smoothing: each weight is a feature's log-likelihood
  // ratio between the classes.
  naive_bayes,
  // Logistic regression whose inputs are each feature's count times its naive Bayes ratio (as
  // above, with the same alpha), L2-regularised. The weights written are the products, so the
  // model file and the scoring are the same as naive Bayes'. Trained by AdaGrad stochastic
  // gradient descent in seeded orders (`orders`, `seed`): deterministic for the same examples
  // and options.
  logistic,
  // The logistic regression above plus `bayes_share` times naive Bayes, feature by feature and in
  // the bias: one linear model again. Naive Bayes is overconfident where a phrase's words come
  // together and the regression is cautious where words of a refusal share a message with
  // romance; a share of one tempers each with the other (docs/detection.md, "Round 24").
  ensemble,
};

struct TrainingOptions {
  std::string category;
  TrainingMethod method = TrainingMethod::naive_bayes;
  int min_count = 2;   // features seen fewer times in all are left out (noise, names, typos)
  double alpha = 1.0;  // smoothing of the naive Bayes counts
  // Logistic regression only.
  double l2 = 1.0;              // L2 penalty, applied lazily where a feature occurs (.cpp)
  double learning_rate = 0.05;  // AdaGrad's base step
  int epochs = 20;              // passes over the examples
  // The regression is trained once per order, each visiting the examples in its own seeded
  // random order (seed, seed + 1, ...), and the weights averaged: one more example reorders
  // every visit, and a single order's model moves with that (docs/detection.md, "Round 26").
  int orders = 1;
  unsigned seed = 20261127;
  // Ensemble only.
  double bayes_share = 0.1;
};

// The model file's text; deterministic for the same examples and options.
std::string train_text_model(const std::vector<TrainingExample>& examples,
                             const TrainingOptions& options);

struct ThresholdScore {
  double threshold = 0;
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

// Trains on all folds but one and scores the one left out, for every fold (example i is in
// fold i % folds); returns the pooled counts at each threshold (score above it: positive).
// Examples not `scored` are trained on in every fold but never counted, so that a threshold can
// be chosen for one side's messages of a model trained on both.
std::vector<ThresholdScore> cross_validate(const std::vector<TrainingExample>& examples,
                                           const TrainingOptions& options, int folds,
                                           const std::vector<double>& thresholds);

}  // namespace bg
