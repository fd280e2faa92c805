// Messages that would produce thousands of findings or evidence spans: a phrase repeated
// through a 64 KiB text, a policy with hundreds of rules that all match, a lexicon that matches
// thousands of times in every rule, a lexicon with thousands of entries. The verdict stays
// bounded (docs/events.md, "Limits"), keeps the decision the unbounded one would have, and the
// engine serves the next event.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "hostile_support.h"

namespace bghostile {
namespace {

using bgtest::api;

constexpr size_t kMaxFindings = 64;
constexpr size_t kMaxEvidence = 32;

std::string repeat_to(const std::string& phrase, size_t bytes) {
  std::string out;
  while (out.size() + phrase.size() <= bytes) out += phrase;
  return out;
}

void expect_bounded(const bg_verdict* v, const std::string& what) {
  ASSERT_NE(v, nullptr) << what;
  const auto found = bgtest::findings(v);
  EXPECT_LE(found.size(), kMaxFindings) << what;
  for (const auto& f : found) EXPECT_LE(f.evidence.size(), kMaxEvidence) << what << ": " << f.rule;
  EXPECT_LT(bgtest::verdict_json(v).size(), 512u * 1024) << what;
}

std::string rule_yaml(const std::string& id, const std::string& when, const std::string& severity,
                      const std::string& decision) {
  return "  - id: " + id + "\n    events: [message]\n    when: \"" + when +
         "\"\n    category: personal_content\n    severity: " + severity +
         "\n    decision: " + decision + "\n    notice: \"Rule " + id + " matched.\"\n";
}

TEST(HostileFindings, APhraseRepeatedThroughTheLongestTextGivesBoundedEvidence) {
  auto engine = bgtest::must_open();
  ASSERT_NE(engine, nullptr);
  bgtest::load_roster(engine.get());
  for (const char* phrase : {"can't sleep ", "haha lol ", "988 ", "appointment "}) {
    const auto r = bgtest::evaluate(
        engine.get(), late_message(std::string{"flood-"} + phrase, repeat_to(phrase, 64 * 1024)));
    ASSERT_EQ(r.status, BG_OK) << r.error;
    expect_bounded(r.verdict.get(), phrase);
    EXPECT_GE(api().verdict_finding_count(r.verdict.get()), 1u) << phrase;
  }
  expect_still_serving(engine.get());
}

TEST(HostileFindings, HundredsOfMatchingRulesAreCutToTheLimitKeepingTheDecision) {
  bgtest::TempDir dir;
  std::string rules = "rules:\n";
  for (int i = 0; i < 400; ++i)
    rules += rule_yaml("r-" + std::to_string(i), "text.present", "low", "warn");
  rules += rule_yaml("the-one-that-holds", "text.present", "high", "hold");
  rules += rule_yaml("the-critical-one", "text.present", "critical", "warn");
  const std::string pack = write_pack(dir, "many-rules", rules);
  auto engine = bgtest::must_open(pack);
  ASSERT_NE(engine, nullptr);
  bgtest::load_roster(engine.get());
  const auto r = bgtest::evaluate(engine.get(), late_message("many-1", "hello"));
  ASSERT_EQ(r.status, BG_OK) << r.error;
  expect_bounded(r.verdict.get(), "402 matching rules");
  EXPECT_EQ(api().verdict_finding_count(r.verdict.get()), kMaxFindings);
  EXPECT_EQ(api().verdict_decision(r.verdict.get()), BG_DECISION_HOLD);
  const auto ids = bgtest::rules(r.verdict.get());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "the-one-that-holds"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "the-critical-one"), ids.end());
  // The notice leads with the most severe finding.
  EXPECT_EQ(bgtest::text(api().verdict_notice(r.verdict.get())).rfind("Rule the-critical-one", 0),
            0u);
  expect_still_serving(engine.get());
}

TEST(HostileFindings, ALexiconMatchingThousandsOfTimesInEveryRuleIsBounded) {
  bgtest::TempDir dir;
  std::string body = "lexicons:\n  common: [a, the, and, to, \"can't sleep\"]\nrules:\n";
  for (int i = 0; i < 200; ++i)
    body += rule_yaml("lex-" + std::to_string(i), "lexicon.common", "medium", "warn");
  const std::string pack = write_pack(dir, "lexicon-flood", body);
  auto engine = bgtest::must_open(pack);
  ASSERT_NE(engine, nullptr);
  bgtest::load_roster(engine.get());
  const auto r = bgtest::evaluate(
      engine.get(), late_message("lex-1", repeat_to("a the and to can't sleep ", 64 * 1024)));
  ASSERT_EQ(r.status, BG_OK) << r.error;
  expect_bounded(r.verdict.get(), "200 rules x thousands of matches");
  EXPECT_EQ(api().verdict_finding_count(r.verdict.get()), kMaxFindings);
  for (const auto& f : bgtest::findings(r.verdict.get()))
    EXPECT_EQ(f.evidence.size(), kMaxEvidence) << f.rule;
  expect_still_serving(engine.get());
}

TEST(HostileFindings, ALexiconOfThousandsOfEntriesLoadsOrIsRefusedAndNeverStalls) {
  bgtest::TempDir dir;
  std::string entries;
  for (int i = 0; i < 5000; ++i)
    entries += std::string{entries.empty() ? "" : ", "} + "w" + std::to_string(i * 7919 % 100003) +
               "x y" + std::to_string(i);
  const std::string body = "lexicons:\n  big: [" + entries + "]\nrules:\n" +
                           rule_yaml("big-lexicon", "lexicon.big", "medium", "warn");
  const std::string pack = write_pack(dir, "big-lexicon", body);
  const auto opened = bgtest::open_engine(pack);
  if (opened.status != BG_OK) {
    EXPECT_EQ(opened.status, BG_E_POLICY);
    EXPECT_FALSE(opened.error.empty());
    return;
  }
  bgtest::load_roster(opened.engine.get());
  std::string text;
  for (int i = 0; text.size() < 60 * 1024; ++i)
    text += "w" + std::to_string(i * 31 % 100003) + "x y" + std::to_string(i % 6000) + " zz ";
  const auto r = bgtest::evaluate(opened.engine.get(), late_message("big-lex-1", text));
  ASSERT_EQ(r.status, BG_OK) << r.error;
  expect_bounded(r.verdict.get(), "5,000-entry lexicon");
  expect_still_serving(opened.engine.get(), /*flagged=*/false);
}

}  // namespace
}  // namespace bghostile
