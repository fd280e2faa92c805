// `boundaryctl eval`: measures detection on a labelled corpus. Each corpus file is replayed,
// after the roster, through its own engine with no audit log (a dry run), in file order (pattern
// findings depend on the pair's history); the categories of each verdict's unsuppressed findings
// are compared with the line's label.categories.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"
#include "command.h"
#include "eval_report.h"
#include "labelled_event.h"
#include "line_reader.h"
#include "stdout_buffer.h"

namespace boundaryctl {
namespace {

// The closed list of v1 categories, in the brief's order: every report lists them all.
const std::vector<std::string> kCategories = {"off_hours",
                                              "personal_channel",
                                              "social_media",
                                              "personal_content",
                                              "romantic_sexual",
                                              "outside_setting",
                                              "non_therapeutic_request",
                                              "gift_money",
                                              "post_termination",
                                              "pattern"};

constexpr size_t kDefaultMisclassified = 50;

const char* const kEvalExitCodes =
    "Exit codes:\n"
    "  0  measured (whatever the figures, unless --min-f1 is given)\n"
    "  1  a client-side event was held or blocked, or a category with support is below "
    "--min-f1\n"
    "  2  usage error, the plugin, policy or a file could not be opened, or a line could not "
    "be scored (message on stderr)";

struct EvalOptions {
  std::vector<std::string> corpus;
  std::string roster;  // "" : roster.jsonl beside the first corpus file
  std::string policy;  // "" : the plugin's bundled default pack
  std::string format = "text";
  std::string plugin;
  size_t misclassified = kDefaultMisclassified;
  double min_f1 = 0;
  bool has_min_f1 = false;
};

void report_error(const std::string& message) {
  std::fprintf(stderr, "boundaryctl: %s\n", message.c_str());
}

std::string default_roster(const std::string& corpus) {
  return (std::filesystem::path{corpus}.parent_path() / "roster.jsonl").string();
}

// The category of each finding that counts (not suppressed).
CategorySet predicted_categories(const std::vector<boundary_guard::Finding>& findings) {
  CategorySet out;
  for (const auto& f : findings) {
    if (!f.suppressed()) out.insert(f.category);
  }
  return out;
}

// For a wrong category: the rules behind it (predicted) or its suppressed findings (missed).
std::vector<FiredRule> rules_for(const std::vector<boundary_guard::Finding>& findings,
                                 const std::string& category, bool missed) {
  std::vector<FiredRule> out;
  for (const auto& f : findings) {
    if (f.category == category && f.suppressed() == missed) {
      out.push_back(FiredRule{f.rule, f.suppressed_by});
    }
  }
  return out;
}

Misclassified describe(const Scorer& scorer, EventPlace where, const LabelledEvent& event,
                       const CategorySet& predicted,
                       const std::vector<boundary_guard::Finding>& findings) {
  Misclassified m;
  m.place = std::move(where);
  m.expected = scorer.ordered(event.expected);
  m.predicted = scorer.ordered(predicted);
  m.note = event.note;
  CategorySet both = event.expected;
  both.insert(predicted.begin(), predicted.end());
  for (const auto& category : scorer.ordered(both)) {
    const bool labelled = event.expected.count(category) > 0;
    if (labelled == (predicted.count(category) > 0)) continue;
    m.wrong.push_back(WrongCategory{category, labelled, rules_for(findings, category, labelled)});
  }
  return m;
}

// Replays one file through `engine`; scores its observed events when `score` is set.
class FileReplay {
 public:
  FileReplay(const boundary_guard::Engine& engine, EvalReport& report)
      : engine_(engine), report_(report) {}

  void run(const std::string& file, bool score) {
    LineReader reader{file};
    std::string_view line;
    while (reader.next(line)) {
      if (is_blank(line)) continue;
      evaluate(EventPlace{file, reader.line_number(), {}, {}}, line, score);
    }
  }

 private:
  void unscored(const EventPlace& where, const std::string& why) {
    ++report_.unscored_lines;
    report_error(where.file + ":" + std::to_string(where.line) + ": " + why);
  }

