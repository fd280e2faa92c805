#include "policy/policy_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "policy/pack_reader.h"
#include "test_support.h"

namespace bg::test {
namespace {

using Packs = PackFolder;

const char* const kRule = R"Y(
  - id: late
    events: [message]
    when: sender.role == 'therapist' and not time.in_hours
    category: off_hours
    severity: medium
    decision: warn
    citations: ["NASW 1.06(e)"]
    notice: "It's {therapist_time}"
)Y";

TEST(PolicyLoader, LoadsTheBundledPacksWithoutProblems) {
  for (const std::string pack : {"base", "default"}) {
    const auto result = load_policy(std::string{BG_SOURCE_POLICY_DIR} + "/" + pack);
    ASSERT_TRUE(result.policy) << render_problems_text(result.problems);
    for (const auto& p : result.problems) ADD_FAILURE() << p.describe();
    EXPECT_EQ(result.policy->name, pack);
    EXPECT_EQ(result.policy->sha256.size(), 64u);
    for (const auto& rule : result.policy->rules) {
      EXPECT_FALSE(rule.citations.empty()) << rule.id;
      EXPECT_GT(rule.origin.line, 0) << rule.id;
      EXPECT_EQ(rule.pack, "base") << rule.id;
    }
  }
}

TEST(PolicyLoader, ExtendsInheritsAndOverridesByKey) {
  Packs packs;
  packs.write("base/pack.yaml",
              std::string{"pack: base\nlists:\n  kinds: [office]\nrules:"} + kRule);
  packs.write("practice/pack.yaml", R"Y(pack: practice
extends: base
settings:
  default_hours: {sat: ["10:00-14:00"]}
overrides:
  rules:
    late:
      severity: high
      citations: {append: ["ACA 2014 H.6.a"]}
  lists:
    kinds: {append: [telehealth]}
)Y");
  const auto r = packs.load("practice");
  ASSERT_TRUE(r.policy) << render_problems_text(r.problems);
  EXPECT_EQ(r.policy->packs, (std::vector<std::string>{"base", "practice"}));
  const Rule* late = r.policy->rule("late");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->severity, Severity::high);
  EXPECT_EQ(late->citations, (std::vector<std::string>{"NASW 1.06(e)", "ACA 2014 H.6.a"}));
  EXPECT_EQ(late->pack, "base");
  ASSERT_EQ(late->overridden_at.size(), 1u);
  EXPECT_EQ(late->overridden_at[0].line, 7);
  EXPECT_EQ(r.policy->lists.at("kinds")->size(), 2u);
  EXPECT_TRUE(r.policy->settings.default_hours.contains(5, 11 * 60));
  EXPECT_FALSE(r.policy->settings.default_hours.contains(0, 11 * 60));
  // The unused list is a warning, not an error.
  const auto* unused = find_code(r, "BG-P032");
  ASSERT_NE(unused, nullptr);
  EXPECT_FALSE(unused->is_error);
}

TEST(PolicyLoader, RedefiningAnInheritedRuleIsAnError) {
  Packs packs;
  packs.write("base/pack.yaml", std::string{"pack: base\nrules:"} + kRule);
  packs.write("practice/pack.yaml", std::string{"pack: practice\nextends: base\nrules:"} + kRule);
  const auto r = packs.load("practice");
  EXPECT_FALSE(r.policy);
  const auto* p = find_code(r, "BG-P008");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->message.find("use overrides"), std::string::npos);
}

TEST(PolicyLoader, ExtendsLoopsAndMissingPacksAreReported) {
  Packs packs;
  packs.write("a/pack.yaml", "pack: a\nextends: b\n");
  packs.write("b/pack.yaml", "pack: b\nextends: [a, nowhere]\n");
  const auto r = packs.load("a");
  EXPECT_FALSE(r.policy);
  EXPECT_NE(find_code(r, "BG-P010"), nullptr);
  const auto* missing = find_code(r, "BG-P011");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->where.line, 2);
}

