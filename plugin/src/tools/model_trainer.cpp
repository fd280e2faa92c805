#include "tools/model_trainer.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "text/text_features.h"
#include "text/text_model.h"

namespace bg {
namespace {

struct Counts {
  double positive = 0;
  double negative = 0;
};

std::map<std::string, Counts> count_features(const std::vector<const TrainingExample*>& examples) {
  std::map<std::string, Counts> counts;
  std::string pair;
  for (const auto* e : examples) {
    const auto tokens = model_tokens(e->normalized);
    for_each_feature(tokens, pair, [&](std::string_view feature, size_t, size_t) {
      auto& c = counts[std::string{feature}];
      (e->positive ? c.positive : c.negative) += 1;
    });
  }
  return counts;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

std::string train(const std::vector<const TrainingExample*>& examples,
                  const TrainingOptions& options) {
  double positive_docs = 0, negative_docs = 0;
  for (const auto* e : examples) (e->positive ? positive_docs : negative_docs) += 1;
  auto counts = count_features(examples);
  for (auto it = counts.begin(); it != counts.end();) {
    if (it->second.positive + it->second.negative < options.min_count) {
      it = counts.erase(it);
    } else {
      ++it;
    }
  }
  // Only the kept features are read at scoring time, so only they make up each class's total.
  double positive_total = 0, negative_total = 0;
  for (const auto& [_, c] : counts) {
    positive_total += c.positive;
    negative_total += c.negative;
  }
  const double vocabulary = static_cast<double>(counts.size());
  const double a = options.alpha;
  std::string out = "boundary-guard-text-model 1\n";
  out += "# multinomial naive Bayes over words and word pairs; trained by bg_train_model on " +
         std::to_string(static_cast<long>(positive_docs + negative_docs)) + " messages (" +
         std::to_string(static_cast<long>(positive_docs)) + " in the category)\n";
  out += "category " + options.category + "\n";
  out += "bias " + format_number(std::log((positive_docs + a) / (negative_docs + a))) + "\n";
  for (const auto& [feature, c] : counts) {
    const double w = std::log((c.positive + a) / (positive_total + a * vocabulary)) -
                     std::log((c.negative + a) / (negative_total + a * vocabulary));
    out += feature + "\t" + format_number(w) + "\n";
  }
  return out;
}

double ratio(int num, int den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

}  // namespace

std::string train_naive_bayes(const std::vector<TrainingExample>& examples,
                              const TrainingOptions& options) {
  std::vector<const TrainingExample*> all;
  for (const auto& e : examples) all.push_back(&e);
  return train(all, options);
}

double ThresholdScore::precision() const {
  return ratio(true_positives, true_positives + false_positives);
}
double ThresholdScore::recall() const {
  return ratio(true_positives, true_positives + false_negatives);
}
double ThresholdScore::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::vector<ThresholdScore> cross_validate(const std::vector<TrainingExample>& examples,
                                           const TrainingOptions& options, int folds,
                                           const std::vector<double>& thresholds) {
  std::vector<ThresholdScore> scores;
  for (double t : thresholds) scores.push_back({t, 0, 0, 0});
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<const TrainingExample*> training;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) != fold)
        training.push_back(&examples[i]);
    }
    std::string error;
    const auto model = TextModel::parse(train(training, options), error);
    if (!model) continue;  // cannot happen: the trainer writes what the parser reads
    for (size_t i = static_cast<size_t>(fold); i < examples.size();
         i += static_cast<size_t>(folds)) {
      if (!examples[i].scored) continue;
      const double score = model->score(examples[i].normalized);
      for (auto& s : scores) {
        const bool flagged = score > s.threshold;
        if (flagged && examples[i].positive) ++s.true_positives;
        if (flagged && !examples[i].positive) ++s.false_positives;
        if (!flagged && examples[i].positive) ++s.false_negatives;
      }
    }
  }
  return scores;
}

}  // namespace bg
