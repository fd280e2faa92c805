// Reads a verdict line (as render_verdict_json wrote it) back into a Verdict, for events whose
// verdict comes from the audit log after a restart.
#pragma once

#include <optional>
#include <string_view>

#include "engine/verdict.h"

namespace bg {

std::optional<Verdict> decode_verdict_json(std::string_view json);

}  // namespace bg
