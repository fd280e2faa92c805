// boundaryctl: replays JSON Lines events through the Boundary Guard plugin. Built only on the
// public SDK (boundary_guard.hpp and the plugin loader), as any host would be.
#include <CLI/CLI.hpp>

#include "replay_command.h"
#include "version_command.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  every line was evaluated\n"
    "  1  some lines were rejected (bad events) or only got a fail-safe verdict\n"
    "  2  usage error, or the plugin, policy, input or audit log could not be opened or written "
    "(message on stderr)";

constexpr const char* kPluginHelp =
    "The plugin library. Default: $BOUNDARY_GUARD_PLUGIN, else next to boundaryctl, else in "
    "../lib, else the build tree's";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Boundary Guard command-line tool: replays practice events through the plugin.",
               "boundaryctl"};
  app.require_subcommand(1);
  app.footer(kExitCodes);

  boundaryctl::ReplayOptions replay;
  CLI::App* replay_cmd = app.add_subcommand(
      "replay",
      "Evaluate JSON Lines events (one per line; blank lines skipped) and write one result per "
      "line: the verdict JSON, or {\"line\":N,\"error\":\"...\"} for a rejected line");
  replay_cmd->footer(kExitCodes);
  replay_cmd->add_option("input", replay.input, "Events file (JSON Lines), or - for stdin")
      ->capture_default_str();
  replay_cmd->add_option("--policy", replay.policy,
                         "Policy file or folder. Default: the plugin's bundled default pack");
  replay_cmd
      ->add_option("--db", replay.db,
                   "Audit log (SQLite) to append to; relative to the current directory. "
                   "\"\" disables it")
      ->capture_default_str();
  replay_cmd->add_flag("--no-audit", replay.no_audit,
                       "Keep no audit log (a dry run; the same as --db \"\")");
  replay_cmd
      ->add_option("--format", replay.format,
                   "jsonl: one verdict per line; table: one row per flagged event; summary: a "
                   "report for a clinical supervisor")
      ->check(CLI::IsMember({"jsonl", "table", "summary"}))
      ->capture_default_str();
  replay_cmd->add_option("--options", replay.options_json,
                         "Engine options as a JSON object, e.g. '{\"fail_mode\":\"closed\"}'");
  replay_cmd->add_option("--plugin", replay.plugin, kPluginHelp);

  std::string version_plugin;
  CLI::App* version_cmd =
      app.add_subcommand("version", "Print boundaryctl's version and the plugin's version and ABI");
  version_cmd->footer(kExitCodes);
  version_cmd->add_option("--plugin", version_plugin, kPluginHelp);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help (code 0) or the error
    return code == 0 ? boundaryctl::kExitOk : boundaryctl::kExitFailure;
  }
  if (*replay_cmd) return boundaryctl::run_replay(replay);
  return boundaryctl::run_version(version_plugin);
}
