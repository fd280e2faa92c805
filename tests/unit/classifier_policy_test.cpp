// Classifiers in the policy language: `classifiers:` declares text models, `classifier.NAME`
// reads them in conditions, and their strongest spans become a finding's evidence.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "engine/engine.h"
#include "policy/policy_loader.h"
#include "test_support.h"

namespace bg::test {
namespace {

const char* const kModel =
    "boundary-guard-text-model 1\n"
    "category romantic_sexual\n"
    "bias -1\n"
    "miss\t1.5\n"
    "miss you\t2.5\n"
    "session\t-3\n";

const char* const kPack = R"Y(pack: flirts
classifiers:
  flirt:
    model: models/flirt.model
    threshold: 2
    description: toy
rules:
  - id: flirt-model
    events: [message]
    when: sender.role == 'therapist' and classifier.flirt
    category: romantic_sexual
    severity: medium
    decision: warn
    citations: ["APA 2017 10.05"]
    explanation: "most telling: {evidence}"
    notice: "Reads as romantic ({evidence})"
)Y";

// The "flirts" pack: one classifier and one rule that reads it.
class ClassifierPack : public PackFolder {
 public:
  ClassifierPack() {
    write("flirts/models/flirt.model", kModel);
    write("flirts/pack.yaml", kPack);
  }
};

std::unique_ptr<Engine> engine_on(const std::string& policy_path) {
  EngineConfig config;
  config.policy_path = policy_path;
  auto engine = std::make_unique<Engine>(config);
  for (const char* const* line = kRoster; *line != nullptr; ++line) eval(*engine, *line);
  return engine;
}

TEST(Classifiers, ARuleReadsTheModelAndQuotesItsStrongestWords) {
  ClassifierPack pack;
  auto engine = engine_on(pack.path("flirts"));
  const auto flagged =
      eval(*engine, message("m-1", "2026-03-04T10:00:00-06:00", "Honestly? I MISS YOU."));
  ASSERT_EQ(rules_of(*flagged), std::vector<std::string>{"flirt-model"});
  const auto& finding = flagged->findings[0];
  ASSERT_EQ(finding.evidence.size(), 1u);
  EXPECT_EQ(finding.evidence[0].text, "MISS YOU");
  EXPECT_EQ(finding.explanation, "most telling: 'MISS YOU'");
  // -1 + 1.5 - 3: below the threshold.
  const auto clinical =
      eval(*engine, message("m-2", "2026-03-04T10:05:00-06:00", "You will miss a session"));
  EXPECT_TRUE(clinical->findings.empty());
}

TEST(Classifiers, TheModelIsPartOfThePolicyHashAndItsWatchedFiles) {
  ClassifierPack pack;
  const auto before = pack.load("flirts");
  ASSERT_TRUE(before.policy) << render_problems_text(before.problems);
  const auto& files = before.policy->files;
  EXPECT_NE(std::find(files.begin(), files.end(), pack.path("flirts/models/flirt.model")),
            files.end());
  pack.write("flirts/models/flirt.model", std::string{kModel} + "tonight\t1\n");
  const auto after = pack.load("flirts");
  ASSERT_TRUE(after.policy) << render_problems_text(after.problems);
  EXPECT_NE(before.policy->sha256, after.policy->sha256);
}

TEST(Classifiers, AnUnreadableModelIsOneErrorAtItsModelKey) {
  ClassifierPack pack;
  pack.write("flirts/models/flirt.model", "not a model\n");
  const auto r = pack.load("flirts");
  EXPECT_FALSE(r.policy);
  const auto* p = find_code(r, "BG-P035");
  ASSERT_NE(p, nullptr) << render_problems_text(r.problems);
  EXPECT_EQ(p->where.line, 4);
  EXPECT_EQ(p->where.column, 12);  // the model's path
  EXPECT_EQ(p->item, "classifier flirt");
  EXPECT_NE(p->message.find("line 1: not a text model"), std::string::npos) << p->message;
  // The rule that reads it adds no second error.
  EXPECT_EQ(std::count_if(r.problems.begin(), r.problems.end(),
                          [](const PolicyProblem& x) { return x.is_error; }),
            1);

  std::filesystem::remove(pack.path("flirts/models/flirt.model"));
  const auto missing = pack.load("flirts");
  const auto* m = find_code(missing, "BG-P035");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->message.find("cannot read"), std::string::npos) << m->message;
}

