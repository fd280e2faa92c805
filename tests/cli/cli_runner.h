// Runs the built boundaryctl as a child process and captures what it did.
#pragma once

#include <string>
#include <vector>

namespace cli_test {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
  std::vector<std::string> out_lines() const;
};

struct RunOptions {
  std::string stdin_text;   // fed to the child's stdin, then closed
  std::string working_dir;  // "" : the test's own
  bool pass_plugin = true;  // add --plugin <the built plugin> (replay and version only)
  std::string plugin_env;   // BOUNDARY_GUARD_PLUGIN for the child ("" : unset)
};

RunResult run_boundaryctl(const std::vector<std::string>& args, const RunOptions& options = {});

// A fresh folder under the temp dir, removed with the object.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The fixture under tests/cli/data.
std::string data_file(const std::string& name);
std::string read_file(const std::string& path);

}  // namespace cli_test
