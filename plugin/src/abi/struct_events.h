// Events given as the ABI's C structs, turned into schema v1 JSON so that they pass through the
// very same decoder and checks as JSON events.
#pragma once

#include <string>

#include "boundary_guard/boundary_guard.h"
#include "engine/status.h"

namespace bg {

// Fills `json` or returns a status with `error`. Checks struct_size as the ABI requires.
Status struct_event_to_json(bg_event_type type, const void* event, std::string& json,
                            std::string& error);

// Copies a caller's versioned struct (whose first member is uint32_t struct_size) into `out`:
// a shorter struct leaves the missing fields zero; a longer one must be zero past what we know.
Status read_versioned(const void* in, size_t our_size, size_t min_size, void* out,
                      std::string& error);

}  // namespace bg
