// The next free number of an audit id prefix in a log: one more than the highest number in
// use, or remembered by a retention checkpoint after a purge removed it.
#pragma once

#include <cstdint>
#include <string_view>

#include "audit/sqlite_handle.h"

namespace bg {

int64_t next_id_number(const Database& db, std::string_view prefix);

}  // namespace bg
