#include "audit/id_counter.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

namespace bg {

int64_t next_id_number(const Database& db, std::string_view prefix) {
  Statement max{db,
                "SELECT MAX(CAST(substr(audit_id, ?2) AS INTEGER)) FROM entries "
                "WHERE substr(audit_id, 1, ?3) = ?1"};
  max.bind(1, prefix)
      .bind(2, static_cast<int64_t>(prefix.size() + 1))
      .bind(3, static_cast<int64_t>(prefix.size()));
  int64_t next = (max.step() && !max.is_null(0) ? max.integer(0) : 0) + 1;
  Statement checkpoints{db, "SELECT body FROM entries WHERE kind = 'checkpoint'"};
  const std::string key{prefix};
  while (checkpoints.step()) {
    const auto body = nlohmann::json::parse(checkpoints.text(0), nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("id_high_water")) continue;
    const auto& high = body["id_high_water"];
    if (high.is_object() && high.contains(key) && high[key].is_number_integer()) {
      next = std::max(next, high[key].get<int64_t>() + 1);
    }
  }
  return next;
}

}  // namespace bg
