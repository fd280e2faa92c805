// `boundaryctl eval` end to end on tests/data/eval-mini: 15 hand-labelled events (5 of them
// deliberately mislabelled) under a pinned policy with off-hours and personal-channel rules
// only, so every figure below is known exactly (tests/data/eval-mini/README.md works them out).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace {

using cli_test::run_boundaryctl;
using cli_test::RunResult;
using nlohmann::json;

const std::string kMini = BG_EVAL_MINI_DIR;
const std::string kEvents = kMini + "/events.jsonl";
const std::string kPolicy = kMini + "/policy";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

RunResult eval(std::vector<std::string> extra, const std::string& plugin = BG_TEST_PLUGIN) {
  std::vector<std::string> args{"eval", kEvents, "--policy", kPolicy, "--plugin", plugin};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_boundaryctl(args);
}

json eval_json(std::vector<std::string> extra = {}) {
  extra.insert(extra.end(), {"--format", "json"});
  const RunResult r = eval(extra);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return json::parse(r.out);
}

json category(const json& report, const std::string& name) {
  for (const auto& row : report.at("categories")) {
    if (row.at("category") == name) return row;
  }
  ADD_FAILURE() << "no row for " << name;
  return json::object();
}

TEST(EvalText, PrintsTheTableAndAveragesExactly) {
  const RunResult r = eval({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // Figures worked out by hand in tests/data/eval-mini/README.md.
  const char* expected_table =
      "CATEGORY                 SUPPORT      TP      FP      FN  PRECISION     RECALL         F1\n"
      "off_hours                      6       3       2       3      0.600      0.500      0.545\n"
      "personal_channel               4       4       1       0      0.800      1.000      0.889\n"
      "social_media                   1       0       0       1      0.000      0.000      0.000\n"
      "personal_content               0       0       0       0          -          -          -\n"
      "romantic_sexual                0       0       0       0          -          -          -\n"
      "outside_setting                0       0       0       0          -          -          -\n"
      "non_therapeutic_request        0       0       0       0          -          -          -\n"
      "gift_money                     0       0       0       0          -          -          -\n"
      "post_termination               0       0       0       0          -          -          -\n"
      "pattern                        0       0       0       0          -          -          -\n"
      "micro average                 11       7       3       4      0.700      0.636      0.667\n"
      "macro average                                                 0.467      0.500      0.478\n"
      "Macro: the mean over the 3 categories labelled or predicted at least once; '-': "
      "neither.\n";
  EXPECT_TRUE(contains(r.out, expected_table)) << r.out;
  EXPECT_TRUE(contains(r.out, "Roster: " + kMini + "/roster.jsonl\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "Policy: " + kPolicy + "\n")) << r.out;
  EXPECT_TRUE(
      contains(r.out, "Events: 15 scored (10 with a category, 5 unremarkable), 9 exactly right\n"))
      << r.out;
}

TEST(EvalText, PrintsTheConfusionAndTheClientCheck) {
  const RunResult r = eval({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const char* expected_confusion =
      "  off_hours: 6 labelled, 3 missed\n"
      "    missed, nothing else predicted: 2\n"
      "    instead: personal_channel 1\n"
      "  personal_channel: 4 labelled, 0 missed\n"
      "    in addition: off_hours 1\n"
      "  social_media: 1 labelled, 1 missed\n"
      "    missed, nothing else predicted: 1\n"
      "  unremarkable events: 5\n"
      "    predicted: off_hours 1\n";
  EXPECT_TRUE(contains(r.out, expected_confusion)) << r.out;
  EXPECT_TRUE(contains(r.out, "Client-side events held or blocked: 0 of 4 (must be 0)\n")) << r.out;
  EXPECT_FALSE(contains(r.out, "Minimum F1")) << r.out;
}

TEST(EvalText, ListsTheMisclassifiedEventsWithTheirRules) {
  const RunResult r = eval({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Misclassified events: 6\n")) << r.out;
  const std::string e08 =
      "  e-08 (" + kEvents +
      ":8, message)\n"
      "    expected: off_hours\n"
      "    predicted: none\n"
      "    missed off_hours: no rule fired\n"
      "    note: deliberately mislabelled: Thu 10:30 is inside hours (a false negative)\n";
  EXPECT_TRUE(contains(r.out, e08)) << r.out;
  // A finding an extension covers does not count, and is named as the reason for the miss.
  EXPECT_TRUE(
      contains(r.out, "    missed off_hours: mini-message-off-hours (suppressed by bx-1)\n"))
      << r.out;
  const std::string e14 = "  e-14 (" + kEvents +
                          ":14, message)\n"
                          "    expected: off_hours\n"
                          "    predicted: personal_channel\n"
                          "    missed off_hours: no rule fired\n"
                          "    extra personal_channel: mini-therapist-personal-channel\n";
  EXPECT_TRUE(contains(r.out, e14)) << r.out;
  // Events in file order; the correctly labelled ones are not listed.
  EXPECT_LT(r.out.find("  e-08 ("), r.out.find("  e-09 ("));
  EXPECT_LT(r.out.find("  e-14 ("), r.out.find("  e-15 ("));
  EXPECT_FALSE(contains(r.out, "  e-07 (")) << r.out;
  EXPECT_FALSE(contains(r.out, "  e-02 (")) << r.out;
}

TEST(EvalText, MisclassifiedLimitCapsTheList) {
  const RunResult r = eval({"--misclassified", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Misclassified events: 6 (showing 2; change with --misclassified N)"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "  e-09 (")) << r.out;
  EXPECT_FALSE(contains(r.out, "  e-10 (")) << r.out;
}

TEST(EvalJson, HasTheSameFigures) {
  const json report = eval_json();
  EXPECT_EQ(report.at("corpus"), json::array({kEvents}));
  EXPECT_EQ(report.at("roster"), kMini + "/roster.jsonl");
  EXPECT_EQ(report.at("policy"), kPolicy);
  EXPECT_EQ(report.at("events"),
            json::parse(R"({"scored":15,"with_category":10,"unremarkable":5,"exact":9,)"
                        R"("unscored_lines":0})"));
  ASSERT_EQ(report.at("categories").size(), 10u);
  EXPECT_EQ(report.at("categories")[0].at("category"), "off_hours");
  EXPECT_EQ(report.at("categories")[9].at("category"), "pattern");

  const json off = category(report, "off_hours");
  EXPECT_EQ(off.at("support"), 6);
  EXPECT_EQ(off.at("tp"), 3);
  EXPECT_EQ(off.at("fp"), 2);
  EXPECT_EQ(off.at("fn"), 3);
  EXPECT_DOUBLE_EQ(off.at("precision").get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(off.at("recall").get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(off.at("f1").get<double>(), 6.0 / 11.0);

  const json channel = category(report, "personal_channel");
  EXPECT_EQ(channel.at("support"), 4);
  EXPECT_EQ(channel.at("tp"), 4);
  EXPECT_EQ(channel.at("fp"), 1);
  EXPECT_EQ(channel.at("fn"), 0);
  EXPECT_DOUBLE_EQ(channel.at("precision").get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(channel.at("recall").get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(channel.at("f1").get<double>(), 8.0 / 9.0);

  const json social = category(report, "social_media");
  EXPECT_EQ(social.at("support"), 1);
  EXPECT_EQ(social.at("fn"), 1);
  EXPECT_DOUBLE_EQ(social.at("f1").get<double>(), 0.0);
  EXPECT_EQ(category(report, "gift_money").at("support"), 0);

  const json& micro = report.at("micro");
  EXPECT_EQ(micro.at("tp"), 7);
  EXPECT_EQ(micro.at("fp"), 3);
  EXPECT_EQ(micro.at("fn"), 4);
  EXPECT_DOUBLE_EQ(micro.at("precision").get<double>(), 0.7);
  EXPECT_DOUBLE_EQ(micro.at("recall").get<double>(), 7.0 / 11.0);
  EXPECT_DOUBLE_EQ(micro.at("f1").get<double>(), 14.0 / 21.0);
  const json& macro = report.at("macro");
  EXPECT_EQ(macro.at("categories"), 3);
  EXPECT_DOUBLE_EQ(macro.at("precision").get<double>(), (0.6 + 0.8 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(macro.at("recall").get<double>(), (0.5 + 1.0 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(macro.at("f1").get<double>(), (6.0 / 11.0 + 8.0 / 9.0 + 0.0) / 3);
}

TEST(EvalJson, HasTheConfusionClientCheckAndMisclassified) {
  const json report = eval_json();
  EXPECT_EQ(report.at("confusion"), json::parse(R"([
    {"labelled":"off_hours","support":6,"missed":3,"missed_alone":2,
     "instead":{"personal_channel":1},"in_addition":{}},
    {"labelled":"personal_channel","support":4,"missed":0,"missed_alone":0,
     "instead":{},"in_addition":{"off_hours":1}},
    {"labelled":"social_media","support":1,"missed":1,"missed_alone":1,
     "instead":{},"in_addition":{}}])"));
  EXPECT_EQ(report.at("unremarkable_predicted"), json::parse(R"({"off_hours":1})"));
  EXPECT_EQ(report.at("client_side"),
            json::parse(R"({"events":4,"held_or_blocked":0,"held_or_blocked_events":[]})"));
  EXPECT_FALSE(report.contains("min_f1"));

  const json& mis = report.at("misclassified");
  EXPECT_EQ(mis.at("total"), 6);
  EXPECT_EQ(mis.at("limit"), 50);
  std::vector<std::string> ids;
  for (const auto& e : mis.at("events")) ids.push_back(e.at("id"));
  EXPECT_EQ(ids, (std::vector<std::string>{"e-08", "e-09", "e-10", "e-12", "e-14", "e-15"}));
  EXPECT_EQ(mis.at("events")[2], json::parse(R"({
    "id":"e-10","file":")" + kEvents + R"(","line":10,"type":"message",
    "expected":["off_hours"],"predicted":[],
    "note":"deliberately mislabelled: extension bx-1 covers Fri 21:00",
    "wrong":[{"category":"off_hours","kind":"missed",
              "rules":[{"rule":"mini-message-off-hours","suppressed_by":"bx-1"}]}]})"));
  EXPECT_EQ(mis.at("events")[5].at("wrong"), json::parse(R"([
    {"category":"off_hours","kind":"extra","rules":[{"rule":"mini-message-off-hours"}]}])"));
}

TEST(EvalJson, SeveralFilesAddUpEachReplayedAfterTheRoster) {
  // Each file gets a fresh engine and the roster again, so the same events score the same.
  const RunResult r = run_boundaryctl({"eval", kEvents, kEvents, "--policy", kPolicy, "--plugin",
                                       BG_TEST_PLUGIN, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json report = json::parse(r.out);
  EXPECT_EQ(report.at("corpus"), json::array({kEvents, kEvents}));
  EXPECT_EQ(report.at("events").at("scored"), 30);
  EXPECT_EQ(report.at("events").at("exact"), 18);
  EXPECT_EQ(report.at("micro").at("tp"), 14);
  EXPECT_EQ(report.at("micro").at("fp"), 6);
  EXPECT_EQ(report.at("micro").at("fn"), 8);
  EXPECT_DOUBLE_EQ(report.at("micro").at("f1").get<double>(), 14.0 / 21.0);
  EXPECT_EQ(report.at("client_side").at("events"), 8);
  EXPECT_EQ(report.at("misclassified").at("total"), 12);
}

TEST(EvalMinF1, ExitsOneNamingTheCategoriesBelowTheBar) {
  const RunResult r = eval({"--min-f1", "0.6"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out,
                       "Minimum F1 0.600: not met by off_hours (0.545), social_media "
                       "(0.000)\n"))
      << r.out;
  EXPECT_TRUE(contains(r.err, "F1 below 0.600 for: off_hours, social_media")) << r.err;

  const RunResult j = eval({"--min-f1", "0.6", "--format", "json"});
  EXPECT_EQ(j.exit_code, 1) << j.err;
  EXPECT_EQ(json::parse(j.out).at("min_f1"),
            json::parse(R"({"threshold":0.6,"below":["off_hours","social_media"]})"));
}

TEST(EvalMinF1, PassesWhenEveryCategoryWithSupportMeetsIt) {
  // social_media's F1 is 0: only a bar of 0 passes; categories without support never count.
  const RunResult r = eval({"--min-f1", "0"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Minimum F1 0.000: met by every category with support\n")) << r.out;
}

TEST(EvalClientCheck, AHeldClientEventExitsOne) {
  // The fake plugin holds everything, the clients' 4 events included.
  const RunResult r = eval({"--format", "json"}, BG_TEST_HOLDING_PLUGIN);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "4 client-side event(s) were held or blocked")) << r.err;
  const json report = json::parse(r.out);
  EXPECT_EQ(report.at("client_side").at("held_or_blocked"), 4);
  std::vector<std::string> held;
  for (const auto& e : report.at("client_side").at("held_or_blocked_events")) {
    EXPECT_EQ(e.at("decision"), "hold");
    held.push_back(e.at("id"));
  }
  EXPECT_EQ(held, (std::vector<std::string>{"e-05", "e-06", "e-12", "e-13"}));

  const RunResult text = eval({}, BG_TEST_HOLDING_PLUGIN);
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_TRUE(
      contains(text.out, "Client-side events held or blocked: 4 of 4 (must be 0)\n  e-05 (" +
                             kEvents + ":5, message): hold\n"))
      << text.out;
}

TEST(EvalUsage, RosterDefaultsToTheCorpusFolderAndCanBeNamed) {
  cli_test::ScratchDir dir;  // a corpus with no roster.jsonl beside it
  const std::string corpus = dir.file("corpus.jsonl");
  std::ofstream{corpus} << cli_test::read_file(kEvents);
  const RunResult missing = run_boundaryctl({"eval", corpus, "--plugin", BG_TEST_PLUGIN});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "no roster at " + dir.file("roster.jsonl"))) << missing.err;

  const RunResult named =
      run_boundaryctl({"eval", corpus, "--roster", kMini + "/roster.jsonl", "--policy", kPolicy,
                       "--plugin", BG_TEST_PLUGIN, "--format", "json"});
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(json::parse(named.out).at("events").at("exact"), 9);
}

TEST(EvalUsage, BadArgumentsExitTwo) {
  EXPECT_EQ(run_boundaryctl({"eval"}).exit_code, 2);
  EXPECT_EQ(run_boundaryctl({"eval", kMini + "/no-such-file.jsonl"}).exit_code, 2);
  EXPECT_EQ(eval({"--format", "xml"}).exit_code, 2);
  EXPECT_EQ(eval({"--min-f1", "1.5"}).exit_code, 2);
  const RunResult plugin = eval({}, "/nonexistent/libboundary_guard.so");
  EXPECT_EQ(plugin.exit_code, 2);
  EXPECT_TRUE(contains(plugin.err, "/nonexistent/libboundary_guard.so")) << plugin.err;
  const RunResult policy = run_boundaryctl(
      {"eval", kEvents, "--policy", kMini + "/no-such-policy", "--plugin", BG_TEST_PLUGIN});
  EXPECT_EQ(policy.exit_code, 2);
  EXPECT_NE(policy.err, "");
}

TEST(EvalUsage, UnscorableLinesAreListedAndExitTwo) {
  cli_test::ScratchDir dir;
  const std::string corpus = dir.file("corpus.jsonl");
  {
    std::ofstream out{corpus};
    out << cli_test::read_file(kEvents) << "\n"
        << R"({"type":"message","id":"x-1","at":"2026-03-02T10:00:00-06:00",)"
        << R"("from":{"role":"therapist","id":"t-ada"},"to":{"role":"client","id":"c-1"},)"
        << R"("channel":"portal","text":"no label"})"
        << "\n"
        << R"({"type":"message","id":"x-2","at":"not a time","label":{"categories":[]}})"
        << "\n";
  }
  const RunResult r = run_boundaryctl({"eval", corpus, "--roster", kMini + "/roster.jsonl",
                                       "--policy", kPolicy, "--plugin", BG_TEST_PLUGIN});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, corpus + ":17: no label.categories")) << r.err;
  EXPECT_TRUE(contains(r.err, corpus + ":18: rejected: ")) << r.err;
  EXPECT_TRUE(contains(r.out, "Lines not scored: 2 (listed on stderr)")) << r.out;
  EXPECT_TRUE(contains(r.out, "Events: 15 scored")) << r.out;  // the rest is still measured
}

TEST(EvalUsage, HelpDocumentsTheOptionsAndExitCodes) {
  const RunResult r = run_boundaryctl({"eval", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* option :
       {"--roster", "--policy", "--format", "--plugin", "--misclassified", "--min-f1"}) {
    EXPECT_TRUE(contains(r.out, option)) << option << " missing from\n" << r.out;
  }
  EXPECT_TRUE(contains(r.out, "1  a client-side event was held or blocked")) << r.out;
}

}  // namespace
