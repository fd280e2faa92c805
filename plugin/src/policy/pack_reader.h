// Reads one policy pack from disk: a YAML file, or a folder holding pack.yaml and further .yaml
// fragments. Only reads and parses YAML; meaning is checked by the compiler.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "policy/policy_problem.h"

namespace bg {

struct SourceFile {
  std::string path;
  std::string text;
  YAML::Node root;

  // The 1-based source line, without its newline; empty when out of range.
  std::string line(int number) const;
};

// Collects problems with their source snippets.
class ProblemSink {
 public:
  explicit ProblemSink(std::vector<PolicyProblem>& out) : out_(out) {}
  void add(const char* code, bool is_error, const SourceFile& file, const YAML::Mark& mark,
           std::string item, std::string message, int column_shift = 0);
  void error(const SourceFile& file, const YAML::Node& node, const char* code, std::string item,
             std::string message) {
    add(code, true, file, node.Mark(), std::move(item), std::move(message));
  }
  void warning(const SourceFile& file, const YAML::Node& node, const char* code, std::string item,
               std::string message) {
    add(code, false, file, node.Mark(), std::move(item), std::move(message));
  }
  void error_without_position(const char* code, std::string file, std::string message);
  std::vector<PolicyProblem>& problems() { return out_; }

 private:
  std::vector<PolicyProblem>& out_;
};

struct PackReference {
  std::string name;
  std::shared_ptr<const SourceFile> file;
  YAML::Node node;
};

struct RawPack {
  std::string name;
  std::string version;
  std::string description;
  std::string directory;  // where `extends` names are looked up
  std::vector<PackReference> extends;
  std::vector<std::shared_ptr<const SourceFile>> files;  // the head first, then fragments
};

// Reads a pack, reporting unreadable files and YAML syntax errors. nullopt when unusable.
std::optional<RawPack> read_pack(const std::string& path, ProblemSink& sink);

// The path a pack name refers to from a pack in `directory`, or "" when none exists.
std::string resolve_pack(const std::string& name, const std::string& directory);

}  // namespace bg
