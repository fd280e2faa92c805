// One line of a labelled corpus (tests/data/corpus/README.md), read host-side: the event's id,
// whether a client initiated it, and its `label` (which the engine ignores).
#pragma once

#include <string>
#include <string_view>

#include "metrics.h"

namespace boundaryctl {

struct LabelledEvent {
  std::string type;  // "message", "appointment", ..., or a roster type
  std::string id;
  bool roster = false;       // therapist, client or boundary_extension: replayed, not scored
  bool client_side = false;  // a message, social action or payment whose initiator is a client
  bool labelled = false;     // has label.categories
  CategorySet expected;      // label.categories
  std::string note;          // label.note, "" when absent
};

// Throws std::runtime_error saying what is wrong when the line is not a JSON object or its
// `label` is malformed (not an object; `categories` not an array of strings; `note` not text).
// A line without `label` reads as not labelled.
LabelledEvent read_labelled_event(std::string_view line);

}  // namespace boundaryctl
