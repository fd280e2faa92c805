// Hostile policies: pathological regular expressions, conditions nested 10,000 deep or built to
// explode through macros, YAML nested 10,000 deep, files too big to be a policy. Each is refused
// with the problem's code (engine_open and reload_policy alike: the old policy stays), or loads
// and evaluates the longest text in bounded time; nothing crashes or stalls.
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hostile_support.h"

namespace bghostile {
namespace {

using bgtest::api;
using ::testing::HasSubstr;

std::string rule_when(const std::string& when) {
  return "rules:\n  - id: hostile-rule\n    events: [message]\n    when: '" + when +
         "'\n    category: personal_content\n    severity: medium\n    decision: warn\n"
         "    notice: hostile rule\n";
}

// Refused at engine_open and at reload_policy; the running engine keeps its policy.
void expect_refused(const std::string& pack, const std::string& code, const std::string& what) {
  const auto opened = bgtest::open_engine(pack);
  EXPECT_EQ(opened.status, BG_E_POLICY) << what;
  EXPECT_EQ(opened.engine, nullptr) << what;
  EXPECT_THAT(opened.error, HasSubstr(code)) << what;

  auto engine = bgtest::must_open();
  ASSERT_NE(engine, nullptr);
  bgtest::load_roster(engine.get());
  EXPECT_EQ(api().reload_policy(engine.get(), bgtest::view(pack)), BG_E_POLICY) << what;
  EXPECT_THAT(bgtest::last_error(engine.get()), HasSubstr(code)) << what;
  expect_still_serving(engine.get());
}

// Loads, and evaluates a 64 KiB text.
void expect_loads_and_evaluates(const std::string& pack, const std::string& what) {
  auto engine = bgtest::must_open(pack);
  ASSERT_NE(engine, nullptr) << what;
  bgtest::load_roster(engine.get());
  std::string text;
  while (text.size() < 64 * 1024 - 16) text += "aaaaaaa xaxaxa b";
  const auto r = bgtest::evaluate(engine.get(), late_message("long-" + what, text));
  EXPECT_EQ(r.status, BG_OK) << what << ": " << r.error;
  expect_still_serving(engine.get(), /*flagged=*/false);
}

TEST(HostilePolicy, RegexesThatWouldStallAMatchAreRefusedAtLoad) {
  bgtest::TempDir dir;
  int n = 0;
  for (const char* pattern : {"[a-z][a-z0-9 ]{999}!", "(.*a){1000}", "[^x]{1000}[^y]{1000}x",
                              "((a{100}){100}){100}", "(?i)(?:[[:alpha:]]{1,1000}){1000}"}) {
    const std::string pack = write_pack(dir, "regex-" + std::to_string(n++),
                                        rule_when(std::string{"text matches \""} + pattern + "\""));
    expect_refused(pack, "BG-P024", pattern);
  }
}

TEST(HostilePolicy, RegexesUnderTheLimitMatchTheLongestTextInBoundedTime) {
  bgtest::TempDir dir;
  int n = 0;
  for (const char* pattern : {"(x+x+)+y", "(a|aa)*b", "[a-z][a-z0-9 ]{100}!", "(.*a){60}b"}) {
    const std::string pack = write_pack(dir, "ok-regex-" + std::to_string(n++),
                                        rule_when(std::string{"text matches \""} + pattern + "\""));
    expect_loads_and_evaluates(pack, pattern);
  }
}

TEST(HostilePolicy, LexiconRegexEntriesThatWouldStallAreRefused) {
  bgtest::TempDir dir;
  int n = 0;
  for (const char* entry : {"re:[a-z][a-z0-9 ]{999}!", "re:(.*a){1000}", "re:(unclosed"}) {
    const std::string body =
        std::string{"lexicons:\n  bad: [\""} + entry + "\", hello]\n" + rule_when("lexicon.bad");
    expect_refused(write_pack(dir, "lexicon-regex-" + std::to_string(n++), body), "BG-P009", entry);
  }
  // Under the limit, among ordinary phrases: loads, and the longest text is read in bounded time.
  const std::string body =
      "lexicons:\n  ok: [\"re:[a-z][a-z0-9 ]{100}!\", \"re:(.*a){60}b\", hello, good night]\n" +
      rule_when("lexicon.ok");
  expect_loads_and_evaluates(write_pack(dir, "lexicon-regex-ok", body), "lexicon regexes");
}

TEST(HostilePolicy, ConditionsTenThousandDeepAreRefused) {
  bgtest::TempDir dir;
  expect_refused(
      write_pack(dir, "parens",
                 rule_when(std::string(10000, '(') + "text.present" + std::string(10000, ')'))),
      "BG-P025", "10,000 parentheses");
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "not ";
  expect_refused(write_pack(dir, "nots", rule_when(nots + "text.present")), "BG-P025",
                 "10,000 nots");
}

TEST(HostilePolicy, LongOrChainsAreOneLevelAndTheirSizeIsBounded) {
  bgtest::TempDir dir;
  std::string chain = "text.present";
  for (int i = 0; i < 3000; ++i) chain += " or text.length > " + std::to_string(i);
  expect_loads_and_evaluates(write_pack(dir, "or-3000", rule_when(chain)), "a 3,000-term or");
  for (int i = 3000; i < 20000; ++i) chain += " and text.length > " + std::to_string(i);
  expect_refused(write_pack(dir, "or-20000", rule_when(chain)), "BG-P025", "a 20,000-term chain");
}

TEST(HostilePolicy, MacrosThatDoubleAtEachLevelAreRefused) {
  bgtest::TempDir dir;
  std::string body = "macros:\n  m0: \"text.present\"\n";
  for (int i = 1; i <= 40; ++i) {
    const std::string prev = "m" + std::to_string(i - 1);
    body += "  m" + std::to_string(i) + ": \"" + prev + " and " + prev + "\"\n";
  }
  expect_refused(write_pack(dir, "doubling", body + rule_when("m40")), "BG-P025",
                 "2^40 nodes through macros");
}

TEST(HostilePolicy, MacroChainsTenThousandLongAreRefused) {
  bgtest::TempDir dir;
  std::string body = "macros:\n  m0: \"text.present\"\n";
  for (int i = 1; i <= 10000; ++i)
    body += "  m" + std::to_string(i) + ": \"m" + std::to_string(i - 1) + "\"\n";
  expect_refused(write_pack(dir, "alias-chain", body + rule_when("m10000")), "BG-P025",
                 "10,000 macros each naming the next");
  std::string nested = "macros:\n  n0: \"text.present\"\n";
  for (int i = 1; i <= 10000; ++i)
    nested += "  n" + std::to_string(i) + ": \"not n" + std::to_string(i - 1) + "\"\n";
  expect_refused(write_pack(dir, "not-chain", nested + rule_when("n10000")), "BG-P025",
                 "10,000 macros each negating the next");
}

TEST(HostilePolicy, YamlNestedTenThousandDeepIsRefused) {
  bgtest::TempDir dir;
  expect_refused(
      write_pack(dir, "deep-flow",
                 "lists:\n  deep: " + std::string(10000, '[') + std::string(10000, ']') + "\n"),
      "BG-P002", "10,000-deep flow sequences");
  // Block mappings 200 deep, 50 times over, where a list belongs.
  std::string block = "lists:\n  deep:\n";
  for (int i = 0; i < 10000; ++i)
    block += std::string(4 + static_cast<size_t>(i) % 200, ' ') + "k:\n";
  const auto opened = bgtest::open_engine(write_pack(dir, "deep-block", block));
  EXPECT_EQ(opened.status, BG_E_POLICY);
  EXPECT_FALSE(opened.error.empty());
  // Under yaml-cpp's own limit of 2,000: read, then refused for what it means.
  expect_refused(
      write_pack(dir, "deep-1500",
                 "lists:\n  deep: " + std::string(1500, '[') + std::string(1500, ']') + "\n"),
      "BG-P00", "1,500-deep flow sequences");
}

TEST(HostilePolicy, FilesTooBigToBeAPolicyAreRefusedWithoutReadingThemWhole) {
  bgtest::TempDir dir;
  const std::string big = dir.file("big.yaml");
  {
    std::ofstream out{big, std::ios::binary};
    out << "pack: big\nlists:\n  words:\n";
    for (int i = 0; i < 600000; ++i) out << "    - word" << i << "\n";
  }
  expect_refused(big, "BG-P001", "a 9 MB policy file");
  expect_refused("/dev/zero", "BG-P0", "/dev/zero as the policy");
}

TEST(HostilePolicy, BinaryGarbageAsAPolicyIsRefused) {
  bgtest::TempDir dir;
  const std::string path = dir.file("garbage.yaml");
  {
    std::ofstream out{path, std::ios::binary};
    out << std::string{"pack: x\n\0\xff\xfe rules: [\x01", 20};
  }
  expect_refused(path, "BG-P00", "binary garbage");
}

}  // namespace
}  // namespace bghostile
