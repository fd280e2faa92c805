// Reads what an event's text is mainly about from the policy's `crisis`, `personal` and
// `administrative` lexicons. Crisis wins (an off-hours crisis instruction must never read as a
// problem), then personal, then administrative; text none of them matches is neutral.
#pragma once

#include "engine/evaluation_context.h"

namespace bg {

ContentReading classify_content(const EvaluationContext& context);

}  // namespace bg
