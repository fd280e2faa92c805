// Hostile event lines: the corpus in tests/data/hostile/events (invalid UTF-8, NUL bytes, huge
// numbers, dates in years 0 and 9999, unknown zones, end before start, broken structure) and
// inputs generated here (10 MB lines, 10,000-deep nesting, a million-digit number). Each is
// rejected with a message that says why, or evaluated; the engine serves the next event.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hostile_support.h"

namespace bghostile {
namespace {

using bgtest::api;
using bgtest::evaluate_line;
using ::testing::HasSubstr;

constexpr size_t kTenMegabytes = 10u << 20;

bgtest::EngineHandle open_with_roster() {
  auto engine = bgtest::must_open();
  if (engine != nullptr) bgtest::load_roster(engine.get());
  return engine;
}

void expect_rejected(bg_engine* engine, const std::string& line, const std::string& why,
                     const std::string& what) {
  const auto r = evaluate_line(engine, line);
  EXPECT_EQ(r.status, BG_E_BAD_EVENT) << what;
  EXPECT_EQ(r.verdict, nullptr) << what;
  EXPECT_THAT(r.error, HasSubstr(why)) << what;
  EXPECT_LT(r.error.size(), 2048u) << what << ": the message quotes too much of the input";
}

TEST(HostileEvents, EveryCorpusLineGivesAClearErrorOrAVerdict) {
  auto engine = open_with_roster();
  ASSERT_NE(engine, nullptr);
  size_t cases = 0;
  for (const auto& file : case_files()) {
    for (const auto& c : read_cases(file)) {
      const std::string where = c.file + ":" + std::to_string(c.line);
      const auto r = evaluate_line(engine.get(), c.event);
      if (c.expect == "ok") {
        EXPECT_EQ(r.status, BG_OK) << where << ": " << r.error;
        EXPECT_NE(r.verdict, nullptr) << where;
      } else {
        ASSERT_EQ(c.expect.rfind("reject:", 0), 0u) << where << ": unknown expectation";
        EXPECT_EQ(r.status, BG_E_BAD_EVENT)
            << where << ": " << bgtest::verdict_json(r.verdict.get());
        EXPECT_EQ(r.verdict, nullptr) << where;
        EXPECT_FALSE(r.error.empty()) << where << ": a rejection says why";
        EXPECT_THAT(r.error, HasSubstr(c.expect.substr(7))) << where;
      }
      expect_still_serving(engine.get());
      ++cases;
    }
  }
  EXPECT_GE(cases, 50u) << "the corpus went missing";
}

TEST(HostileEvents, TenMegabyteLinesAreRejectedByTheirSize) {
  auto engine = open_with_roster();
  ASSERT_NE(engine, nullptr);
  const std::string big_text(kTenMegabytes, 'a');
  expect_rejected(engine.get(),
                  late_message("big-1", "x").dump().replace(0, 1, "{\"pad\":\"" + big_text + "\","),
                  "over the limit", "a 10 MB unknown field");
  std::string spaces(kTenMegabytes, ' ');
  expect_rejected(engine.get(), spaces + late_message("big-2", "x").dump(), "over the limit",
                  "10 MB of white space before the object");
  expect_rejected(engine.get(), std::string(kTenMegabytes, '['), "over the limit",
                  "10 MB of brackets");
  expect_still_serving(engine.get());
}

TEST(HostileEvents, TextOverTheFieldLimitIsRejectedAndAtTheLimitIsEvaluated) {
  auto engine = open_with_roster();
  ASSERT_NE(engine, nullptr);
  std::string text(64 * 1024, 'x');
  for (size_t i = 0; i < text.size(); i += 8) text[i] = ' ';
  const auto at_limit = bgtest::evaluate(engine.get(), late_message("limit-1", text));
  EXPECT_EQ(at_limit.status, BG_OK) << at_limit.error;
  expect_rejected(engine.get(), late_message("limit-2", text + "y").dump(),
                  "over the limit of 65536", "a text one byte over max_text_bytes");
  // Escapes may make the line up to 6 times longer than the text it carries.
  std::string escaped;
  for (size_t i = 0; i < 64 * 1024 / 2; ++i) escaped += "\\u00e9";
  auto line = late_message("limit-3", "").dump();
  line.insert(line.rfind("\"\"") + 1, escaped);
  const auto r = evaluate_line(engine.get(), line);
  EXPECT_EQ(r.status, BG_OK) << r.error;
  expect_still_serving(engine.get());
}

TEST(HostileEvents, TenThousandDeepNestingIsRejectedBeforeParsing) {
  auto engine = open_with_roster();
  ASSERT_NE(engine, nullptr);
  const std::string arrays = std::string(10000, '[') + std::string(10000, ']');
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10000, '}');
  auto event = late_message("deep-1", "hello").dump();
  expect_rejected(engine.get(), event.substr(0, event.size() - 1) + ",\"x\":" + arrays + "}",
                  "nested more than 16", "10,000-deep arrays in an unknown field");
  expect_rejected(engine.get(), event.substr(0, event.size() - 1) + ",\"x\":" + objects + "}",
                  "nested more than 16", "10,000-deep objects in an unknown field");
  expect_rejected(engine.get(), arrays, "nested more than 16", "10,000-deep arrays alone");
  expect_rejected(engine.get(), std::string(10000, '{'), "nested more than 16",
                  "10,000 unclosed braces");
  // Brackets inside a string are text, not nesting.
  const auto in_text = bgtest::evaluate(engine.get(), late_message("deep-2", arrays));
  EXPECT_EQ(in_text.status, BG_OK) << in_text.error;
  expect_still_serving(engine.get());
}

// A number as long as a line may be (a million digits is over the line limit and rejected by
// the size check above): beyond what a double holds, so refused as JSON wherever it stands,
// without parsing it digit by digit into a big number.
TEST(HostileEvents, NumbersWithHundredsOfThousandsOfDigits) {
  auto engine = open_with_roster();
  ASSERT_NE(engine, nullptr);
  const std::string digits(400000, '9');
  const std::string head =
      R"({"type":"payment","id":"big-num","at":"2026-03-05T14:00:00-06:00","from":{"role":"client","id":"c-042"},"to":{"role":"therapist","id":"t-ana"},"kind":"gift",)";
  expect_rejected(engine.get(), head + R"("amount":{"value":)" + digits + R"(,"currency":"USD"}})",
                  "too large", "a 400,000-digit amount");
  expect_rejected(engine.get(), head + R"("extra":)" + digits + "}", "too large",
                  "a 400,000-digit number in an unknown field");
  // 300 digits still fit a double: read, then refused for what the field allows.
  expect_rejected(engine.get(),
                  head + R"("amount":{"value":)" + std::string(300, '9') + R"(,"currency":"USD"}})",
                  "amount.value", "a 300-digit amount");
  expect_still_serving(engine.get());
}

// The same hostile strings through evaluate_struct: the struct path is checked as its JSON
// form would be.
TEST(HostileEvents, HostileStringsThroughStructs) {
  auto engine = open_with_roster();
  ASSERT_NE(engine, nullptr);
  const std::string invalid_utf8 = "caf\xC3";
  const std::string with_nul{"a\0b", 3};
  const std::string big(kTenMegabytes, 'a');
  for (const std::string* text : {&invalid_utf8, &with_nul, &big}) {
    const std::string id = "struct-" + std::to_string(text->size());
    bg_message_event m{};
    m.struct_size = static_cast<uint32_t>(sizeof m);
    m.id = bgtest::view(id);
    m.at_ms = bgtest::rfc3339_ms("2026-03-04T23:15:00-06:00");
    m.from = bg_party{BG_ROLE_THERAPIST, bgtest::view("t-ana")};
    m.to = bg_party{BG_ROLE_CLIENT, bgtest::view("c-042")};
    m.channel = bgtest::view("practice_sms");
    m.text = bgtest::view(*text);
    const auto r = bgtest::evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m);
    if (r.status == BG_OK) {
      EXPECT_NE(r.verdict, nullptr);
    } else {
      EXPECT_EQ(r.status, BG_E_BAD_EVENT) << r.error;
      EXPECT_FALSE(r.error.empty());
    }
    expect_still_serving(engine.get());
  }
}

}  // namespace
}  // namespace bghostile
