#include "version_command.h"

#include <cstdio>

#include "boundary_guard/plugin_loader.hpp"
#include "command.h"

namespace boundaryctl {

int run_version(const std::string& plugin_path) {
  std::printf("boundaryctl %s (host ABI %u.%u)\n", BG_CTL_VERSION, BG_ABI_MAJOR, BG_ABI_MINOR);
  std::fflush(stdout);
  try {
    const boundary_guard::PluginLoader plugin{plugin_path};
    const bg_api* api = plugin.api();
    std::printf("plugin %s (ABI %u.%u) at %s\n", api->version(), api->abi_major, api->abi_minor,
                plugin.path().c_str());
    return kExitOk;
  } catch (const boundary_guard::LoadError& e) {
    std::fprintf(stderr, "boundaryctl: %s\n", e.what());
    return kExitFailure;
  }
}

std::vector<Command> add_version_command(CLI::App& app) {
  auto plugin = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("version", "Print boundaryctl's version and the plugin's version and ABI");
  cmd->footer(kExitCodes);
  cmd->add_option("--plugin", *plugin, kPluginHelp);
  return {{cmd, [plugin] { return run_version(*plugin); }}};
}

}  // namespace boundaryctl
