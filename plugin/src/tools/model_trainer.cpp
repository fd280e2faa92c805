#include "tools/model_trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <string_view>
#include <utility>

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

// The features seen at least min_count times, with their counts per class.
std::map<std::string, Counts> kept_features(const std::vector<const TrainingExample*>& examples,
                                            int min_count) {
  auto counts = count_features(examples);
  for (auto it = counts.begin(); it != counts.end();) {
    if (it->second.positive + it->second.negative < min_count) {
      it = counts.erase(it);
    } else {
      ++it;
    }
  }
  return counts;
}

// Each kept feature's naive Bayes log-likelihood ratio, in the order of `counts`.
std::vector<double> naive_bayes_ratios(const std::map<std::string, Counts>& counts, double a) {
  // Only the kept features are read at scoring time, so only they make up each class's total.
  double positive_total = 0, negative_total = 0;
  for (const auto& [_, c] : counts) {
    positive_total += c.positive;
    negative_total += c.negative;
  }
  const double vocabulary = static_cast<double>(counts.size());
  std::vector<double> ratios;
  ratios.reserve(counts.size());
  for (const auto& [_, c] : counts) {
    ratios.push_back(std::log((c.positive + a) / (positive_total + a * vocabulary)) -
                     std::log((c.negative + a) / (negative_total + a * vocabulary)));
  }
  return ratios;
}

std::string model_text(const char* method, size_t positives, size_t messages,
                       const std::string& category, double bias,
                       const std::map<std::string, Counts>& features,
                       const std::vector<double>& weights) {
  std::string out = "boundary-guard-text-model 1\n";
  out += std::string{"# "} + method + " over words and word pairs; trained by bg_train_model on " +
         std::to_string(messages) + " messages (" + std::to_string(positives) +
         " in the category)\n";
  out += "category " + category + "\n";
  out += "bias " + format_number(bias) + "\n";
  size_t i = 0;
  for (const auto& [feature, _] : features)
    out += feature + "\t" + format_number(weights[i++]) + "\n";
  return out;
}

size_t count_positives(const std::vector<const TrainingExample*>& examples) {
  size_t positives = 0;
  for (const auto* e : examples) positives += e->positive ? 1 : 0;
  return positives;
}

// One example as the logistic regression reads it: (feature index, count x ratio) pairs.
using SparseRow = std::vector<std::pair<size_t, double>>;

struct LinearWeights {
  double bias = 0;
  std::vector<double> weights;  // in the order of the features' map
};

LinearWeights naive_bayes_weights(size_t positives, size_t messages,
                                  const std::map<std::string, Counts>& features, double a) {
  const double p = static_cast<double>(positives);
  const double n = static_cast<double>(messages - positives);
  return {std::log((p + a) / (n + a)), naive_bayes_ratios(features, a)};
}

// into += share * from, in the bias and weight by weight (both over the same features).
void add_scaled(LinearWeights& into, const LinearWeights& from, double share) {
  into.bias += share * from.bias;
  for (size_t i = 0; i < into.weights.size(); ++i) into.weights[i] += share * from.weights[i];
}

// Fisher-Yates on the engine's raw output: std::shuffle's draws differ between standard
// libraries, and the committed models must be what any build retrains (text_models_are_current).
void shuffle_in_place(std::vector<size_t>& order, std::mt19937& random) {
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
}

// AdaGrad descent over `rows` (per example: feature index and scaled count) in the random order
// `seed` draws for each epoch; the weights are on the scaled inputs.
LinearWeights descend(const std::vector<SparseRow>& rows,
                      const std::vector<const TrainingExample*>& examples, size_t features,
                      const TrainingOptions& options, unsigned seed) {
  LinearWeights model{0, std::vector<double>(features, 0.0)};
  auto& w = model.weights;
  std::vector<double> squared_gradients(features, 1e-8);
  double bias_squared_gradients = 1e-8;
  // Lazy L2: the penalty acts on a feature at each step where it occurs, each time l2 / N of it,
  // so over a pass a feature seen in n of N messages is held back by l2 * n / N.
  const double penalty = options.l2 / static_cast<double>(std::max<size_t>(rows.size(), 1));
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::mt19937 random{seed};
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffle_in_place(order, random);
    for (const size_t k : order) {
      double z = model.bias;
      for (const auto& [i, x] : rows[k]) z += w[i] * x;
      const double error = 1.0 / (1.0 + std::exp(-z)) - (examples[k]->positive ? 1.0 : 0.0);
      bias_squared_gradients += error * error;
      model.bias -= options.learning_rate * error / std::sqrt(bias_squared_gradients);
      for (const auto& [i, x] : rows[k]) {
        const double gradient = error * x + penalty * w[i];
        squared_gradients[i] += gradient * gradient;
        w[i] -= options.learning_rate * gradient / std::sqrt(squared_gradients[i]);
      }
    }
  }
  return model;
}

// `ratios` are the features' naive Bayes ratios, which scale the regression's inputs.
LinearWeights logistic_weights(const std::vector<const TrainingExample*>& examples,
                               const std::map<std::string, Counts>& features,
                               const std::vector<double>& ratios, const TrainingOptions& options) {
  std::map<std::string_view, size_t> index;
  for (const auto& [feature, _] : features) index.emplace(feature, index.size());

  std::vector<SparseRow> rows;
  rows.reserve(examples.size());
  std::string pair;
  for (const auto* e : examples) {
    std::map<size_t, double> counts;
    for_each_feature(model_tokens(e->normalized), pair,
                     [&](std::string_view feature, size_t, size_t) {
                       const auto it = index.find(feature);
                       if (it != index.end()) counts[it->second] += 1;
                     });
    SparseRow row;
    for (const auto& [i, n] : counts) row.emplace_back(i, n * ratios[i]);
    rows.push_back(std::move(row));
  }

  const int orders = std::max(options.orders, 1);
  LinearWeights model{0, std::vector<double>(features.size(), 0.0)};
  for (int k = 0; k < orders; ++k) {
    add_scaled(
        model,
        descend(rows, examples, features.size(), options, options.seed + static_cast<unsigned>(k)),
        1.0 / orders);
  }
  // The model reads counts, so each written weight folds in its feature's ratio.
  for (size_t i = 0; i < model.weights.size(); ++i) model.weights[i] *= ratios[i];
  return model;
}

const char* method_name(TrainingMethod method) {
  switch (method) {
    case TrainingMethod::logistic:
      return "logistic regression on naive Bayes features";
    case TrainingMethod::ensemble:
      return "logistic regression on naive Bayes features plus a share of naive Bayes";
    case TrainingMethod::naive_bayes:
      break;
  }
  return "multinomial naive Bayes";
}

std::string train(const std::vector<const TrainingExample*>& examples,
                  const TrainingOptions& options) {
  const auto features = kept_features(examples, options.min_count);
  const size_t positives = count_positives(examples);
  // Every method starts from naive Bayes: the regression's inputs are scaled by its ratios.
  LinearWeights model = naive_bayes_weights(positives, examples.size(), features, options.alpha);
  if (options.method != TrainingMethod::naive_bayes) {
    const LinearWeights bayes = std::move(model);
    model = logistic_weights(examples, features, bayes.weights, options);
    if (options.method == TrainingMethod::ensemble) add_scaled(model, bayes, options.bayes_share);
  }
  return model_text(method_name(options.method), positives, examples.size(), options.category,
                    model.bias, features, model.weights);
}

double ratio(int num, int den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

}  // namespace

std::string train_text_model(const std::vector<TrainingExample>& examples,
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
