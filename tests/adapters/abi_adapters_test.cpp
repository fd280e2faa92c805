// ABI 1.2 through the shipped plugin, as a host sees it: convert() and evaluate_fhir() on the
// raw function table (statuses, ownership, NULLs) and through the C++ wrapper.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <thread>

#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"

namespace {

using nlohmann::json;

std::string read(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  EXPECT_TRUE(in) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kExamples = std::string{BG_INTEGRATION_DOCS_DIR} + "/examples/";
const std::string kMapping = kExamples + "hillside-mapping.yaml";

class AdapterAbi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { plugin_ = new boundary_guard::PluginLoader{BG_TEST_PLUGIN}; }
  static void TearDownTestSuite() {
    delete plugin_;
    plugin_ = nullptr;
  }
  const bg_api* api() const { return plugin_->api(); }
  static bg_str s(const std::string& text) { return bg_str{text.data(), text.size()}; }
  std::string text(bg_text* t) const {
    return std::string{api()->text_view(t).data, api()->text_view(t).size};
  }

  static boundary_guard::PluginLoader* plugin_;
};

boundary_guard::PluginLoader* AdapterAbi::plugin_ = nullptr;

TEST_F(AdapterAbi, TableHasTheAdaptersSince12) {
  EXPECT_GE(api()->abi_minor, 2u);
  EXPECT_GE(api()->struct_size, offsetof(bg_api, evaluate_fhir) + sizeof(api()->evaluate_fhir));
  EXPECT_NE(api()->convert, nullptr);
  EXPECT_NE(api()->evaluate_fhir, nullptr);
}

TEST_F(AdapterAbi, ConvertReturnsEventsAndReportOwnedByTheCaller) {
  const std::string input = read(kExamples + "fhir-bundle.json");
  bg_text* events = nullptr;
  bg_text* report = nullptr;
  ASSERT_EQ(api()->convert(s("fhir"), s(kMapping), s(input), s(""), &events, &report), BG_OK);
  ASSERT_NE(events, nullptr);
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(text(events), read(kExamples + "fhir-bundle.events.jsonl"));
  EXPECT_EQ(text(report), read(kExamples + "fhir-bundle.report.jsonl"));
  EXPECT_EQ(api()->text_view(events).data[api()->text_view(events).size], '\0');
  api()->text_free(events);
  api()->text_free(report);
}

TEST_F(AdapterAbi, ConvertErrors) {
  bg_text* events = nullptr;
  bg_text* report = nullptr;
  EXPECT_EQ(api()->convert(s("fhir"), s(""), s("{}"), s(""), nullptr, &report),
            BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api()->convert(s("fhir"), s(""), s("{}"), s(""), &events, nullptr),
            BG_E_INVALID_ARGUMENT);

  EXPECT_EQ(api()->convert(s("hl7v2"), s(""), s("x"), s(""), &events, &report),
            BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(text(events), "");
  EXPECT_NE(text(report).find("format must be"), std::string::npos);
  api()->text_free(events);
  api()->text_free(report);

  EXPECT_EQ(api()->convert(bg_str{nullptr, 3}, s(""), s("x"), s(""), &events, &report),
            BG_E_INVALID_ARGUMENT);
  EXPECT_NE(text(report).find("data NULL"), std::string::npos);
  api()->text_free(events);
  api()->text_free(report);

  const std::string broken = "people: [\n";
  const std::string path = ::testing::TempDir() + "bg-broken-mapping.yaml";
  std::ofstream{path} << broken;
  EXPECT_EQ(api()->convert(s("fhir"), s(path), s("{}"), s(""), &events, &report),
            BG_E_INVALID_ARGUMENT);
  EXPECT_NE(text(report).find("bg-broken-mapping.yaml:2:1: not valid YAML or JSON"),
            std::string::npos)
      << text(report);
  api()->text_free(events);
  api()->text_free(report);

  EXPECT_EQ(api()->convert(s("ics"), s(""), s("hello"), s(""), &events, &report), BG_E_BAD_EVENT);
  EXPECT_NE(text(report).find("\"input_error\""), std::string::npos);
  api()->text_free(events);
  api()->text_free(report);

  EXPECT_EQ(api()->convert(s("ics"), s(""), s("x"), s("{\"when\":1}"), &events, &report),
            BG_E_INVALID_ARGUMENT);
  api()->text_free(events);
  api()->text_free(report);
  api()->text_free(nullptr);
}

TEST_F(AdapterAbi, EmptyInputIsNotACrash) {
  bg_text* events = nullptr;
  bg_text* report = nullptr;
  for (const char* format : {"fhir", "ics", "twilio", "jsonl"}) {
    const bg_status status =
        api()->convert(s(format), s(""), bg_str{nullptr, 0}, bg_str{nullptr, 0}, &events, &report);
    EXPECT_TRUE(status == BG_OK || status == BG_E_BAD_EVENT) << format;
    EXPECT_NE(events, nullptr);
    api()->text_free(events);
    api()->text_free(report);
  }
}

TEST_F(AdapterAbi, EvaluateFhirOnTheRawTable) {
  bg_engine_config config{};
  config.struct_size = sizeof config;
  bg_engine* engine = nullptr;
  char error[256] = {};
  ASSERT_EQ(api()->engine_open(&config, &engine, error, sizeof error), BG_OK) << error;
  const std::string input = read(kExamples + "fhir-bundle.json");
  bg_text* verdicts = nullptr;
  bg_text* report = nullptr;
  ASSERT_EQ(api()->evaluate_fhir(engine, s(kMapping), s(input), &verdicts, &report), BG_OK);
  std::istringstream lines{text(verdicts)};
  std::vector<json> parsed;
  for (std::string line; std::getline(lines, line);) parsed.push_back(json::parse(line));
  ASSERT_EQ(parsed.size(), 5u);
  EXPECT_EQ(parsed[2]["event"], "Communication/msg-2291");
  EXPECT_FALSE(parsed[2]["findings"].empty());
  EXPECT_NE(parsed[2]["decision"], "allow");
  api()->text_free(verdicts);
  api()->text_free(report);

  EXPECT_EQ(api()->evaluate_fhir(engine, s(""), s("{"), &verdicts, &report), BG_E_BAD_EVENT);
  const bg_str message = api()->last_error(engine);
  EXPECT_NE(std::string(message.data, message.size).find("cannot be read"), std::string::npos);
  api()->text_free(verdicts);
  api()->text_free(report);

  EXPECT_EQ(api()->evaluate_fhir(nullptr, s(""), s("{}"), &verdicts, &report),
            BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api()->evaluate_fhir(engine, s(""), s("{}"), nullptr, &report), BG_E_INVALID_ARGUMENT);
  api()->engine_close(engine);
}

TEST_F(AdapterAbi, WrapperConvertAndEvaluateFhir) {
  const boundary_guard::Conversion c =
      boundary_guard::convert(api(), "twilio", read(kExamples + "twilio-webhook.txt"), kMapping,
                              R"({"received_at":"2026-03-10T23:40:12-05:00"})");
  ASSERT_TRUE(c.ok()) << c.message;
  EXPECT_EQ(c.output, read(kExamples + "twilio-webhook.events.jsonl"));

  const boundary_guard::Conversion bad = boundary_guard::convert(api(), "nope", "");
  EXPECT_EQ(bad.status, BG_E_INVALID_ARGUMENT);
  EXPECT_NE(bad.message.find("format must be"), std::string::npos);

  const boundary_guard::Engine engine{api()};
  const boundary_guard::Conversion verdicts =
      engine.evaluate_fhir(read(kExamples + "fhir-bundle.json"), kMapping);
  ASSERT_TRUE(verdicts.ok()) << verdicts.message;
  EXPECT_EQ(std::count(verdicts.output.begin(), verdicts.output.end(), '\n'), 5);
  EXPECT_NE(verdicts.report.find("PractitionerRole/ana-ruiz-hillside"), std::string::npos);
  const boundary_guard::Conversion unreadable = engine.evaluate_fhir("[");
  EXPECT_EQ(unreadable.status, BG_E_BAD_EVENT);
  EXPECT_NE(unreadable.message.find("cannot be read"), std::string::npos);
  const boundary_guard::Engine closed;
  EXPECT_EQ(closed.evaluate_fhir("{}").status, BG_E_INVALID_ARGUMENT);
}

TEST_F(AdapterAbi, WrapperRefusesAPluginBefore12) {
  bg_api old = *api();
  old.abi_minor = 1;
  old.struct_size = static_cast<uint32_t>(offsetof(bg_api, policy_test) + sizeof(old.policy_test));
  try {
    boundary_guard::convert(&old, "fhir", "{}");
    ADD_FAILURE() << "no error";
  } catch (const boundary_guard::Error& e) {
    EXPECT_EQ(e.status(), BG_E_UNSUPPORTED);
  }
}

// Also the regression test for libical's lazily filled zone table (a crash in
// icaltimezone_get_builtin_timezone when the first conversions of a process ran on several
// threads at once): CTest runs it in a fresh process, so these are the first conversions.
TEST_F(AdapterAbi, ConvertFromManyThreadsAtOnce) {
  const std::string input = read(kExamples + "hillside-calendar.ics");
  const std::string expected = read(kExamples + "hillside-calendar.events.jsonl");
  const std::string options =
      R"({"window_start":"2026-03-01T00:00:00-06:00","window_end":"2026-04-01T00:00:00-05:00"})";
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        const auto c = boundary_guard::convert(api(), "ics", input, kMapping, options);
        if (!c.ok() || c.output != expected) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
