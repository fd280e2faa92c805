#include "policy/message_template.h"

#include <algorithm>

#include "policy/expression/parser.h"
#include "policy/field_vocabulary.h"

namespace bg {

const std::vector<std::string_view>& template_display_names() {
  static const std::vector<std::string_view> names = {
      "therapist",   "client",         "therapist_time", "therapist_zone", "client_time",
      "client_zone", "hours",          "quiet_hours",    "session_end",    "channel",
      "citations",   "evidence",       "rule",           "category",       "setting",
      "amount",      "pattern_entries"};
  return names;
}

bool check_template(std::string_view text, std::string& why) {
  size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    const size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      why = "a '{' is never closed";
      return false;
    }
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const auto& display = template_display_names();
    if (std::find(display.begin(), display.end(), name) == display.end() && find_field(name) < 0) {
      std::vector<std::string> known(display.begin(), display.end());
      for (const auto& f : field_vocabulary()) known.push_back(f.name);
      why = "unknown placeholder {" + std::string{name} + "}";
      if (auto guess = closest_name(name, known)) why += "; did you mean {" + *guess + "}?";
      return false;
    }
    i = close + 1;
  }
  return true;
}

std::string render_template(
    std::string_view text,
    const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::string out;
  out.reserve(text.size() + 64);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    const size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    if (auto value = lookup(text.substr(open + 1, close - open - 1))) {
      out += *value;
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace bg
