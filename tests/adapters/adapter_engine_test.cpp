// What the engine makes of converted events: the therapy cases end to end, inside the plugin.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "adapter_test_support.h"
#include "adapters/adapter_service.h"
#include "adapters/fhir_adapter.h"
#include "adapters/ics_adapter.h"
#include "adapters/twilio_adapter.h"
#include "engine/engine.h"

namespace bg::adapters {
namespace {

using nlohmann::json;

std::unique_ptr<Engine> make_engine() {
  EngineConfig config;  // the bundled default pack, no audit log
  return std::make_unique<Engine>(config);
}

// Evaluates every line; returns the verdicts as JSON.
std::vector<json> evaluate(Engine& engine, const std::vector<std::string>& lines) {
  std::vector<json> out;
  for (const auto& line : lines) {
    const auto result = engine.evaluate_json(line);
    EXPECT_EQ(result.status, Status::ok) << line << "\n" << result.error;
    if (result.verdict) out.push_back(json::parse(result.verdict->json));
  }
  return out;
}

std::vector<std::string> roster() {
  std::vector<std::string> lines;
  std::istringstream in{test::read_file(test::docs_path("examples/hillside-roster.jsonl"))};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> categories(const json& verdict) {
  std::vector<std::string> out;
  for (const auto& f : verdict["findings"]) out.push_back(f["category"]);
  std::sort(out.begin(), out.end());
  return out;
}

const json& verdict_for(const std::vector<json>& verdicts, const std::string& id) {
  for (const auto& v : verdicts) {
    if (v["event"] == id) return v;
  }
  static const json kNone;
  ADD_FAILURE() << "no verdict for " << id;
  return kNone;
}

TEST(AdapterEngine, PersonalEmailLateAtNightIsFlagged) {
  auto engine = make_engine();
  evaluate(*engine, roster());
  const Conversion c = convert_fhir(
      test::read_file(test::data_path("fhir/communication-personal-email.json")), test::hillside());
  const auto verdicts = evaluate(*engine, c.events);
  ASSERT_EQ(verdicts.size(), 1u);
  const auto found = categories(verdicts[0]);
  EXPECT_NE(std::find(found.begin(), found.end(), "personal_channel"), found.end())
      << verdicts[0].dump();
  EXPECT_NE(std::find(found.begin(), found.end(), "off_hours"), found.end()) << verdicts[0].dump();
  EXPECT_NE(verdicts[0]["decision"], "allow");
}

TEST(AdapterEngine, EveningSeriesIsOffHoursAndTheCancelledOneIsNot) {
  auto engine = make_engine();
  evaluate(*engine, roster());
  const Conversion c = convert_ics(test::read_file(test::data_path("ics/recurring-off-hours.ics")),
                                   test::hillside());
  const auto verdicts = evaluate(*engine, c.events);
  ASSERT_EQ(verdicts.size(), 5u);
  for (const auto& v : verdicts) {
    const bool cancelled = v["event"].get<std::string>().find(";seq=2") != std::string::npos;
    const auto found = categories(v);
    if (cancelled) {
      EXPECT_TRUE(found.empty()) << v.dump();
    } else {
      EXPECT_NE(std::find(found.begin(), found.end(), "off_hours"), found.end()) << v.dump();
    }
  }
}

TEST(AdapterEngine, ClientTextToAPersonalNumberIsContextNeverABlock) {
  auto engine = make_engine();
  evaluate(*engine, roster());
  TwilioOptions options;
  options.received_at = parse_rfc3339("2026-03-10T23:52:00-05:00");
  const Conversion c =
      convert_twilio(test::read_file(test::data_path("twilio/client-to-personal-number.txt")),
                     test::hillside(), options);
  const auto verdicts = evaluate(*engine, c.events);
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0]["decision"], "allow");  // a client's message is never held
  for (const auto& f : verdicts[0]["findings"]) {
    EXPECT_TRUE(f["severity"] == "low" || f["severity"] == "info") << f.dump();
  }
  const auto found = categories(verdicts[0]);
  EXPECT_NE(std::find(found.begin(), found.end(), "personal_channel"), found.end())
      << verdicts[0].dump();
}

TEST(AdapterEngine, WorkedCalendarFlagsOnlyTheSaturdayEveningAtTheCafe) {
  auto engine = make_engine();
  evaluate(*engine, roster());
  IcsOptions options;
  options.window_start = parse_rfc3339("2026-03-01T00:00:00-06:00");
  options.window_end = parse_rfc3339("2026-04-01T00:00:00-05:00");
  const Conversion c =
      convert_ics(test::read_file(test::docs_path("examples/hillside-calendar.ics")),
                  test::hillside(), options);
  const auto verdicts = evaluate(*engine, c.events);
  ASSERT_EQ(verdicts.size(), 4u);
  for (const auto& v : verdicts) {
    const bool moved = v["event"].get<std::string>().find(";seq=1") != std::string::npos;
    const auto found = categories(v);
    if (moved) {
      EXPECT_NE(std::find(found.begin(), found.end(), "off_hours"), found.end()) << v.dump();
    } else {
      EXPECT_TRUE(found.empty()) << v.dump();
    }
  }
}

TEST(AdapterEngine, WorkedSmsFromTheClientIsNeverHeld) {
  auto engine = make_engine();
  evaluate(*engine, roster());
  TwilioOptions options;
  options.received_at = parse_rfc3339("2026-03-10T23:40:12-05:00");
  const Conversion c = convert_twilio(
      test::read_file(test::docs_path("examples/twilio-webhook.txt")), test::hillside(), options);
  const auto verdicts = evaluate(*engine, c.events);
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0]["decision"], "allow") << verdicts[0].dump();
}