TEST(PolicyLoader, FolderFragmentsJoinThePack) {
  Packs packs;
  packs.write("p/pack.yaml",
              "pack: p\nmacros:\n  therapist_sends: \"sender.role == 'therapist'\"\n");
  packs.write("p/rules.yaml", R"Y(rules:
  - id: personal-number
    events: [message]
    when: therapist_sends and channel.personal
    category: personal_channel
    severity: medium
    decision: warn
    citations: ["NASW 1.06(e)"]
    notice: "{channel}"
)Y");
  const auto r = packs.load("p");
  ASSERT_TRUE(r.policy) << render_problems_text(r.problems);
  ASSERT_EQ(r.policy->rules.size(), 1u);
  EXPECT_NE(r.policy->rules[0].origin.file.find("rules.yaml"), std::string::npos);
}

TEST(PolicyLoader, CollectsEveryErrorNotJustTheFirst) {
  Packs packs;
  packs.write("p.yaml", R"Y(pack: p
settings:
  client_quiet_hours: soon
  personal_channels: [pager]
rules:
  - id: a
    events: [message]
    when: chanel == 'x'
    category: off_hours
    severity: extreme
    decision: warn
    notice: "x"
)Y");
  const auto r = packs.load("p.yaml");
  EXPECT_FALSE(r.policy);
  std::vector<std::string> codes;
  for (const auto& p : r.problems) codes.push_back(p.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"BG-P007", "BG-P006", "BG-P006", "BG-P020"}))
      << render_problems_text(r.problems);
}

TEST(PolicyLoader, FieldsMustBeSetForTheRulesEvents) {
  Packs packs;
  packs.write("p.yaml", R"Y(pack: p
rules:
  - id: a
    events: [message, appointment]
    when: location.kind == 'community'
    category: outside_setting
    severity: medium
    decision: warn
    notice: "x"
)Y");
  const auto r = packs.load("p.yaml");
  const auto* p = find_code(r, "BG-P031");
  ASSERT_NE(p, nullptr) << render_problems_text(r.problems);
  EXPECT_NE(p->message.find("never set for message events"), std::string::npos);
}

TEST(PolicyLoader, ImpossibleValuesAreCaughtWithASuggestion) {
  Packs packs;
  packs.write("p.yaml", R"Y(pack: p
rules:
  - id: a
    events: [message]
    when: channel in ['personal_sms', 'personal_emial']
    category: personal_channel
    severity: medium
    decision: warn
    notice: "x"
)Y");
  const auto r = packs.load("p.yaml");
  const auto* p = find_code(r, "BG-P023");
  ASSERT_NE(p, nullptr) << render_problems_text(r.problems);
  EXPECT_NE(p->message.find("did you mean 'personal_email'"), std::string::npos);
}

TEST(PolicyLoader, UnknownKeysWarnWithTheClosestKey) {
  Packs packs;
  packs.write("p.yaml",
              std::string{"pack: p\nsetings: {}\nrules:"} + kRule + "    severty: high\n");
  const auto r = packs.load("p.yaml");
  ASSERT_TRUE(r.policy) << render_problems_text(r.problems);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].code, "BG-P004");
  EXPECT_NE(r.problems[0].message.find("did you mean \"settings\""), std::string::npos);
  EXPECT_NE(r.problems[1].message.find("did you mean \"severity\""), std::string::npos);
}

// Regression (fuzz, policy_loader): a lexicon written as a map whose "phrases" key was
// misspelt made yaml-cpp throw InvalidNode out of load_policy.
TEST(PolicyLoader, LexiconMapWithoutPhrasesIsAProblemNotAnException) {
  Packs packs;
  packs.write("p.yaml",
              "pack: p\nlexicons:\n  invite:\n    negatable: true\n"
              "    phrses:\n      - add me on\n");
  PolicyLoadResult r;
  ASSERT_NO_THROW(r = packs.load("p.yaml"));
  EXPECT_FALSE(r.policy);
  const auto* missing = find_code(r, "BG-P005");
  ASSERT_NE(missing, nullptr) << render_problems_text(r.problems);
  EXPECT_EQ(missing->where.line, 4);
  EXPECT_NE(missing->message.find("phrases"), std::string::npos);
  const auto* typo = find_code(r, "BG-P004");
  ASSERT_NE(typo, nullptr);
  EXPECT_NE(typo->message.find("did you mean \"phrases\""), std::string::npos);
}

