// Fuzz target: the policy loader (plugin/src/policy) on one pack file. The input is written as
// <tmp>/fuzz/pack.yaml beside a copy of the base pack, so `extends: base` and overrides of real
// rules are reachable. Loading must end in a policy or a list of problems, never a crash, a
// hang or an exception; the problem reports and `policy explain` must render either way.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "policy/policy_loader.h"
#include "policy/policy_problem.h"
#include "tools/policy_explainer.h"

namespace {

namespace fs = std::filesystem;

// A private folder per process: <tmp>/bg-fuzz-policy-<pid>/{base/,fuzz/pack.yaml}.
const fs::path& workspace() {
  static const fs::path root = [] {
    const fs::path dir = fs::temp_directory_path() / ("bg-fuzz-policy-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "fuzz");
    fs::copy(fs::path{BG_SOURCE_POLICY_DIR} / "base", dir / "base", fs::copy_options::recursive);
    return dir;
  }();
  return root;
}

struct Cleanup {
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(workspace(), ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Cleanup cleanup;
  const fs::path pack = workspace() / "fuzz";
  {
    std::ofstream out{pack / "pack.yaml", std::ios::binary | std::ios::trunc};
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const bg::PolicyLoadResult result = bg::load_policy(pack.string());
  const std::string text = bg::render_problems_text(result.problems);
  const std::string json = bg::render_problems_json(result.problems);
  if (!result.policy) {
    if (!bg::has_errors(result.problems) || text.empty()) std::abort();  // failures say why
    return 0;
  }
  if (bg::has_errors(result.problems)) std::abort();  // a policy loads only without errors
  for (const auto& rule : result.policy->rules) {
    (void)bg::explain_policy_text(*result.policy, rule.id);
    (void)bg::explain_policy_json(*result.policy, rule.id);
    break;  // one is enough per input; the fuzzer varies which rule comes first
  }
  (void)result.policy->label();
  return 0;
}
