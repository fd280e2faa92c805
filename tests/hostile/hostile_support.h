// Helpers for the hostile-input tests: the corpus files, generated policies, and the check that
// an engine still serves after a hostile call.
#pragma once

#include <string>
#include <vector>

#include "abi_test_support.h"

namespace bghostile {

// tests/data/hostile/<name>
std::string data_path(const std::string& name);

// One line of a tests/data/hostile/events/*.tsv file: "<expect>\t<event line>", where expect is
// "ok" (evaluated) or "reject:<words the error must contain>".
struct HostileCase {
  std::string file;
  size_t line = 0;
  std::string expect;
  std::string event;
};
std::vector<HostileCase> read_cases(const std::string& tsv_path);
// The .tsv files of tests/data/hostile/events, in name order.
std::vector<std::string> case_files();

// Evaluates a fresh off-hours personal text from t-ana (roster loaded) and expects a verdict
// (with a finding, when `flagged`): the engine still serves after whatever came before.
void expect_still_serving(bg_engine* engine, bool flagged = true);

// Writes a one-file pack into `dir` and returns its path. `body` is YAML after the pack header.
std::string write_pack(const bgtest::TempDir& dir, const std::string& name,
                       const std::string& body);

// A therapist message from t-ana to c-042 on Wed 2026-03-04 at 23:15 (off hours) with `text`.
bgtest::Json late_message(const std::string& id, const std::string& text);

}  // namespace bghostile
