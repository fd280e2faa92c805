// Helpers shared by the unit tests: an engine on the default pack fed JSON lines.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "policy/policy_loader.h"

namespace bg::test {

// A roster used across tests: t-ana in Chicago (Mon 09-17, Tue 09-12 and 13-17, Wed 09-17,
// Fri 09-13), c-042 in Denver, c-017 without a zone (the therapist's), t-cruz in Los Angeles on
// the policy's default hours.
extern const char* const kRoster[];

std::unique_ptr<Engine> make_engine(const std::string& audit_path = "",
                                    const std::string& options_json = "");

// Evaluates a line and fails the test on anything but ok.
std::shared_ptr<const Verdict> eval(Engine& engine, const std::string& json);

// A therapist message from t-ana to `client` at `at` (RFC 3339) over `channel`.
std::string message(const std::string& id, const std::string& at, const std::string& text,
                    const std::string& channel = "practice_sms",
                    const std::string& client = "c-042", bool from_client = false);

std::vector<std::string> rules_of(const Verdict& verdict);

// A fresh temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

// Policy files written into a fresh folder (`name` may have subfolders), loaded from there.
class PackFolder {
 public:
  void write(const std::string& name, const std::string& text);
  PolicyLoadResult load(const std::string& entry) const { return load_policy(dir_.path(entry)); }
  std::string path(const std::string& name) const { return dir_.path(name); }

 private:
  TempDir dir_;
};

// The first problem with `code`, or null.
const PolicyProblem* find_code(const PolicyLoadResult& result, const std::string& code);

}  // namespace bg::test
