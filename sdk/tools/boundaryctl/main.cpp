// boundaryctl: replays practice events through the Boundary Guard plugin and gives practice
// administrators its policy tools. Built only on the public SDK (boundary_guard.hpp and the
// plugin loader), as any host would be.
#include <CLI/CLI.hpp>

#include "command.h"

namespace boundaryctl {

const char* const kExitCodes =
    "Exit codes:\n"
    "  0  success\n"
    "  1  some lines were rejected or got only a fail-safe verdict; a policy check or test failed\n"
    "  2  usage error, or the plugin, policy, input or audit log could not be opened or written "
    "(message on stderr)";

const char* const kPluginHelp =
    "The plugin library. Default: $BOUNDARY_GUARD_PLUGIN, else next to boundaryctl, else in "
    "../lib, else the build tree's";

}  // namespace boundaryctl

int main(int argc, char** argv) {
  using namespace boundaryctl;
  CLI::App app{
      "Boundary Guard command-line tool: replays practice events through the plugin "
      "and checks, tests and explains policies.",
      "boundaryctl"};
  app.require_subcommand(1);
  app.footer(kExitCodes);

  std::vector<Command> commands;
  for (auto add : {add_replay_command, add_policy_commands, add_version_command, add_eval_command,
                   add_convert_command, add_audit_commands}) {
    auto more = add(app);
    commands.insert(commands.end(), more.begin(), more.end());
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help (code 0) or the error
    return code == 0 ? kExitOk : kExitFailure;
  }
  for (const auto& [subcommand, run] : commands) {
    if (subcommand->parsed()) return run();
  }
  return kExitFailure;
}
