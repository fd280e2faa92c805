// The policy problem codes: one table holds each code's short and long text. Codes are stable;
// a retired code is never reused. docs/policy-reference.md lists them all (a test checks).
#pragma once

#include <string_view>
#include <vector>

namespace bg {

struct ErrorCodeInfo {
  std::string_view code;
  std::string_view summary;      // a few words
  std::string_view explanation;  // what it means and how to fix it
};

const std::vector<ErrorCodeInfo>& policy_error_codes();
const ErrorCodeInfo* find_error_code(std::string_view code);

}  // namespace bg
