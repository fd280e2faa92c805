#include "adapters/conversion.h"

#include <algorithm>

namespace bg::adapters {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::mapped:
      return "mapped";
    case Outcome::partial:
      return "partial";
    case Outcome::context:
      return "context";
    case Outcome::skipped:
      return "skipped";
    case Outcome::needs_resource:
      return "needs_resource";
    case Outcome::unmapped:
      return "unmapped";
  }
  return "unmapped";
}

void RecordReport::note(const std::string& text) {
  if (!reason.empty()) reason += "; ";
  reason += text;
  if (outcome == Outcome::mapped) outcome = Outcome::partial;
}

void RecordReport::reject(Outcome why, const std::string& text) {
  outcome = why;
  reason = text;
  events.clear();
}

size_t Conversion::count(Outcome outcome) const {
  return static_cast<size_t>(std::count_if(records.begin(), records.end(),
                                           [&](const auto& r) { return r.outcome == outcome; }));
}

bool Conversion::lost_something() const {
  return !readable() || count(Outcome::unmapped) > 0 || count(Outcome::needs_resource) > 0;
}

std::string Conversion::events_jsonl() const {
  std::string out;
  for (const auto& e : events) {
    out += e;
    out += '\n';
  }
  return out;
}

std::string Conversion::report_jsonl() const {
  std::string out;
  if (!readable()) {
    OrderedJson line;
    line["input_error"] = input_error;
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  for (const auto& r : records) {
    OrderedJson line;
    line["record"] = r.record;
    line["outcome"] = outcome_name(r.outcome);
    if (!r.reason.empty()) line["reason"] = r.reason;
    line["events"] = r.events;
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

bool EventWriter::add(RecordReport& record, const OrderedJson& event) {
  // Invalid UTF-8 from the input is replaced, so the decoder sees what the engine would.
  std::string line = event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Event decoded;
  EventError error;
  if (!decoder_.decode(line, decoded, error)) {
    const std::string why = "the mapped event was rejected: " + error.describe();
    if (record.events.empty()) {
      record.reject(Outcome::unmapped, why);
    } else {
      record.note(why);
    }
    return false;
  }
  record.events.push_back(decoded.id);
  out_.events.push_back(std::move(line));
  return true;
}

}  // namespace bg::adapters
