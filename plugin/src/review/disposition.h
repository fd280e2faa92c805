// A supervisor's disposition of a flag. The flag's status is derived from the last one: every
// disposition closes the flag except `escalated`, which passes it on and keeps it open.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace bg::review {

enum class Disposition {
  acknowledged = 1,
  discussed_in_supervision = 2,
  false_positive = 3,  // needs a reason
  escalated = 4,
  reported_to_board = 5,
};

inline constexpr std::array<std::string_view, 5> kDispositionNames{
    "acknowledged", "discussed_in_supervision", "false_positive", "escalated", "reported_to_board"};

inline std::string_view disposition_name(Disposition d) {
  return kDispositionNames[static_cast<size_t>(d) - 1];
}

inline std::optional<Disposition> parse_disposition(std::string_view name) {
  for (size_t i = 0; i < kDispositionNames.size(); ++i) {
    if (kDispositionNames[i] == name) return static_cast<Disposition>(i + 1);
  }
  return std::nullopt;
}

inline bool closes_flag(std::string_view disposition) { return disposition != "escalated"; }

}  // namespace bg::review
