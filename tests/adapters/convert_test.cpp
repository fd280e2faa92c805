// The one entry point behind the ABI: formats, options, the JSON Lines pass-through, the
// report's shape, the mapping cache, and the ABI service functions.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "adapter_test_support.h"
#include "adapters/adapter_service.h"
#include "adapters/convert.h"

namespace bg::adapters {
namespace {

using nlohmann::json;

TEST(Convert, FormatNames) {
  EXPECT_EQ(parse_input_format("fhir"), InputFormat::fhir);
  EXPECT_EQ(parse_input_format("ics"), InputFormat::ics);
  EXPECT_EQ(parse_input_format("icalendar"), InputFormat::ics);
  EXPECT_EQ(parse_input_format("twilio"), InputFormat::twilio);
  EXPECT_EQ(parse_input_format("jsonl"), InputFormat::jsonl);
  EXPECT_FALSE(parse_input_format("FHIR"));
  EXPECT_FALSE(parse_input_format(""));
}

TEST(Convert, OptionsAreReadStrictly) {
  ConvertOptions o;
  std::string error;
  ASSERT_TRUE(parse_convert_options(R"({"window_start":"2026-03-01T00:00:00-06:00",
    "window_end":"2026-04-01T00:00:00-05:00","received_at":"2026-03-10T23:52:00Z",
    "max_occurrences":50,"twilio_signature":"s","twilio_url":"u","twilio_auth_token":"t"})",
                                    o, error))
      << error;
  EXPECT_EQ(o.ics.window_start, parse_rfc3339("2026-03-01T06:00:00Z"));
  EXPECT_EQ(o.ics.max_occurrences, 50u);
  EXPECT_EQ(o.twilio.received_at, parse_rfc3339("2026-03-10T23:52:00Z"));
  EXPECT_EQ(o.twilio.signature, "s");
  EXPECT_TRUE(parse_convert_options("", o, error));
  EXPECT_TRUE(parse_convert_options("  ", o, error));

  const auto fails = [](const std::string& text) {
    ConvertOptions ignored;
    std::string why;
    EXPECT_FALSE(parse_convert_options(text, ignored, why)) << text;
    return why;
  };
  EXPECT_NE(fails(R"({"window":"x"})").find("unknown key \"window\""), std::string::npos);
  EXPECT_NE(fails(R"({"window_start":"2026-03-01"})").find("RFC 3339"), std::string::npos);
  EXPECT_NE(fails(R"({"window_start":5})").find("RFC 3339"), std::string::npos);
  EXPECT_NE(fails(R"({"max_occurrences":0})").find("from 1 to 1000000"), std::string::npos);
  EXPECT_NE(fails(R"({"max_occurrences":-3})").find("from 1 to 1000000"), std::string::npos);
  EXPECT_NE(fails(R"({"twilio_url":5})").find("must be a string"), std::string::npos);
  EXPECT_NE(fails("[1]").find("must be a JSON object"), std::string::npos);
  EXPECT_NE(fails("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(fails(R"({"window_start":"2026-04-01T00:00:00Z","window_end":"2026-03-01T00:00:00Z"})")
                .find("window_end is before window_start"),
            std::string::npos);
}

TEST(Convert, JsonLinesPassThroughWithTheDecodersVerdict) {
  const Conversion c = convert_jsonl(
      "{\"type\":\"client\",\"id\":\"c-1\",\"therapist\":\"t-1\"}\r\n\n"
      "{\"type\":\"client\",\"id\":\"c-2\"}\n");
  ASSERT_EQ(c.records.size(), 2u);
  EXPECT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.records[0].events, std::vector<std::string>{"c-1"});
  EXPECT_EQ(c.records[1].record, "line 3");
  EXPECT_EQ(c.records[1].reason, "event \"c-2\": field \"therapist\": is required");
}

