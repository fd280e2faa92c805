// Trains a text model (text_model.h) by multinomial naive Bayes over the features of
// text_features.h, with add-alpha smoothing, and measures it by k-fold cross-validation so
// that a policy's threshold is chosen on training material, never on a measurement set.
#pragma once

#include <string>
#include <vector>

namespace bg {

struct TrainingExample {
  std::string normalized;  // NormalizedText::text() of the message
  bool positive = false;
  bool scored = true;  // counted by cross_validate (always trained on)
};

struct TrainingOptions {
  std::string category;
  int min_count = 2;   // features seen fewer times in all are left out (noise, names, typos)
  double alpha = 1.0;  // smoothing
};

// The model file's text; deterministic for the same examples and options.
std::string train_naive_bayes(const std::vector<TrainingExample>& examples,
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
