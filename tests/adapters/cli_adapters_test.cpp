// boundaryctl convert and replay --input fhir|ics|twilio, end to end (the built tool and
// plugin, as a practice administrator runs them).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "cli_runner.h"

namespace {

using cli_test::run_boundaryctl;
using cli_test::RunOptions;
using nlohmann::json;

const std::string kExamples = std::string{BG_INTEGRATION_DOCS_DIR} + "/examples/";
const std::string kMapping = kExamples + "hillside-mapping.yaml";
const std::string kData = std::string{BG_ADAPTER_DATA_DIR} + "/";
const std::string kShared = std::string{BG_SHARED_FIXTURES_DIR} + "/";

RunOptions with_plugin() {
  RunOptions o;
  o.plugin_env = BG_TEST_PLUGIN;
  return o;
}

TEST(ConvertCommand, FhirBundleToEventsWithAReport) {
  const auto r = run_boundaryctl(
      {"convert", "--input", "fhir", "--mapping", kMapping, kExamples + "fhir-bundle.json"},
      with_plugin());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, cli_test::read_file(kExamples + "fhir-bundle.events.jsonl"));
  EXPECT_NE(r.err.find("boundaryctl: Communication/msg-2291: mapped (1 event)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("boundaryctl: PractitionerRole/ana-ruiz-hillside: context: its hours"),
            std::string::npos);
}

TEST(ConvertCommand, SomethingNotMappedExitsOne) {
  const auto r =
      run_boundaryctl({"convert", "--input", "fhir",
                       kShared + "fhir-subscription/id_only_notification_bundle_example.json"},
                      with_plugin());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("needs_resource: an id-only notification"), std::string::npos) << r.err;
}

TEST(ConvertCommand, ReportFileAndQuiet) {
  cli_test::ScratchDir dir;
  const std::string report = dir.file("report.jsonl");
  const auto r =
      run_boundaryctl({"convert", "--input", "ics", "--mapping", kMapping, "--window-start",
                       "2026-03-01T00:00:00-06:00", "--window-end", "2026-04-01T00:00:00-05:00",
                       "--report", report, kExamples + "hillside-calendar.ics"},
                      with_plugin());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, cli_test::read_file(kExamples + "hillside-calendar.events.jsonl"));
  EXPECT_EQ(cli_test::read_file(report),
            cli_test::read_file(kExamples + "hillside-calendar.report.jsonl"));
  EXPECT_TRUE(r.err.empty()) << r.err;  // everything mapped cleanly
}

TEST(ConvertCommand, TwilioFromStdinWithASignature) {
  RunOptions o = with_plugin();
  o.stdin_text = cli_test::read_file(kExamples + "twilio-webhook.txt");
  ::setenv("TWILIO_AUTH_TOKEN", "hillside-test-token", 1);
  const std::vector<std::string> base{"convert",
                                      "--input",
                                      "twilio",
                                      "--mapping",
                                      kMapping,
                                      "--received-at",
                                      "2026-03-10T23:40:12-05:00",
                                      "--twilio-url",
                                      "https://bg.hillside.example/twilio/sms"};
  auto good = base;
  good.insert(good.end(), {"--twilio-signature", "HFu4Myk3Wa6dXTi+GwJ3zGvqzqE=", "-"});
  const auto r = run_boundaryctl(good, o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, cli_test::read_file(kExamples + "twilio-webhook.events.jsonl"));
  auto forged = base;
  forged.insert(forged.end(), {"--twilio-signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "-"});
  const auto bad = run_boundaryctl(forged, o);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(bad.out.empty());
  EXPECT_NE(bad.err.find("X-Twilio-Signature does not match"), std::string::npos) << bad.err;
  ::unsetenv("TWILIO_AUTH_TOKEN");
}

TEST(ConvertCommand, Failures) {
  const auto usage = run_boundaryctl({"convert", kExamples + "fhir-bundle.json"}, with_plugin());
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("--input"), std::string::npos) << usage.err;

  const auto format = run_boundaryctl({"convert", "--input", "hl7", "x"}, with_plugin());
  EXPECT_EQ(format.exit_code, 2);

  cli_test::ScratchDir dir;
  const std::string broken = dir.file("mapping.yaml");
  { std::ofstream{broken} << "default_time_zone: Nowhere\n"; }
  const auto mapping = run_boundaryctl(
      {"convert", "--input", "fhir", "--mapping", broken, kExamples + "fhir-bundle.json"},
      with_plugin());
  EXPECT_EQ(mapping.exit_code, 2);
  EXPECT_NE(mapping.err.find("mapping.yaml:1:20: default_time_zone"), std::string::npos)
      << mapping.err;

  const auto unreadable =
      run_boundaryctl({"convert", "--input", "ics", kExamples + "fhir-bundle.json"}, with_plugin());
  EXPECT_EQ(unreadable.exit_code, 2);
  EXPECT_NE(unreadable.err.find("not an iCalendar file"), std::string::npos) << unreadable.err;

  const auto missing =
      run_boundaryctl({"convert", "--input", "fhir", dir.file("none.json")}, with_plugin());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos);
}

TEST(ReplayInput, FhirBundleIsEvaluated) {
  const auto r = run_boundaryctl({"replay", "--no-audit", "--input", "fhir", "--mapping", kMapping,
                                  kExamples + "fhir-bundle.json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = r.out_lines();
  ASSERT_EQ(lines.size(), 5u) << r.out;
  const json message = json::parse(lines[2]);
  EXPECT_EQ(message["event"], "Communication/msg-2291");
  EXPECT_FALSE(message["findings"].empty());
}

TEST(ReplayInput, CalendarWithARosterAndAWindow) {
  const auto r = run_boundaryctl(
      {"replay", "--no-audit", "--input", "ics", "--mapping", kMapping, "--roster",
       kExamples + "hillside-roster.jsonl", "--window-start", "2026-02-01T00:00:00-06:00",
       "--window-end", "2026-05-01T00:00:00-05:00", kData + "ics/recurring-off-hours.ics"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = r.out_lines();
  ASSERT_EQ(lines.size(), 7u) << r.out;  // 2 roster lines, 5 sessions
  EXPECT_EQ(json::parse(lines[0])["event"], "t-ana");
  const json first = json::parse(lines[2]);
  ASSERT_FALSE(first["findings"].empty()) << lines[2];
  EXPECT_EQ(first["findings"][0]["category"], "off_hours");
}

TEST(ReplayInput, TwilioAndWhatCannotBeMapped) {
  const auto r =
      run_boundaryctl({"replay", "--no-audit", "--input", "twilio", "--received-at",
                       "2026-03-10T23:40:12-05:00", kShared + "twilio/NoMediaPayload.txt"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("is not a phone number"), std::string::npos) << r.err;
}

TEST(ReplayInput, RosterGoesWithAnAdaptedInputOnly) {
  const auto r =
      run_boundaryctl({"replay", "--no-audit", "--roster", kExamples + "hillside-roster.jsonl",
                       kExamples + "hillside-roster.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--roster goes with --input"), std::string::npos) << r.err;
}

TEST(ReplayInput, JsonlStaysTheDefault) {
  const auto r = run_boundaryctl(
      {"replay", "--no-audit", "--input", "jsonl", kExamples + "hillside-roster.jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out_lines().size(), 2u);
}

}  // namespace
