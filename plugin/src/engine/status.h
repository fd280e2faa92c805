// Engine results; the values are the ABI's bg_status codes.
#pragma once

namespace bg {

enum class Status {
  ok = 0,
  invalid_argument = 1,
  bad_event = 2,
  policy = 3,
  audit = 4,
  not_found = 5,
  unsupported = 6,
  no_memory = 7,
  internal = 8,
};

}  // namespace bg
