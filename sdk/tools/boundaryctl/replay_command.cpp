#include "replay_command.h"

#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>

#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"
#include "line_reader.h"
#include "progress_bar.h"
#include "replay_sink.h"
#include "stdout_buffer.h"

namespace boundaryctl {
namespace {

void report(const std::string& message) {
  std::fprintf(stderr, "boundaryctl: %s\n", message.c_str());
}

// Opens the engine; an error names the setting it is about (policy messages name their file).
boundary_guard::Engine open_engine(const bg_api* api, const ReplayOptions& options,
                                   const std::string& audit_path) {
  try {
    return boundary_guard::Engine{
        api, boundary_guard::EngineConfig{options.policy, audit_path, options.options_json}};
  } catch (const boundary_guard::Error& e) {
    if (e.status() == BG_E_AUDIT) {
      throw boundary_guard::Error(e.status(), "audit log " + audit_path + ": " + e.what());
    }
    if (e.status() == BG_E_INVALID_ARGUMENT) {
      throw boundary_guard::Error(e.status(), std::string{"--options: "} + e.what());
    }
    throw;
  }
}

}  // namespace

int run_replay(const ReplayOptions& options) {
  configure_stdout();
  try {
    const bool adapted = options.adapter.format != "jsonl";
    if (!adapted && !options.adapter.roster.empty()) {
      throw std::runtime_error(
          "--roster goes with --input fhir|ics|twilio; in JSON Lines, put the roster first");
    }
    std::optional<LineReader> reader;  // JSON Lines are read line by line
    if (!adapted) reader.emplace(options.input);
    // The loader outlives the engine, and the engine every verdict (declaration order).
    const boundary_guard::PluginLoader plugin{options.plugin};
    const std::string audit_path = options.no_audit ? std::string{} : options.db;
    const boundary_guard::Engine engine = open_engine(plugin.api(), options, audit_path);
    // Another format: the plugin's adapter turns the whole input into event lines first; records
    // it could not map are listed on stderr and make the exit code 1.
    EventLines converted;
    bool any_failed = false;
    if (adapted) {
      const auto conversion = convert_input(plugin.api(), options.input, options.adapter);
      any_failed = print_report(conversion.report, false);
      converted = EventLines{(options.adapter.roster.empty()
                                  ? std::string{}
                                  : read_whole_input(options.adapter.roster) + "\n") +
                             conversion.output};
    }
    const auto sink =
        make_sink(options.format, options.input == "-" ? "standard input" : options.input);
    // Only the summary waits for the end before writing to stdout.
    ProgressBar progress{!reader || reader->is_stdin() ? 0 : reader->size(),
                         options.format != "summary"};

    std::string_view line;
    while (reader ? reader->next(line) : converted.next(line)) {
      const uint64_t number = reader ? reader->line_number() : converted.line_number();
      progress.update(reader ? reader->consumed() : 0, number);
      if (is_blank(line)) continue;
      const boundary_guard::Evaluation result = engine.evaluate_json(line);
      if (result.verdict) {
        if (!result.ok()) {
          // A fail-safe verdict: it is written like any other, but the event was not checked.
          any_failed = true;
          progress.clear();
          report("line " + std::to_string(number) + ": " + result.message + " (" +
                 boundary_guard::status_name(result.status) + "; fail-safe verdict)");
        }
        sink->on_verdict(number, line, result.verdict, result.status);
      } else {
        any_failed = true;
        sink->on_rejected(number, line, result.message);
      }
    }
    progress.finish();
    sink->finish();
    if (!audit_path.empty()) engine.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      report("cannot write the output");
      return kExitFailure;
    }
    return any_failed ? kExitRejected : kExitOk;
  } catch (const boundary_guard::LoadError& e) {
    report(e.what());
  } catch (const boundary_guard::Error& e) {
    report(std::string{e.what()} + " (" + boundary_guard::status_name(e.status()) + ")");
  } catch (const std::exception& e) {
    report(e.what());
  }
  std::fflush(stdout);
  return kExitFailure;
}

std::vector<Command> add_replay_command(CLI::App& app) {
  auto options = std::make_shared<ReplayOptions>();
  CLI::App* cmd = app.add_subcommand(
      "replay",
      "Evaluate JSON Lines events (one per line; blank lines skipped) and write one result per "
      "line: the verdict JSON, or {\"line\":N,\"error\":\"...\"} for a rejected line");
  cmd->footer(kExitCodes);
  cmd->add_option("input", options->input,
                  "Events file (JSON Lines, or the --input format), or - for stdin")
      ->capture_default_str();
  cmd->add_option("--policy", options->policy,
                  "Policy file or folder. Default: the plugin's bundled default pack");
  cmd->add_option("--db", options->db,
                  "Audit log (SQLite) to append to; relative to the current directory. "
                  "\"\" disables it")
      ->capture_default_str();
  cmd->add_flag("--no-audit", options->no_audit,
                "Keep no audit log (a dry run; the same as --db \"\")");
  cmd->add_option("--format", options->format,
                  "jsonl: one verdict per line; table: one row per flagged event; summary: a "
                  "report for a clinical supervisor")
      ->check(CLI::IsMember({"jsonl", "table", "summary"}))
      ->capture_default_str();
  cmd->add_option("--options", options->options_json,
                  "Engine options as a JSON object, e.g. '{\"fail_mode\":\"closed\"}'");
  cmd->add_option("--plugin", options->plugin, kPluginHelp);
  add_adapter_options(cmd, options->adapter, false, false);
  return {{cmd, [options] { return run_replay(*options); }}};
}

}  // namespace boundaryctl
