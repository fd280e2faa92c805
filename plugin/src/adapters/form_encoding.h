// application/x-www-form-urlencoded bodies, as webhooks post them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bg::adapters {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Decodes "a=1&b=%2B2+3" into {{"a","1"},{"b","+2 3"}} in the order given. nullopt with
// `why` (naming the byte offset) for a malformed percent escape.
std::optional<FormFields> parse_form(std::string_view body, std::string& why);

// Decodes one form component: "+" is a space, "%XX" a byte. nullopt when an escape is malformed.
std::optional<std::string> form_decode(std::string_view text);

}  // namespace bg::adapters
