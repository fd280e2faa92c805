// `boundaryctl replay`: evaluates every line of a JSON Lines file through the plugin.
#pragma once

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
};

// Exit codes (documented in --help).
constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;  // some lines were rejected, or only got a fail-safe verdict
constexpr int kExitFailure = 2;   // usage, or the plugin, policy, input or audit log failed

// Runs the replay; messages for the user go to stderr. Returns an exit code.
int run_replay(const ReplayOptions& options);

}  // namespace boundaryctl
