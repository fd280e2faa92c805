// Notice and explanation templates: text with {placeholders} naming a field of the vocabulary
// ({time.weekday}) or a display value ({therapist_time}, {citations}, ...).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bg {

// The display values a template may use besides the vocabulary's fields.
const std::vector<std::string_view>& template_display_names();

// False, with a reason, when a placeholder is unknown or a brace is not closed.
bool check_template(std::string_view text, std::string& why);

// Replaces each {name} with lookup(name); a name the lookup does not know stays as written.
std::string render_template(
    std::string_view text,
    const std::function<std::optional<std::string>(std::string_view)>& lookup);

}  // namespace bg
