#include "model/event.h"

namespace bg {

std::string EventError::describe() const {
  std::string out;
  if (!event_id.empty()) out += "event \"" + event_id + "\": ";
  if (!field.empty()) out += "field \"" + field + "\": ";
  out += message;
  return out;
}

}  // namespace bg
