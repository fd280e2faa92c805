// `boundaryctl version`: this tool's version and the loaded plugin's version and ABI.
#pragma once

#include <string>

namespace boundaryctl {

// Loads the plugin (`plugin_path` empty: the loader's search order). Returns an exit code.
int run_version(const std::string& plugin_path);

}  // namespace boundaryctl