TEST(PolicyLoader, NoticePlaceholdersAreChecked) {
  Packs packs;
  std::string rule = kRule;
  rule.replace(rule.find("{therapist_time}"), 16, "{therapist_tme}");
  packs.write("p.yaml", std::string{"pack: p\nrules:"} + rule);
  const auto r = packs.load("p.yaml");
  const auto* p = find_code(r, "BG-P034");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->message.find("did you mean {therapist_time}"), std::string::npos);
}

TEST(PolicyLoader, ExceptionsNeedReasonOwnerAndExpiry) {
  Packs packs;
  packs.write("p.yaml", std::string{"pack: p\nrules:"} + kRule + R"Y(
exceptions:
  - id: ex-1
    rules: [late]
    when: client.id == 'c-042'
    reason: agreed evening check-ins
    owner: s-lee
    expires: 2099-12-31
  - id: ex-2
    rules: [nope]
    reason: r
    owner: s
    expires: 2020-01-01
  - id: ex-3
    reason: r
)Y");
  const auto r = packs.load("p.yaml");
  EXPECT_FALSE(r.policy);
  EXPECT_NE(find_code(r, "BG-P030"), nullptr);  // ex-2 names a missing rule
  EXPECT_NE(find_code(r, "BG-P033"), nullptr);  // ex-2 expired
  EXPECT_NE(find_code(r, "BG-P005"), nullptr);  // ex-3 lacks owner and expiry
}

TEST(PolicyLoader, RenderedProblemsCarryACaret) {
  Packs packs;
  packs.write(
      "p.yaml",
      "pack: p\nrules:\n  - id: a\n    events: [message]\n    when: time.in_hours and chanel == "
      "'x'\n    category: off_hours\n    severity: low\n    decision: warn\n    notice: x\n");
  const auto r = packs.load("p.yaml");
  ASSERT_EQ(r.problems.size(), 1u) << render_problems_text(r.problems);
  const std::string text = r.problems[0].describe();
  EXPECT_NE(
      text.find(
          "p.yaml:5:29: error BG-P020 (rule a): unknown name 'chanel'; did you mean 'channel'?"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("\n    " + std::string(28, ' ') + "^"), std::string::npos) << text;
  const std::string json = render_problems_json(r.problems);
  EXPECT_NE(json.find("\"line\":5,\"column\":29"), std::string::npos) << json;
  EXPECT_NE(json.find("\"summary\":\"unknown name in a condition\""), std::string::npos);
}

// Regression (bench_memory): each policy file was read into a buffer of the 4 MiB limit and kept
// that capacity, so loading the default pack briefly held 50 MB.
TEST(PolicyLoader, AFileIsHeldInAboutItsOwnSize) {
  std::vector<PolicyProblem> problems;
  ProblemSink sink{problems};
  const auto pack = read_pack(std::string{BG_SOURCE_POLICY_DIR} + "/base", sink);
  ASSERT_TRUE(pack);
  ASSERT_GT(pack->files.size(), 3u);
  for (const auto& file : pack->files) {
    EXPECT_LE(file->text.capacity(), 2 * file->text.size() + 64 * 1024) << file->path;
  }
}

TEST(PolicyLoader, AFileOverTheLimitIsRefusedWithoutReadingItAll) {
  std::vector<PolicyProblem> problems;
  ProblemSink sink{problems};
  EXPECT_FALSE(read_pack("/dev/zero", sink));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].code, "BG-P001");
}

TEST(PolicyLoader, MissingFileIsAnError) {
  const auto r = load_policy("/nonexistent/pack.yaml");
  EXPECT_FALSE(r.policy);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "BG-P001");
}

}  // namespace
}  // namespace bg::test
