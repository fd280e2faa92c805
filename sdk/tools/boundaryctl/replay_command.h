// `boundaryctl replay`: evaluates every line of a JSON Lines file through the plugin.
#pragma once

#include "adapted_input.h"
#include "command.h"

#include <string>

namespace boundaryctl {

struct ReplayOptions {
  std::string input = "-";                     // a file, or "-" for standard input
  std::string policy;                          // empty: the plugin's bundled default pack
  std::string db = "boundary-guard-audit.db";  // empty: no audit log
  bool no_audit = false;
  std::string format = "jsonl";  // "jsonl", "table" or "summary"
  std::string options_json;      // engine options, a JSON object
  std::string plugin;            // empty: the loader's search order
  AdapterOptions adapter;        // --input fhir|ics|twilio: converted by the plugin first
};

// Exit codes (documented in --help).

// Runs the replay; messages for the user go to stderr. Returns an exit code.
int run_replay(const ReplayOptions& options);

}  // namespace boundaryctl
