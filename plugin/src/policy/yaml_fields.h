// Typed reads from YAML nodes that report a positioned problem instead of throwing.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "policy/expression/parser.h"
#include "policy/pack_reader.h"

namespace bg {

class YamlFields {
 public:
  YamlFields(const SourceFile& file, ProblemSink& sink) : file_(file), sink_(sink) {}

  const SourceFile& file() const { return file_; }
  ProblemSink& sink() { return sink_; }

  void error(const YAML::Node& node, const char* code, const std::string& item,
             std::string message) {
    sink_.error(file_, node, code, item, std::move(message));
  }

  // Warns about keys not in `known`, suggesting the closest known key.
  void check_keys(const YAML::Node& map, const std::vector<std::string_view>& known,
                  const std::string& item) {
    std::vector<std::string> names(known.begin(), known.end());
    for (const auto& kv : map) {
      const auto key = kv.first.as<std::string>("");
      if (std::find(names.begin(), names.end(), key) != names.end()) continue;
      std::string message = "unknown key \"" + key + "\" is ignored";
      if (auto guess = closest_name(key, names)) message += "; did you mean \"" + *guess + "\"?";
      sink_.warning(file_, kv.first, "BG-P004", item, message);
    }
  }

  bool scalar(const YAML::Node& node, std::string& out, const std::string& item,
              std::string_view what) {
    if (!node.IsScalar()) {
      error(node, "BG-P003", item, std::string{what} + " must be a single value");
      return false;
    }
    out = node.Scalar();
    return true;
  }

  bool string_list(const YAML::Node& node, std::vector<std::string>& out, const std::string& item,
                   std::string_view what) {
    if (!node.IsSequence()) {
      error(node, "BG-P003", item, std::string{what} + " must be a list, such as [a, b]");
      return false;
    }
    bool ok = true;
    for (const auto& entry : node) {
      std::string value;
      if (scalar(entry, value, item, what)) {
        out.push_back(value);
      } else {
        ok = false;
      }
    }
    return ok;
  }

  template <typename E>
  bool name(const YAML::Node& node, E& out, const std::string& item, std::string_view what) {
    std::string value;
    if (!scalar(node, value, item, what)) return false;
    if (const auto parsed = parse_name<E>(value)) {
      out = *parsed;
      return true;
    }
    std::string message =
        std::string{what} + " \"" + value + "\" is not one of " + std::string{accepted_names<E>()};
    std::vector<std::string> all(Names<E>::kAll.begin(), Names<E>::kAll.end());
    if (auto guess = closest_name(value, all)) message += "; did you mean \"" + *guess + "\"?";
    error(node, "BG-P006", item, message);
    return false;
  }

  bool boolean(const YAML::Node& node, bool& out, const std::string& item, std::string_view what) {
    std::string text;
    if (!scalar(node, text, item, what)) return false;
    if (text == "true" || text == "false") {
      out = text == "true";
      return true;
    }
    error(node, "BG-P003", item, std::string{what} + " must be true or false");
    return false;
  }

  // The 1-based line and column of character `offset` of a scalar's text, accounting for quotes
  // and block scalars; approximate for multi-line values.
  std::pair<int, int> position_in_scalar(const YAML::Node& node, size_t offset) const {
    const auto mark = node.Mark();
    int line = mark.line + 1;
    int column = mark.column + 1;
    const std::string text = file_.line(line);
    const size_t at = static_cast<size_t>(mark.column);
    if (at < text.size() && (text[at] == '>' || text[at] == '|')) {
      const std::string next = file_.line(line + 1);
      const size_t indent = next.find_first_not_of(' ');
      return {line + 1, static_cast<int>(indent == std::string::npos ? 0 : indent) + 1 +
                            static_cast<int>(offset)};
    }
    if (at < text.size() && (text[at] == '"' || text[at] == '\'')) ++column;
    return {line, column + static_cast<int>(offset)};
  }

 private:
  const SourceFile& file_;
  ProblemSink& sink_;
};

}  // namespace bg
