// What every adapter fuzz target checks of a conversion, whatever the input: each event is valid
// schema v1 and belongs to exactly one record, and every record turned away says why.
#pragma once

#include <cstdlib>
#include <set>
#include <string>

#include "adapters/conversion.h"
#include "codec/event_decoder.h"

namespace bg::fuzz {

inline void check_conversion(const bg::adapters::Conversion& c) {
  using bg::adapters::Outcome;
  if (!c.readable()) {
    if (!c.events.empty() || !c.records.empty()) std::abort();  // nothing from unreadable input
    return;
  }
  static const bg::EventDecoder decoder;
  std::multiset<std::string> ids;
  for (const auto& line : c.events) {
    bg::Event event;
    bg::EventError error;
    if (!decoder.decode(line, event, error)) std::abort();  // adapters emit valid events only
    ids.insert(event.id);
  }
  size_t claimed = 0;
  for (const auto& r : c.records) {
    if (r.record.empty()) std::abort();
    const bool produced = r.outcome == Outcome::mapped || r.outcome == Outcome::partial;
    if (!produced && r.reason.empty()) std::abort();  // turned away without a reason
    if (r.outcome == Outcome::partial && r.reason.empty()) std::abort();
    if (!produced && !r.events.empty()) std::abort();
    for (const auto& id : r.events) {
      if (ids.count(id) == 0) std::abort();  // a record claims a missing event
    }
    claimed += r.events.size();
  }
  if (claimed != c.events.size()) std::abort();  // an event no record accounts for
  (void)c.report_jsonl();
  (void)c.events_jsonl();
}

}  // namespace bg::fuzz
