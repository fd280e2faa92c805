#include "metrics.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace boundaryctl {

double ratio(size_t num, size_t den) noexcept {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

double precision(const Counts& c) noexcept { return ratio(c.tp, c.tp + c.fp); }

double recall(const Counts& c) noexcept { return ratio(c.tp, c.tp + c.fn); }

double f1(const Counts& c) noexcept { return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn); }

Scorer::Scorer(std::vector<std::string> categories) {
  for (const auto& name : categories) index(name);
}

size_t Scorer::index(const std::string& category) {
  const auto [it, inserted] = index_.emplace(category, names_.size());
  if (inserted) {
    names_.push_back(category);
    counts_.emplace_back();
    confusion_.emplace_back();
  }
  return it->second;
}

bool Scorer::add(const CategorySet& expected, const CategorySet& predicted) {
  ++events_;
  if (expected.empty()) ++unlabelled_;
  CategorySet extra;
  std::set_difference(predicted.begin(), predicted.end(), expected.begin(), expected.end(),
                      std::inserter(extra, extra.end()));
  for (const auto& category : expected) {
    const size_t i = index(category);
    const bool found = predicted.count(category) > 0;
    ++(found ? counts_[i].tp : counts_[i].fn);
    Confusion& row = confusion_[i];
    if (!found && extra.empty()) ++row.missed_alone;
    for (const auto& other : extra) ++(found ? row.in_addition : row.instead)[other];
  }
  for (const auto& category : extra) {
    ++counts_[index(category)].fp;
    if (expected.empty()) ++unlabelled_predicted_[category];
  }
  const bool exact = extra.empty() && expected.size() == predicted.size();
  if (exact) ++exact_;
  return exact;
}

Counts Scorer::counts(const std::string& category) const {
  const auto it = index_.find(category);
  return it == index_.end() ? Counts{} : counts_[it->second];
}

Confusion Scorer::confusion(const std::string& category) const {
  const auto it = index_.find(category);
  return it == index_.end() ? Confusion{} : confusion_[it->second];
}

Counts Scorer::total() const {
  Counts sum;
  for (const auto& c : counts_) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return sum;
}

Average Scorer::micro() const {
  const Counts sum = total();
  return Average{precision(sum), recall(sum), f1(sum)};
}

Average Scorer::macro() const {
  Average mean;
  size_t n = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    if (!in_play(i)) continue;
    mean.precision += precision(counts_[i]);
    mean.recall += recall(counts_[i]);
    mean.f1 += f1(counts_[i]);
    ++n;
  }
  if (n == 0) return Average{};
  const auto d = static_cast<double>(n);
  return Average{mean.precision / d, mean.recall / d, mean.f1 / d};
}

size_t Scorer::macro_category_count() const {
  size_t n = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    if (in_play(i)) ++n;
  }
  return n;
}

std::vector<std::string> Scorer::below_f1(double threshold) const {
  std::vector<std::string> out;
  for (size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i].support() > 0 && f1(counts_[i]) < threshold) out.push_back(names_[i]);
  }
  return out;
}

std::vector<std::string> Scorer::ordered(const CategorySet& set) const {
  std::vector<std::pair<size_t, std::string>> keyed;
  keyed.reserve(set.size());
  for (const auto& name : set) {
    const auto it = index_.find(name);
    keyed.emplace_back(it == index_.end() ? names_.size() : it->second, name);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  out.reserve(keyed.size());
  for (auto& entry : keyed) out.push_back(std::move(entry.second));
  return out;
}

}  // namespace boundaryctl
