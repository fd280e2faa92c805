#include "policy/policy_problem.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "policy/error_codes.h"

namespace bg {

std::string PolicyProblem::describe() const {
  std::string out = where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  out += is_error ? ": error " : ": warning ";
  out += code;
  if (!item.empty()) out += " (" + item + ")";
  out += ": " + message;
  if (!snippet.empty() && where.column > 0) {
    out += "\n    " + snippet + "\n    " + std::string(static_cast<size_t>(where.column - 1), ' ') +
           "^";
  }
  return out;
}

bool has_errors(const std::vector<PolicyProblem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const PolicyProblem& p) { return p.is_error; });
}

std::string render_problems_text(const std::vector<PolicyProblem>& problems) {
  std::string out;
  size_t errors = 0;
  for (const auto& p : problems) {
    out += p.describe() + "\n";
    errors += p.is_error;
  }
  out += std::to_string(errors) + " error(s), " + std::to_string(problems.size() - errors) +
         " warning(s)\n";
  return out;
}

std::string render_problems_json(const std::vector<PolicyProblem>& problems) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& p : problems) {
    const auto* info = find_error_code(p.code);
    list.push_back({{"code", p.code},
                    {"severity", p.is_error ? "error" : "warning"},
                    {"file", p.where.file},
                    {"line", p.where.line},
                    {"column", p.where.column},
                    {"item", p.item},
                    {"message", p.message},
                    {"summary", info ? std::string{info->summary} : std::string{}},
                    {"explanation", info ? std::string{info->explanation} : std::string{}},
                    {"snippet", p.snippet}});
  }
  nlohmann::ordered_json out;
  out["valid"] = !has_errors(problems);
  out["problems"] = list;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace bg