TEST(Classifiers, ShapeMistakesAreReportedWithSuggestions) {
  ClassifierPack pack;
  pack.write("bad/pack.yaml", R"Y(pack: bad
classifiers:
  a: {model: ../flirts/models/flirt.model, threshold: high}
  b: {model: ../flirts/models/flirt.model}
  c: {model: ../flirts/models/flirt.model, threshold: 1, treshold: 2}
rules:
  - id: r
    events: [message]
    when: classifier.a or classifier.b or classifier.flirty
    category: romantic_sexual
    severity: low
    decision: allow
    citations: ["APA 2017 10.05"]
    notice: "x"
)Y");
  const auto r = pack.load("bad");
  EXPECT_FALSE(r.policy);
  const auto* threshold = find_code(r, "BG-P012");
  ASSERT_NE(threshold, nullptr) << render_problems_text(r.problems);
  EXPECT_EQ(threshold->where.line, 3);
  const auto* missing = find_code(r, "BG-P005");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->where.line, 4);
  const auto* typo = find_code(r, "BG-P004");
  ASSERT_NE(typo, nullptr);
  EXPECT_NE(typo->message.find("did you mean \"threshold\""), std::string::npos);
  // Only the undeclared name is unknown: a declared classifier with a mistake adds no error.
  const auto* unknown = find_code(r, "BG-P020");
  ASSERT_NE(unknown, nullptr);
  EXPECT_NE(unknown->message.find("'classifier.flirty'"), std::string::npos) << unknown->message;
  EXPECT_EQ(std::count_if(r.problems.begin(), r.problems.end(),
                          [](const PolicyProblem& x) { return x.code == "BG-P020"; }),
            1);
}

TEST(Classifiers, APracticeCanRaiseAThresholdButNotInventAClassifier) {
  ClassifierPack pack;
  pack.write("practice/pack.yaml", R"Y(pack: practice
extends: ../flirts
overrides:
  classifiers:
    flirt: {threshold: 100}
    flirty: {threshold: 1}
)Y");
  auto r = pack.load("practice");
  EXPECT_FALSE(r.policy);
  ASSERT_NE(find_code(r, "BG-P030"), nullptr) << render_problems_text(r.problems);

  pack.write("practice/pack.yaml",
             "pack: practice\nextends: ../flirts\noverrides:\n  classifiers:\n"
             "    flirt: {threshold: 100}\n");
  r = pack.load("practice");
  ASSERT_TRUE(r.policy) << render_problems_text(r.problems);
  ASSERT_EQ(r.policy->classifiers.size(), 1u);
  EXPECT_DOUBLE_EQ(r.policy->classifiers[0].threshold, 100);
  auto engine = engine_on(pack.path("practice"));
  const auto v = eval(*engine, message("m-1", "2026-03-04T10:00:00-06:00", "I miss you"));
  EXPECT_TRUE(v->findings.empty());
}

TEST(Classifiers, TwoClassifiersOnOneModelShareItAndKeepTheirOwnThresholds) {
  ClassifierPack pack;
  pack.write("both/models/other.model", kModel);  // same bytes, another file
  pack.write("both/pack.yaml", R"Y(pack: both
extends: ../flirts
classifiers:
  sure_flirt: {model: ../flirts/models/flirt.model, threshold: 4}
  other: {model: models/other.model, threshold: 2}
rules:
  - id: sure-flirt-model
    events: [message]
    when: sender.role == 'therapist' and classifier.sure_flirt and classifier.other
    category: romantic_sexual
    severity: high
    decision: warn
    citations: ["APA 2017 10.05"]
    explanation: "surely: {evidence}"
    notice: "Reads as romantic ({evidence})"
)Y");
  const auto r = pack.load("both");
  ASSERT_TRUE(r.policy) << render_problems_text(r.problems);
  const auto& classifiers = r.policy->classifiers;
  ASSERT_EQ(classifiers.size(), 3u);
  const auto& flirt = classifiers[static_cast<size_t>(r.policy->classifier_index.at("flirt"))];
  const auto& sure = classifiers[static_cast<size_t>(r.policy->classifier_index.at("sure_flirt"))];
  const auto& other = classifiers[static_cast<size_t>(r.policy->classifier_index.at("other"))];
  EXPECT_EQ(flirt.model, sure.model);  // loaded once
  EXPECT_EQ(flirt.model_slot, sure.model_slot);
  EXPECT_NE(flirt.model, other.model);
  EXPECT_NE(flirt.model_slot, other.model_slot);

  auto engine = engine_on(pack.path("both"));
  // -1 + 1.5 + 2.5 = 3: above flirt's 2, below sure_flirt's 4.
  const auto once = eval(*engine, message("m-1", "2026-03-04T10:00:00-06:00", "I miss you"));
  EXPECT_EQ(rules_of(*once), std::vector<std::string>{"flirt-model"});
  // 6: above both.
  const auto twice =
      eval(*engine, message("m-2", "2026-03-04T10:05:00-06:00", "I miss you, miss you"));
  EXPECT_EQ(rules_of(*twice), (std::vector<std::string>{"flirt-model", "sure-flirt-model"}));
}

TEST(Classifiers, AnUnusedClassifierIsAWarning) {
  ClassifierPack pack;
  pack.write("unused/pack.yaml",
             "pack: unused\nclassifiers:\n  flirt: {model: ../flirts/models/flirt.model, "
             "threshold: 2}\n");
  const auto r = pack.load("unused");
  ASSERT_TRUE(r.policy) << render_problems_text(r.problems);
  const auto* p = find_code(r, "BG-P032");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->is_error);
}

}  // namespace
}  // namespace bg::test
