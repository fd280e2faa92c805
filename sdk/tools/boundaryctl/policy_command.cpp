// `boundaryctl policy check|test|explain`: the practice administrator's tools, run through the
// plugin's policy functions (ABI 1.1) so that the tool checks exactly what the plugin loads.
#include <cstdio>
#include <memory>
#include <string>

#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"
#include "command.h"

namespace boundaryctl {
namespace {

struct PolicyOptions {
  std::string path;
  std::string format = "text";
  std::string rule;
  std::string plugin;
};

// Prints a report and maps its status to an exit code: 0 ok, 1 the policy is wrong or a test
// failed, 2 anything else (a missing rule, a plugin problem).
int finish(const boundary_guard::Report& report) {
  std::fputs(report.text.c_str(), stdout);
  if (!report.text.empty() && report.text.back() != '\n') std::fputc('\n', stdout);
  std::fflush(stdout);
  if (report.status == BG_OK) return kExitOk;
  if (report.status == BG_E_POLICY) return kExitRejected;
  std::fprintf(stderr, "boundaryctl: %s\n", boundary_guard::status_name(report.status));
  return kExitFailure;
}

template <typename Tool>
int run_tool(const PolicyOptions& options, Tool&& tool) {
  try {
    const boundary_guard::PluginLoader plugin{options.plugin};
    return finish(tool(plugin.api()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boundaryctl: %s\n", e.what());
    return kExitFailure;
  }
}

CLI::App* add_path_command(CLI::App& policy, const char* name, const char* help, PolicyOptions& o,
                           bool with_format) {
  CLI::App* cmd = policy.add_subcommand(name, help);
  cmd->footer(kExitCodes);
  cmd->add_option("path", o.path, "Policy pack: a .yaml file or a folder with pack.yaml")
      ->required();
  if (with_format) {
    cmd->add_option("--format", o.format, "text for people, json for tools")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
  }
  cmd->add_option("--plugin", o.plugin, kPluginHelp);
  return cmd;
}

}  // namespace

std::vector<Command> add_policy_commands(CLI::App& app) {
  CLI::App* policy = app.add_subcommand("policy", "Check, test and explain policy packs");
  policy->require_subcommand(1);
  policy->footer(kExitCodes);

  auto check = std::make_shared<PolicyOptions>();
  CLI::App* check_cmd = add_path_command(
      *policy, "check",
      "Load a policy and list every problem with its code and file:line:col (exit 0 when "
      "valid, warnings allowed; 1 when it has errors)",
      *check, true);

  auto test = std::make_shared<PolicyOptions>();
  CLI::App* test_cmd = add_path_command(
      *policy, "test",
      "Run the test cases in the pack's tests/ folder: PASS or FAIL per case with what "
      "differed, and the rules no case exercises (exit 0 when all pass)",
      *test, true);

  auto explain = std::make_shared<PolicyOptions>();
  CLI::App* explain_cmd = add_path_command(
      *policy, "explain",
      "Show the effective policy after extends and overrides, each rule with the pack and line "
      "it came from",
      *explain, true);
  explain_cmd->add_option("--rule", explain->rule, "Only this rule");

  return {
      {check_cmd,
       [check] {
         return run_tool(*check, [&](const bg_api* api) {
           return boundary_guard::policy_check(api, check->path, check->format);
         });
       }},
      {test_cmd,
       [test] {
         return run_tool(*test, [&](const bg_api* api) {
           return boundary_guard::policy_test(api, test->path, test->format);
         });
       }},
      {explain_cmd,
       [explain] {
         return run_tool(*explain, [&](const bg_api* api) {
           return boundary_guard::policy_explain(api, explain->path, explain->rule,
                                                 explain->format);
         });
       }},
  };
}

}  // namespace boundaryctl
