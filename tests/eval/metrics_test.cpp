// The arithmetic of `boundaryctl eval` (sdk/tools/boundaryctl/metrics.cpp), compiled in.
#include "metrics.h"

#include <gtest/gtest.h>

namespace {

using boundaryctl::CategorySet;
using boundaryctl::Counts;
using boundaryctl::Scorer;

TEST(Ratios, ArePlainFractions) {
  const Counts c{3, 1, 2};  // TP 3, FP 1, FN 2
  EXPECT_EQ(c.support(), 5u);
  EXPECT_EQ(c.predicted(), 4u);
  EXPECT_DOUBLE_EQ(boundaryctl::precision(c), 0.75);
  EXPECT_DOUBLE_EQ(boundaryctl::recall(c), 0.6);
  // 2PR/(P+R) = 0.9/1.35 = 2/3 = 2TP/(2TP+FP+FN) = 6/9.
  EXPECT_DOUBLE_EQ(boundaryctl::f1(c), 2.0 / 3.0);
}

TEST(Ratios, ZeroDenominatorsScoreZeroNotNaN) {
  EXPECT_DOUBLE_EQ(boundaryctl::ratio(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::ratio(5, 0), 0.0);
  const Counts nothing{};
  EXPECT_DOUBLE_EQ(boundaryctl::precision(nothing), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::recall(nothing), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::f1(nothing), 0.0);
  const Counts never_predicted{0, 0, 4};  // support, no prediction: P = 0/0
  EXPECT_DOUBLE_EQ(boundaryctl::precision(never_predicted), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::recall(never_predicted), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::f1(never_predicted), 0.0);
  const Counts never_labelled{0, 3, 0};  // predictions, no support: R = 0/0
  EXPECT_DOUBLE_EQ(boundaryctl::precision(never_labelled), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::recall(never_labelled), 0.0);
  EXPECT_DOUBLE_EQ(boundaryctl::f1(never_labelled), 0.0);
  const Counts perfect{7, 0, 0};
  EXPECT_DOUBLE_EQ(boundaryctl::precision(perfect), 1.0);
  EXPECT_DOUBLE_EQ(boundaryctl::recall(perfect), 1.0);
  EXPECT_DOUBLE_EQ(boundaryctl::f1(perfect), 1.0);
}

TEST(Scorer, CountsEachCategoryOfMultiLabelEvents) {
  Scorer s{{"a", "b", "c"}};
  EXPECT_TRUE(s.add({"a", "b"}, {"a", "b"}));
  EXPECT_FALSE(s.add({"a"}, {"b"}));       // a missed, b extra
  EXPECT_FALSE(s.add({"a", "c"}, {"a"}));  // c missed
  EXPECT_TRUE(s.add({}, {}));
  EXPECT_FALSE(s.add({}, {"c"}));  // c extra on an unremarkable event

  EXPECT_EQ(s.events(), 5u);
  EXPECT_EQ(s.exact(), 2u);
  EXPECT_EQ(s.unlabelled_events(), 2u);
  const Counts a = s.counts("a");
  EXPECT_EQ(a.tp, 2u);
  EXPECT_EQ(a.fp, 0u);
  EXPECT_EQ(a.fn, 1u);
  const Counts b = s.counts("b");
  EXPECT_EQ(b.tp, 1u);
  EXPECT_EQ(b.fp, 1u);
  EXPECT_EQ(b.fn, 0u);
  const Counts c = s.counts("c");
  EXPECT_EQ(c.tp, 0u);
  EXPECT_EQ(c.fp, 1u);
  EXPECT_EQ(c.fn, 1u);
  EXPECT_EQ(s.counts("never-seen").support(), 0u);
}

TEST(Scorer, MicroAverageSumsTheCounts) {
  Scorer s{{"a", "b"}};
  s.add({"a"}, {"a"});
  s.add({"a"}, {"a"});
  s.add({"a"}, {"a"});
  s.add({"b"}, {});
  s.add({}, {"b"});
  const Counts total = s.total();  // TP 3, FP 1, FN 1
  EXPECT_EQ(total.tp, 3u);
  EXPECT_EQ(total.fp, 1u);
  EXPECT_EQ(total.fn, 1u);
  const auto micro = s.micro();
  EXPECT_DOUBLE_EQ(micro.precision, 0.75);
  EXPECT_DOUBLE_EQ(micro.recall, 0.75);
  EXPECT_DOUBLE_EQ(micro.f1, 0.75);
}

TEST(Scorer, MacroAverageIsTheMeanOverCategoriesInPlay) {
  // a: P 1, R 1, F1 1. b: support 1, never predicted: 0, 0, 0. c: predicted once, never
  // labelled: 0, 0, 0. d: neither labelled nor predicted: left out.
  Scorer s{{"a", "b", "c", "d"}};
  s.add({"a"}, {"a"});
  s.add({"b"}, {});
  s.add({}, {"c"});
  EXPECT_EQ(s.macro_category_count(), 3u);
  const auto macro = s.macro();
  EXPECT_DOUBLE_EQ(macro.precision, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(macro.recall, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(macro.f1, 1.0 / 3.0);
}

TEST(Scorer, MacroF1IsTheMeanOfF1sNotTheF1OfTheMeans) {
  Scorer s{{"a", "b"}};
  s.add({"a"}, {"a"});  // a: P 1, R 1/2, F1 2/3
  s.add({"a"}, {});
  s.add({"b"}, {"b"});  // b: P 1/2, R 1, F1 2/3
  s.add({}, {"b"});
  const auto macro = s.macro();
  EXPECT_DOUBLE_EQ(macro.precision, 0.75);
  EXPECT_DOUBLE_EQ(macro.recall, 0.75);
  EXPECT_DOUBLE_EQ(macro.f1, 2.0 / 3.0);  // the F1 of the means would be 0.75
}

TEST(Scorer, EmptyCorpusScoresZeroEverywhere) {
  const Scorer s{{"a"}};
  EXPECT_EQ(s.events(), 0u);
  EXPECT_EQ(s.macro_category_count(), 0u);
  EXPECT_DOUBLE_EQ(s.micro().f1, 0.0);
  EXPECT_DOUBLE_EQ(s.macro().precision, 0.0);
  EXPECT_DOUBLE_EQ(s.macro().f1, 0.0);
  EXPECT_TRUE(s.below_f1(0.9).empty());  // no support, nothing to fall short
}

TEST(Scorer, ConfusionSplitsInsteadFromInAddition) {
  Scorer s{{"a", "b", "c"}};
  s.add({"a"}, {"b"});       // a missed, b instead
  s.add({"a"}, {"b", "c"});  // a missed, b and c instead
  s.add({"a"}, {"a", "c"});  // a found, c in addition
  s.add({"a"}, {});          // a missed, nothing else predicted
  s.add({"a", "b"}, {"b"});  // a missed; b is labelled, so not a confusion
  s.add({}, {"c"});          // unremarkable, c predicted
  s.add({}, {"b", "c"});

  const auto a = s.confusion("a");
  EXPECT_EQ(a.missed_alone, 2u);
  EXPECT_EQ(a.instead, (std::map<std::string, size_t>{{"b", 2}, {"c", 1}}));
  EXPECT_EQ(a.in_addition, (std::map<std::string, size_t>{{"c", 1}}));
  const auto b = s.confusion("b");
  EXPECT_EQ(b.missed_alone, 0u);
  EXPECT_TRUE(b.instead.empty());
  EXPECT_TRUE(b.in_addition.empty());
  EXPECT_EQ(s.unlabelled_predicted(), (std::map<std::string, size_t>{{"b", 1}, {"c", 2}}));
}

TEST(Scorer, UnknownCategoriesAreAppendedAndOrderedLast) {
  Scorer s{{"b", "a"}};
  s.add({"zeta"}, {"a", "eta"});
  EXPECT_EQ(s.categories(), (std::vector<std::string>{"b", "a", "zeta", "eta"}));
  EXPECT_EQ(s.counts("zeta").fn, 1u);
  EXPECT_EQ(s.counts("eta").fp, 1u);
  EXPECT_EQ(s.ordered(CategorySet{"a", "b", "zeta", "unseen"}),
            (std::vector<std::string>{"b", "a", "zeta", "unseen"}));
}

TEST(Scorer, BelowF1ListsOnlyCategoriesWithSupport) {
  Scorer s{{"a", "b", "c", "d"}};
  s.add({"a"}, {"a"});  // a: F1 1
  s.add({"b"}, {"b"});  // b: TP 1, FN 1: F1 2/3
  s.add({"b"}, {});
  s.add({}, {"c"});  // c: no support, F1 0, not listed
  s.add({"d"}, {});  // d: F1 0
  EXPECT_EQ(s.below_f1(0.9), (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(s.below_f1(2.0 / 3.0), (std::vector<std::string>{"d"}));  // exactly at the bar passes
  EXPECT_TRUE(s.below_f1(0.0).empty());
}

}  // namespace
