#include "audit/audit_record.h"

#include <date/date.h>

namespace bg {

std::string format_recorded_at(Instant instant) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", instant);
}

Instant now_instant() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace bg