  void evaluate(EventPlace where, std::string_view line, bool score) {
    LabelledEvent event;
    try {
      event = read_labelled_event(line);
    } catch (const std::exception& e) {
      return unscored(where, e.what());
    }
    where.id = event.id;
    where.type = event.type;
    const boundary_guard::Evaluation result = engine_.evaluate_json(line);
    if (!result.verdict) return unscored(where, "rejected: " + result.message);
    const bg_decision decision = result.verdict.decision();
    if (event.client_side) {
      ++report_.client_side_events;
      if (decision >= BG_DECISION_HOLD) {
        report_.client_held.push_back(
            HeldClientEvent{where, boundary_guard::decision_name(decision)});
      }
    }
    if (!result.ok()) {
      return unscored(where, result.message + " (" + boundary_guard::status_name(result.status) +
                                 "; fail-safe verdict)");
    }
    if (!score || event.roster) return;
    if (!event.labelled) return unscored(where, "no label.categories");
    const std::vector<boundary_guard::Finding> findings = result.verdict.findings();
    const CategorySet predicted = predicted_categories(findings);
    Scorer& scorer = report_.scorer;
    if (scorer.add(event.expected, predicted)) return;
    ++report_.misclassified_total;
    if (report_.misclassified.size() < report_.misclassified_limit) {
      report_.misclassified.push_back(
          describe(scorer, std::move(where), event, predicted, findings));
    }
  }

  const boundary_guard::Engine& engine_;
  EvalReport& report_;
};

int exit_code(const EvalReport& report) {
  if (report.unscored_lines > 0) {
    report_error(std::to_string(report.unscored_lines) +
                 " line(s) could not be scored; the figures are incomplete");
    return kExitFailure;
  }
  int code = kExitOk;
  if (!report.client_held.empty()) {
    report_error(std::to_string(report.client_held.size()) +
                 " client-side event(s) were held or blocked; a client's message must never be");
    code = kExitRejected;
  }
  if (!report.below_min_f1.empty()) {
    std::string names;
    for (const auto& name : report.below_min_f1)
      names.append(names.empty() ? "" : ", ").append(name);
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%.3f", report.min_f1);
    report_error(std::string{"F1 below "} + threshold + " for: " + names);
    code = kExitRejected;
  }
  return code;
}

int run_eval(const EvalOptions& options) {
  configure_stdout();
  try {
    EvalReport report{kCategories};
    report.corpus = options.corpus;
    report.roster =
        options.roster.empty() ? default_roster(options.corpus.front()) : options.roster;
    report.policy = options.policy;
    report.misclassified_limit = options.misclassified;
    report.has_min_f1 = options.has_min_f1;
    report.min_f1 = options.min_f1;
    if (!std::filesystem::is_regular_file(report.roster)) {
      report_error("no roster at " + report.roster + " (name one with --roster)");
      return kExitFailure;
    }

    // The loader outlives every engine.
    const boundary_guard::PluginLoader plugin{options.plugin};
    for (const auto& file : options.corpus) {
      // A fresh engine per file: pattern labels hold per file (tests/data/corpus/README.md).
      const boundary_guard::Engine engine{plugin.api(),
                                          boundary_guard::EngineConfig{options.policy, {}, {}}};
      FileReplay replay{engine, report};
      replay.run(report.roster, false);
      replay.run(file, true);
    }
    if (report.has_min_f1) report.below_min_f1 = report.scorer.below_f1(report.min_f1);

    const std::string text = options.format == "json" ? render_json(report) : render_text(report);
    std::fputs(text.c_str(), stdout);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      report_error("cannot write the output");
      return kExitFailure;
    }
    return exit_code(report);
  } catch (const boundary_guard::LoadError& e) {
    report_error(e.what());
  } catch (const boundary_guard::Error& e) {
    report_error(std::string{e.what()} + " (" + boundary_guard::status_name(e.status()) + ")");
  } catch (const std::exception& e) {
    report_error(e.what());
  }
  std::fflush(stdout);
  return kExitFailure;
}

}  // namespace

std::vector<Command> add_eval_command(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Measure detection on a labelled corpus: replay the roster and each corpus file (no audit "
      "log) and compare the categories of each verdict's unsuppressed findings with the line's "
      "label.categories. Reports precision, recall and F1 per category, micro and macro "
      "averages, the confusion between categories, the misclassified events, and client-side "
      "events held or blocked (exit 1 if any)");
  cmd->footer(kEvalExitCodes);
  cmd->add_option("corpus", options->corpus,
                  "Labelled JSON Lines files (each replayed after the roster in its own engine)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--roster", options->roster,
                  "Roster events to replay first. Default: roster.jsonl beside the first corpus "
                  "file")
      ->check(CLI::ExistingFile);
  cmd->add_option("--policy", options->policy,
                  "Policy file or folder. Default: the plugin's bundled default pack");
  cmd->add_option("--format", options->format, "text for people, json for tools")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--misclassified", options->misclassified,
                  "How many misclassified events to list (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  CLI::Option* min_f1 =
      cmd->add_option("--min-f1", options->min_f1,
                      "Exit 1 when a category with support has an F1 below this (0 to 1)")
          ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--plugin", options->plugin, kPluginHelp);
  return {{cmd, [options, min_f1] {
             options->has_min_f1 = min_f1->count() > 0;
             return run_eval(*options);
           }}};
}

}  // namespace boundaryctl
