// The arithmetic of `boundaryctl eval`: per-category precision, recall and F1 for multi-label
// predictions (each event has a set of expected and a set of predicted categories), their micro
// and macro averages, and the confusion between categories. No I/O, no plugin.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace boundaryctl {

using CategorySet = std::set<std::string>;

// One category's tally over a corpus.
struct Counts {
  size_t tp = 0;  // labelled and predicted
  size_t fp = 0;  // predicted, not labelled
  size_t fn = 0;  // labelled, not predicted

  size_t support() const noexcept { return tp + fn; }
  size_t predicted() const noexcept { return tp + fp; }
};

// num / den, and 0 when den is 0: with nothing predicted (or nothing labelled) there is nothing
// to be right about, and the score is 0, never NaN (the zero_division=0 convention).
double ratio(size_t num, size_t den) noexcept;
double precision(const Counts& c) noexcept;  // TP / (TP + FP)
double recall(const Counts& c) noexcept;     // TP / (TP + FN)
double f1(const Counts& c) noexcept;         // 2TP / (2TP + FP + FN): the harmonic mean of P and R

struct Average {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// Where the predictions went for the events labelled with one category: categories that were
// predicted although the label does not carry them, on events where this category was missed
// ("instead") or found ("in addition").
struct Confusion {
  size_t missed_alone = 0;  // missed, and no category outside the label predicted either
  std::map<std::string, size_t> instead;
  std::map<std::string, size_t> in_addition;
};

class Scorer {
 public:
  // `categories` come first in every listing, in this order, even with no support; any other
  // category met in a label or a prediction is appended in order of first appearance.
  explicit Scorer(std::vector<std::string> categories);

  // Scores one event. Returns true when the prediction is exactly the label.
  bool add(const CategorySet& expected, const CategorySet& predicted);

  const std::vector<std::string>& categories() const noexcept { return names_; }
  // A category's tally (all zero for one never seen).
  Counts counts(const std::string& category) const;
  Confusion confusion(const std::string& category) const;
  // For events labelled with no category: the categories predicted, in how many events.
  const std::map<std::string, size_t>& unlabelled_predicted() const noexcept {
    return unlabelled_predicted_;
  }

  // Sums TP, FP and FN over every category (the micro average's counts).
  Counts total() const;
  // Precision, recall and F1 of the summed counts.
  Average micro() const;
  // The unweighted mean of the per-category precision, recall and F1 over the categories in
  // play: those with support or with a prediction (a category neither labelled nor predicted
  // has nothing to score). All 0 when no category is in play.
  Average macro() const;
  size_t macro_category_count() const;
  // The categories with support whose F1 is below `threshold`, in category order.
  std::vector<std::string> below_f1(double threshold) const;

  size_t events() const noexcept { return events_; }
  size_t exact() const noexcept { return exact_; }
  size_t unlabelled_events() const noexcept { return unlabelled_; }

  // `set` in the scorer's category order (unknown names last, sorted).
  std::vector<std::string> ordered(const CategorySet& set) const;

 private:
  size_t index(const std::string& category);
  bool in_play(size_t i) const noexcept { return counts_[i].support() + counts_[i].fp > 0; }

  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<Counts> counts_;
  std::vector<Confusion> confusion_;
  std::map<std::string, size_t> unlabelled_predicted_;
  size_t events_ = 0;
  size_t exact_ = 0;
  size_t unlabelled_ = 0;
};

}  // namespace boundaryctl
