#include "tools/yaml_json.h"

#include <cstdlib>

namespace bg {

nlohmann::ordered_json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::ordered_json out = nlohmann::ordered_json::object();
      for (const auto& kv : node) out[kv.first.as<std::string>("")] = yaml_to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& item : node) out.push_back(yaml_to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (node.Tag() == "?") {  // plain (unquoted)
        if (text == "true" || text == "false") return text == "true";
        if (text == "null" || text == "~") return nullptr;
        char* end = nullptr;
        const double number = std::strtod(text.c_str(), &end);
        if (!text.empty() && end == text.c_str() + text.size()) {
          if (text.find_first_of(".eE") == std::string::npos) return static_cast<long long>(number);
          return number;
        }
      }
      return text;
    }
    default:
      return nullptr;
  }
}

}  // namespace bg
