// The worked examples in docs/integrations/{fhir,icalendar,sms}.md run here: each page shows its
// input, the mapping, the events and the report exactly as the adapter produces them.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapter_test_support.h"
#include "adapters/convert.h"
#include "adapters/twilio_signature.h"

namespace bg::adapters {
namespace {

std::string without_cr(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

struct Example {
  const char* page;
  const char* input;
  InputFormat format;
  const char* options;
  const char* events;
  const char* report;
};

const Example kExamples[] = {
    {"fhir.md", "fhir-bundle.json", InputFormat::fhir, "", "fhir-bundle.events.jsonl",
     "fhir-bundle.report.jsonl"},
    {"icalendar.md", "hillside-calendar.ics", InputFormat::ics,
     R"({"window_start":"2026-03-01T00:00:00-06:00","window_end":"2026-04-01T00:00:00-05:00"})",
     "hillside-calendar.events.jsonl", "hillside-calendar.report.jsonl"},
    {"sms.md", "twilio-webhook.txt", InputFormat::twilio,
     R"({"received_at":"2026-03-10T23:40:12-05:00"})", "twilio-webhook.events.jsonl",
     "twilio-webhook.report.jsonl"},
};

std::string example(const std::string& name) {
  return test::read_file(test::docs_path("examples/" + name));
}

TEST(WorkedExamples, RunAsThePagesShowThem) {
  for (const auto& e : kExamples) {
    SCOPED_TRACE(e.page);
    ConvertOptions options;
    std::string error;
    ASSERT_TRUE(parse_convert_options(e.options, options, error)) << error;
    const Conversion c = convert(e.format, example(e.input), test::hillside(), options);
    EXPECT_EQ(c.events_jsonl(), example(e.events));
    EXPECT_EQ(c.report_jsonl(), example(e.report));
  }
}

TEST(WorkedExamples, PagesShowTheFilesVerbatim) {
  for (const auto& e : kExamples) {
    SCOPED_TRACE(e.page);
    const std::string page = without_cr(test::read_file(test::docs_path(e.page)));
    for (const char* file : {"hillside-mapping.yaml", e.input, e.events, e.report}) {
      EXPECT_NE(page.find(without_cr(example(file))), std::string::npos)
          << e.page << " does not show examples/" << file << " as it is";
    }
    if (std::string{e.options}.size() > 0) {
      EXPECT_NE(page.find(e.options), std::string::npos) << "the options used";
    }
  }
}

TEST(WorkedExamples, SmsPageShowsTheRightSignature) {
  std::string why;
  const auto fields = parse_form(example("twilio-webhook.txt"), why);
  ASSERT_TRUE(fields) << why;
  const std::string signature =
      twilio_signature("hillside-test-token", "https://bg.hillside.example/twilio/sms", *fields);
  EXPECT_NE(test::read_file(test::docs_path("sms.md")).find(signature), std::string::npos)
      << signature;
}

}  // namespace
}  // namespace bg::adapters
