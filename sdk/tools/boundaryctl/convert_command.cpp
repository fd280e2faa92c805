// `boundaryctl convert`: turns FHIR, iCalendar or Twilio webhook input into schema-v1 events
// through the plugin's adapters (ABI 1.2), for inspection: the events go to stdout, what became
// of each input record to stderr (or, as JSON Lines, to --report).
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "adapted_input.h"
#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"
#include "command.h"
#include "stdout_buffer.h"

namespace boundaryctl {
namespace {

struct ConvertOptions {
  std::string input = "-";
  AdapterOptions adapter;
  std::string report;  // a file for the JSON Lines report; empty: a text report on stderr
  bool quiet = false;
  std::string plugin;
};

int run_convert(const ConvertOptions& options) {
  configure_stdout();
  try {
    const boundary_guard::PluginLoader plugin{options.plugin};
    const boundary_guard::Conversion result =
        convert_input(plugin.api(), options.input, options.adapter);
    std::fwrite(result.output.data(), 1, result.output.size(), stdout);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::fprintf(stderr, "boundaryctl: cannot write the output\n");
      return kExitFailure;
    }
    bool lost = false;
    if (!options.report.empty()) {
      std::ofstream out{options.report, std::ios::binary | std::ios::trunc};
      out << result.report;
      if (!out.flush()) {
        std::fprintf(stderr, "boundaryctl: cannot write the report to %s\n",
                     options.report.c_str());
        return kExitFailure;
      }
      lost = print_report(result.report, false);
    } else {
      lost = print_report(result.report, !options.quiet);
    }
    return lost ? kExitRejected : kExitOk;
  } catch (const boundary_guard::Error& e) {
    std::fprintf(stderr, "boundaryctl: %s (%s)\n", e.what(),
                 boundary_guard::status_name(e.status()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boundaryctl: %s\n", e.what());
  }
  return kExitFailure;
}

}  // namespace

std::vector<Command> add_convert_command(CLI::App& app) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand(
      "convert",
      "Convert FHIR R4, iCalendar or Twilio webhook input to schema-v1 events (JSON Lines on "
      "stdout) and say what became of each input record (on stderr); nothing is evaluated");
  cmd->footer(
      "Exit codes:\n"
      "  0  every record was mapped, used as context or deliberately skipped\n"
      "  1  some record could not be mapped or needs its resource (see the report)\n"
      "  2  usage error, or the plugin, mapping or input could not be read (message on stderr)");
  cmd->add_option("input", options->input, "Input file, or - for stdin")->capture_default_str();
  add_adapter_options(cmd, options->adapter, true, true);
  cmd->add_option("--report", options->report,
                  "Write the per-record report as JSON Lines to this file (stderr then lists "
                  "only the records that were not mapped cleanly)");
  cmd->add_flag("--quiet", options->quiet, "List only the records that were not mapped cleanly");
  cmd->add_option("--plugin", options->plugin, kPluginHelp);
  return {{cmd, [options] { return run_convert(*options); }}};
}

}  // namespace boundaryctl
