// Audit ids: a prefix naming who writes the entry and a number, "au-000012". Each prefix has
// one writer at a time, so ids are handed out before an entry is committed without clashing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bg {

// The engine: flagged events and therapist outcomes (the number counts them).
inline constexpr std::string_view kEngineIdPrefix = "au-";
// The engine: policy changes.
inline constexpr std::string_view kPolicyIdPrefix = "pc-";
// Review tools: supervisor dispositions and retention checkpoints.
inline constexpr std::string_view kReviewIdPrefix = "rv-";

// "au-000012": the prefix and the number, zero-padded to at least six digits.
std::string format_audit_id(std::string_view prefix, int64_t number);
// The number of an id with that prefix; nullopt for any other id.
std::optional<int64_t> audit_id_number(std::string_view id, std::string_view prefix);

}  // namespace bg
