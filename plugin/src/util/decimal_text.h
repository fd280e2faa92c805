// Reads a decimal number written in a policy or a model file ("8", "-1.5", "2.5e-3") the same
// way whatever locale the host process has set: strtod and stod follow LC_NUMERIC, so under a
// locale with a decimal comma they would stop at the ".". No leading '+' or white space, no hex,
// no inf or nan: the whole text must be one finite number.
#pragma once

#include <string_view>

namespace bg {

bool parse_decimal(std::string_view text, double& out);

}  // namespace bg