TEST(Convert, ReportLines) {
  Conversion c;
  c.records.push_back(RecordReport{"Appointment/a", Outcome::mapped, "", {"Appointment/a"}});
  c.records.push_back(RecordReport{"Slot/1", Outcome::skipped, "availability", {}});
  EXPECT_EQ(c.report_jsonl(),
            "{\"record\":\"Appointment/a\",\"outcome\":\"mapped\",\"events\":[\"Appointment/a\"]}\n"
            "{\"record\":\"Slot/1\",\"outcome\":\"skipped\",\"reason\":\"availability\","
            "\"events\":[]}\n");
  EXPECT_FALSE(c.lost_something());
  c.records.push_back(RecordReport{"x", Outcome::needs_resource, "fetch it", {}});
  EXPECT_TRUE(c.lost_something());
  Conversion unreadable;
  unreadable.input_error = "not valid JSON at byte 1";
  EXPECT_EQ(unreadable.report_jsonl(), "{\"input_error\":\"not valid JSON at byte 1\"}\n");
  for (const Outcome o : {Outcome::mapped, Outcome::partial, Outcome::context, Outcome::skipped,
                          Outcome::needs_resource, Outcome::unmapped}) {
    EXPECT_FALSE(outcome_name(o).empty());
  }
}

TEST(Convert, NotesTurnAMappedRecordPartial) {
  RecordReport r{"r", Outcome::mapped, "", {}};
  r.note("first");
  r.note("second");
  EXPECT_EQ(r.outcome, Outcome::partial);
  EXPECT_EQ(r.reason, "first; second");
  r.reject(Outcome::unmapped, "why");
  EXPECT_EQ(r.reason, "why");
}

TEST(Convert, MappingIsCachedUntilTheFileChanges) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("bg-mapping-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "m.yaml").string();
  const auto write = [&](const std::string& text) { std::ofstream{path, std::ios::trunc} << text; };
  write("default_time_zone: America/Chicago\n");
  std::string error;
  const auto first = cached_mapping(path, error);
  ASSERT_TRUE(first) << error;
  EXPECT_EQ(cached_mapping(path, error), first);    // the same object
  write("default_time_zone: America/Denver   \n");  // another size
  const auto second = cached_mapping(path, error);
  ASSERT_TRUE(second) << error;
  EXPECT_EQ(second->default_time_zone, "America/Denver");
  write("default_time_zone: Nowhere\n");
  EXPECT_FALSE(cached_mapping(path, error));
  EXPECT_NE(error.find("m.yaml:1:20"), std::string::npos) << error;
  EXPECT_FALSE(cached_mapping((dir / "missing.yaml").string(), error));
  EXPECT_NE(error.find("cannot open"), std::string::npos);
  EXPECT_TRUE(cached_mapping("", error));
  std::filesystem::remove_all(dir);
}

TEST(AdapterService, ConvertStatuses) {
  const std::string mapping = test::docs_path("examples/hillside-mapping.yaml");
  const ServiceResult ok =
      convert_input("twilio", mapping, "MessageSid=SM1&From=%2B13035550142&To=%2B15125550100",
                    R"({"received_at":"2026-03-10T12:00:00Z"})");
  EXPECT_EQ(ok.status, Status::ok);
  EXPECT_EQ(json::parse(ok.output)["at"], "2026-03-10T12:00:00+00:00");
  EXPECT_TRUE(ok.error.empty());

  const ServiceResult format = convert_input("hl7v2", mapping, "", "");
  EXPECT_EQ(format.status, Status::invalid_argument);
  EXPECT_NE(format.report.find("format must be"), std::string::npos);
  EXPECT_EQ(convert_input("fhir", mapping, "{}", "{\"x\":1}").status, Status::invalid_argument);
  const ServiceResult bad_mapping = convert_input("fhir", "/nonexistent.yaml", "{}", "");
  EXPECT_EQ(bad_mapping.status, Status::invalid_argument);
  EXPECT_NE(bad_mapping.report.find("cannot open the mapping file"), std::string::npos);
  const ServiceResult unreadable = convert_input("fhir", mapping, "not json", "");
  EXPECT_EQ(unreadable.status, Status::bad_event);
  EXPECT_EQ(unreadable.report.rfind("{\"input_error\":\"not valid JSON at byte ", 0), 0u)
      << unreadable.report;
  EXPECT_EQ(unreadable.error.rfind("the input cannot be read: not valid JSON at byte ", 0), 0u)
      << unreadable.error;
}

}  // namespace
}  // namespace bg::adapters
