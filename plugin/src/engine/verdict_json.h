// The verdict's JSON written into a larger document (the audit entry's body) without rendering
// it on its own first.
#pragma once

#include <string_view>

#include "codec/json_writer.h"
#include "engine/verdict.h"

namespace bg {

// A span of text as {"start":..,"end":..,"text":..}: evidence in a verdict, excerpts in an entry.
void write_span_json(JsonWriter& out, size_t start, size_t end, std::string_view text);

// The verdict as render_verdict_json() writes it, with `audit_id` in place of the verdict's.
void write_verdict_json(JsonWriter& out, const Verdict& verdict, std::string_view audit_id);

}  // namespace bg
