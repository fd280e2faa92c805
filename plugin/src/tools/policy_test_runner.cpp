#include "tools/policy_test_runner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/engine.h"
#include "policy/pack_reader.h"
#include "policy/policy_loader.h"
#include "tools/yaml_json.h"

namespace bg {
namespace {

namespace fs = std::filesystem;

std::string join(const std::set<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + item;
  return out + "]";
}

void compare_sets(const char* what, const YAML::Node& expected, const std::set<std::string>& got,
                  PolicyTestCaseResult& result) {
  std::set<std::string> want;
  for (const auto& item : expected) want.insert(item.as<std::string>(""));
  if (want != got) {
    result.differences.push_back(std::string{what} + ": expected " + join(want) + ", got " +
                                 join(got));
  }
}

void run_file(const fs::path& file, const std::string& pack_path,
              const std::shared_ptr<const Policy>& policy, PolicyTestReport& report,
              std::set<std::string>& exercised) {
  std::vector<PolicyProblem> problems;
  ProblemSink sink{problems};
  SourceFile source;
  source.path = file.string();
  {
    std::ifstream in{file, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    source.text = text.str();
  }
  try {
    source.root = YAML::Load(source.text);
  } catch (const YAML::Exception& e) {
    sink.add("BG-P002", true, source, e.mark, "", "not valid YAML: " + e.msg);
    report.problems.insert(report.problems.end(), problems.begin(), problems.end());
    return;
  }
  EngineConfig config;
  config.policy_path = pack_path;
  config.policy = policy;  // each file gets a fresh engine (roster, pattern state), one compile
  Engine engine{config};
  if (const auto roster = source.root["roster"]) {
    for (const auto& entry : roster) {
      const auto result = engine.evaluate_json(yaml_to_json(entry).dump());
      if (result.status != Status::ok) sink.error(source, entry, "BG-P006", "roster", result.error);
    }
  }
  const auto cases = source.root["cases"];
  if (!cases || !cases.IsSequence()) {
    sink.error(source, source.root, "BG-P005", "", "a policy test file needs a list of cases");
  } else {
    for (const auto& c : cases) {
      PolicyTestCaseResult result;
      result.file = source.path;
      result.line = c.Mark().line + 1;
      result.name =
          c["name"] ? c["name"].as<std::string>("") : "case at line " + std::to_string(result.line);
      const auto event = c["event"];
      const auto expect = c["expect"];
      if (!event || !expect) {
        result.differences.push_back("a case needs an event and an expect");
      } else {
        const auto outcome = engine.evaluate_json(yaml_to_json(event).dump());
        if (outcome.status != Status::ok || !outcome.verdict) {
          result.differences.push_back("the event was rejected: " + outcome.error);
        } else {
          const Verdict& v = *outcome.verdict;
          std::set<std::string> rules, categories, suppressed;
          for (const auto& f : v.findings) {
            rules.insert(f.rule);
            categories.insert(std::string{name_of(f.category)});
            if (!f.suppressed_by.empty()) suppressed.insert(f.suppressed_by);
            exercised.insert(f.rule);
          }
          if (expect["decision"] && expect["decision"].as<std::string>("") != name_of(v.decision)) {
            result.differences.push_back("decision: expected " +
                                         expect["decision"].as<std::string>("") + ", got " +
                                         std::string{name_of(v.decision)});
          }
          if (expect["rules"]) compare_sets("rules", expect["rules"], rules, result);
          if (expect["categories"])
            compare_sets("categories", expect["categories"], categories, result);
          if (expect["suppressed_by"])
            compare_sets("suppressed_by", expect["suppressed_by"], suppressed, result);
        }
      }
      result.passed = result.differences.empty();
      (result.passed ? report.passed : report.failed)++;
      report.cases.push_back(std::move(result));
    }
  }
  report.problems.insert(report.problems.end(), problems.begin(), problems.end());
}

}  // namespace

PolicyTestReport run_policy_tests(const std::string& pack_path, const std::string& tests_dir) {
  PolicyTestReport report;
  auto loaded = load_policy(pack_path);
  report.problems = loaded.problems;
  if (!loaded.policy) return report;
  std::error_code ec;
  fs::path dir = tests_dir;
  if (dir.empty()) {
    const fs::path pack{pack_path};
    dir = (fs::is_directory(pack, ec) ? pack : pack.parent_path()) / "tests";
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::set<std::string> exercised;
  for (const auto& file : files) run_file(file, pack_path, loaded.policy, report, exercised);
  for (const auto& rule : loaded.policy->rules) {
    if (rule.enabled && exercised.count(rule.id) == 0) report.untested_rules.push_back(rule.id);
  }
  return report;
}

std::string PolicyTestReport::render_text() const {
  std::string out;
  for (const auto& p : problems) out += p.describe() + "\n";
  for (const auto& c : cases) {
    out += std::string{c.passed ? "PASS " : "FAIL "} + c.name + "  (" + c.file + ":" +
           std::to_string(c.line) + ")\n";
    for (const auto& d : c.differences) out += "     " + d + "\n";
  }
  if (!untested_rules.empty()) {
    out += "Rules no case exercises:";
    for (const auto& id : untested_rules) out += " " + id;
    out += "\n";
  }
  if (cases.empty() && !has_errors(problems)) out += "No test cases found.\n";
  out += std::to_string(passed) + " passed, " + std::to_string(failed) + " failed\n";
  return out;
}

std::string PolicyTestReport::render_json() const {
  nlohmann::ordered_json out;
  out["ok"] = ok();
  out["passed"] = passed;
  out["failed"] = failed;
  auto& list = out["cases"] = nlohmann::ordered_json::array();
  for (const auto& c : cases) {
    list.push_back({{"name", c.name},
                    {"file", c.file},
                    {"line", c.line},
                    {"passed", c.passed},
                    {"differences", c.differences}});
  }
  out["untested_rules"] = untested_rules;
  out["problems"] = nlohmann::ordered_json::parse(render_problems_json(problems))["problems"];
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace bg
