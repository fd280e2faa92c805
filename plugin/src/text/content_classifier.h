// Reads what a message is mainly about from the policy's crisis, administrative and personal
// lexicons. Crisis wins (an off-hours crisis instruction must never read as a problem), then
// personal, then administrative; a text none of them matches is neutral.
#pragma once

#include <string_view>

#include "engine/evaluation_context.h"

namespace bg {

ContentReading classify_content(const Policy& policy, std::string_view text);

}  // namespace bg
