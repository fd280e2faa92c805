// How boundaryctl's commands plug into main: each registers its subcommand(s) on the app and
// returns what to run when one of them was chosen.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace boundaryctl {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;  // some lines were rejected, a check or test failed
constexpr int kExitFailure = 2;   // usage, or the plugin, policy, input or audit log failed

extern const char* const kExitCodes;
extern const char* const kPluginHelp;

// A chosen subcommand and the function that runs it, returning the exit code.
using Command = std::pair<CLI::App*, std::function<int()>>;

// Each command file defines one of these.
std::vector<Command> add_replay_command(CLI::App& app);
std::vector<Command> add_version_command(CLI::App& app);
std::vector<Command> add_policy_commands(CLI::App& app);
std::vector<Command> add_audit_commands(CLI::App& app);
std::vector<Command> add_convert_command(CLI::App& app);
std::vector<Command> add_eval_command(CLI::App& app);

}  // namespace boundaryctl
