#include "codec/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "audit_test_support.h"
#include "engine/verdict.h"
#include "engine/verdict_decoder.h"

namespace bg::test {
namespace {

using Ordered = nlohmann::ordered_json;

std::string nlohmann_dump(const Ordered& j) {
  return j.dump(-1, ' ', false, Ordered::error_handler_t::replace);
}

// The writer promises nlohmann's bytes: verdicts re-rendered from the audit log must equal the
// ones first returned.
TEST(JsonWriter, StringsAreEscapedAsNlohmannDumpsThem) {
  const std::string samples[] = {
      "",
      "plain text",
      "quote \" backslash \\ slash /",
      "tab\tnewline\nreturn\rbell\aback\bform\fnul" + std::string(1, '\0') + "esc\x1b del\x7f",
      "caf\xC3\xA9 \xE2\x9D\xA4\xEF\xB8\x8F \xF0\x9F\x98\x98 \xE4\xBD\xA0\xE5\xA5\xBD",
      "\xE2\x80\x8B zero width, \xE2\x80\xA8 line separator",
  };
  for (const auto& s : samples) {
    std::string out;
    append_json_string(out, s);
    EXPECT_EQ(out, nlohmann_dump(Ordered(s))) << s;
  }
}

TEST(JsonWriter, NestedDocumentMatchesNlohmann) {
  std::string out;
  JsonWriter w{out};
  w.begin_object().field("a", "x").field("n", uint64_t{18446744073709551615u});
  w.key("empty").begin_array().end_array();
  w.key("list").begin_array().string("1").number(2).boolean(false);
  w.begin_object().field("k", "v").end_object().begin_array().end_array().end_array();
  w.key("obj").begin_object().end_object().key("t").boolean(true).end_object();

  Ordered j;
  j["a"] = "x";
  j["n"] = uint64_t{18446744073709551615u};
  j["empty"] = Ordered::array();
  j["list"] = Ordered::array({"1", 2, false, Ordered{{"k", "v"}}, Ordered::array()});
  j["obj"] = Ordered::object();
  j["t"] = true;
  EXPECT_EQ(out, nlohmann_dump(j));
}

TEST(JsonWriter, InvalidBytesBecomeReplacementCharacters) {
  std::string out;
  append_json_string(out,
                     "a\xFF"
                     "b\xC3");
  EXPECT_EQ(out,
            "\"a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\"");
  EXPECT_TRUE(nlohmann::json::accept(out));
}

TEST(JsonWriter, RawIsWrittenAsItIs) {
  std::string out;
  JsonWriter{out}.begin_array().raw("{\"x\":1}").raw("2").end_array();
  EXPECT_EQ(out, "[{\"x\":1},2]");
}

// A verdict rendered by the writer, decoded and re-dumped by nlohmann (as the audit log does
// after a restart) comes back byte for byte.
TEST(JsonWriter, VerdictSurvivesARoundTripThroughNlohmann) {
  // The store tests' verdict, with text that needs escaping and a suppressed second finding.
  Verdict v = flagged_verdict("m-\"1\"");
  Finding& f = v.findings[0];
  f.citations = {"APA 3.05", "NASW 1.06(e)"};
  f.explanation = "'text me' moves contact to a personal phone\n";
  f.evidence = {Evidence{3, 10, "text me \xF0\x9F\x98\x98"}};
  v.findings.push_back(f);
  v.findings.back().suppressed_by = "ex-1";
  v.audit_id = "a-7";
  v.finalize();
  const auto reparsed = Ordered::parse(v.json);
  EXPECT_EQ(nlohmann_dump(reparsed), v.json);
  const auto decoded = decode_verdict_json(v.json);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(render_verdict_json(*decoded), v.json);

  Verdict safe;
  safe.event_id = "x";
  safe.fail_safe = true;
  safe.notice = "could not check";
  safe.finalize();
  EXPECT_EQ(nlohmann_dump(Ordered::parse(safe.json)), safe.json);
  EXPECT_NE(safe.json.find("\"fail_safe\":true"), std::string::npos);
}

}  // namespace
}  // namespace bg::test
