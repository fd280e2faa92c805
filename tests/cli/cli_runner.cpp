#include "cli_runner.h"

#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace cli_test {

std::vector<std::string> RunResult::out_lines() const {
  std::vector<std::string> lines;
  std::istringstream in{out};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

RunResult run_boundaryctl(const std::vector<std::string>& args, const RunOptions& options) {
  // A child that exits without reading its stdin must not kill the test with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  Poco::Process::Args argv = args;
  const bool takes_plugin =
      !args.empty() && (args.front() == "replay" || args.front() == "version");
  if (options.pass_plugin && takes_plugin) {
    argv.insert(argv.begin() + 1, {"--plugin", BG_TEST_PLUGIN});
  }
  Poco::Process::Env env;
  env["BOUNDARY_GUARD_PLUGIN"] = options.plugin_env;
  const std::string cwd =
      options.working_dir.empty() ? std::filesystem::current_path().string() : options.working_dir;

  Poco::Pipe in_pipe, out_pipe, err_pipe;
  Poco::ProcessHandle child =
      Poco::Process::launch(BOUNDARYCTL_PATH, argv, cwd, &in_pipe, &out_pipe, &err_pipe, env);
  RunResult result;
  // Drain stderr on its own thread so that neither pipe can fill up and stall the child.
  std::thread err_reader{[&] {
    Poco::PipeInputStream err{err_pipe};
    Poco::StreamCopier::copyToString(err, result.err);
  }};
  std::thread in_writer{[&] {
    try {
      Poco::PipeOutputStream in{in_pipe};
      in << options.stdin_text;
      in.close();
    } catch (const Poco::Exception&) {
      // The child closed its stdin early; what it did is in its output and exit code.
    }
  }};
  Poco::PipeInputStream out{out_pipe};
  Poco::StreamCopier::copyToString(out, result.out);
  in_writer.join();
  err_reader.join();
  result.exit_code = child.wait();
  return result;
}

ScratchDir::ScratchDir() {
  static int counter = 0;
  path_ = (std::filesystem::temp_directory_path() /
           ("bg-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
              .string();
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string data_file(const std::string& name) { return std::string{BG_CLI_DATA_DIR} + "/" + name; }

std::string read_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cli_test
