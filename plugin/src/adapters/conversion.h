// What an adapter produces from one input: schema-v1 events (JSON Lines) and, for every record
// of the input, what became of it and why. Nothing is dropped without a line in the report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/event_decoder.h"

namespace bg::adapters {

// What became of one record of the input (a FHIR resource, a VEVENT, a webhook request).
enum class Outcome {
  mapped,          // became one or more events
  partial,         // became events, but something in it was not used or was assumed (see reason)
  context,         // used to map other records (a Location), produces no event of its own
  skipped,         // not something Boundary Guard evaluates (a Schedule, a heartbeat)
  needs_resource,  // names a resource without its content (an id-only notification)
  unmapped,        // something Boundary Guard would evaluate, but it could not be mapped
};

std::string_view outcome_name(Outcome outcome);

struct RecordReport {
  std::string record;  // "Appointment/example", "VEVENT 623c...@google.com", "webhook SM..."
  Outcome outcome = Outcome::mapped;
  std::string reason;               // for anything but `mapped`: what and why
  std::vector<std::string> events;  // the ids of the events it produced

  // Adds a note ("; "-separated) and turns a mapped record into a partial one.
  void note(const std::string& text);
  void reject(Outcome why, const std::string& text);
};

struct Conversion {
  std::vector<std::string> events;  // schema-v1 JSON lines, in the order to evaluate them
  std::vector<RecordReport> records;
  std::string input_error;  // set when the input could not be read at all

  bool readable() const { return input_error.empty(); }
  size_t count(Outcome outcome) const;
  // True when some record was unmapped or needs its resource: something was not evaluated.
  bool lost_something() const;

  std::string events_jsonl() const;  // one event per line, each ending in "\n"
  // One JSON object per record: {"record","outcome","reason"?,"events"}; for an unreadable
  // input a single {"input_error": "..."} line.
  std::string report_jsonl() const;
};

using OrderedJson = nlohmann::ordered_json;

// Adds events to a conversion after checking each with the schema-v1 decoder, so that an
// adapter can never emit an event the engine would reject: such an event turns its record into
// `unmapped` with the decoder's message.
class EventWriter {
 public:
  explicit EventWriter(Conversion& out) : out_(out) {}

  // Returns false when the event does not decode: `record` becomes unmapped (or partial, when
  // it already produced other events) with the decoder's message.
  bool add(RecordReport& record, const OrderedJson& event);
  // Appends a finished record to the report.
  void finish(RecordReport record) { out_.records.push_back(std::move(record)); }

 private:
  Conversion& out_;
  EventDecoder decoder_;
};

}  // namespace bg::adapters