TEST(AdapterService, EvaluateFhirGivesOneVerdictPerEvent) {
  auto engine = make_engine();
  const ServiceResult r =
      evaluate_fhir(*engine, test::docs_path("examples/hillside-mapping.yaml"),
                    test::read_file(test::docs_path("examples/fhir-bundle.json")));
  ASSERT_EQ(r.status, Status::ok) << r.error;
  std::vector<json> verdicts;
  std::istringstream in{r.output};
  for (std::string line; std::getline(in, line);) verdicts.push_back(json::parse(line));
  ASSERT_EQ(verdicts.size(), 5u) << r.output;
  EXPECT_EQ(verdicts[0]["event"], "t-ana");
  EXPECT_TRUE(categories(verdict_for(verdicts, "Appointment/appt-7780")).empty());
  const auto message = categories(verdict_for(verdicts, "Communication/msg-2291"));
  EXPECT_NE(std::find(message.begin(), message.end(), "personal_channel"), message.end());
  const auto saturday = categories(verdict_for(verdicts, "Appointment/appt-7781"));
  EXPECT_NE(std::find(saturday.begin(), saturday.end(), "off_hours"), saturday.end());
  EXPECT_NE(
      r.report.find("\"record\":\"PractitionerRole/ana-ruiz-hillside\",\"outcome\":\"context\""),
      std::string::npos);
}

TEST(AdapterService, EvaluateFhirFailures) {
  auto engine = make_engine();
  const ServiceResult unreadable = evaluate_fhir(*engine, "", "{");
  EXPECT_EQ(unreadable.status, Status::bad_event);
  EXPECT_TRUE(unreadable.output.empty());
  EXPECT_NE(unreadable.error.find("the FHIR input cannot be read"), std::string::npos);
  const ServiceResult mapping = evaluate_fhir(*engine, "/nonexistent.yaml", "{}");
  EXPECT_EQ(mapping.status, Status::invalid_argument);
  // An event the engine rejects (its text is over this engine's limit) is a line of its own.
  EngineConfig small;
  small.options.max_text_bytes = 8;
  Engine strict{small};
  const ServiceResult rejected =
      evaluate_fhir(strict, test::docs_path("examples/hillside-mapping.yaml"),
                    test::read_file(test::data_path("fhir/communication-personal-email.json")));
  EXPECT_EQ(rejected.status, Status::bad_event);
  const json line = json::parse(rejected.output);
  EXPECT_EQ(line["event"], "Communication/msg-3107/_history/1");
  EXPECT_NE(line["error"].get<std::string>().find("over the limit"), std::string::npos);
}

}  // namespace
}  // namespace bg::adapters
