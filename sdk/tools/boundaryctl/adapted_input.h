// Inputs in the formats practice systems speak (FHIR R4, iCalendar, Twilio webhooks), turned
// into schema-v1 event lines by the plugin's adapters (ABI 1.2), for `replay` and `convert`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "boundary_guard/boundary_guard.hpp"

namespace boundaryctl {

struct AdapterOptions {
  std::string format = "jsonl";  // "jsonl", "fhir", "ics", "twilio"
  std::string mapping;           // the mapping file; empty: the plugin's defaults
  std::string window_start;      // RFC 3339; ics
  std::string window_end;
  std::string received_at;  // RFC 3339; twilio (default: now)
  std::string twilio_url;   // with twilio_signature: check X-Twilio-Signature
  std::string twilio_signature;
  std::string roster;  // replay: JSON Lines of roster events evaluated before the input
};

// Adds --input, --mapping, --window-start, --window-end, --received-at (and, for `convert`,
// the Twilio signature options) to `cmd`.
void add_adapter_options(CLI::App* cmd, AdapterOptions& options, bool required_format,
                         bool with_signature);

// The options object of bg_api::convert. The auth token for a signature check comes from the
// TWILIO_AUTH_TOKEN environment variable, never from the command line.
std::string adapter_options_json(const AdapterOptions& options);

// The whole input: a file, or standard input for "-". Throws std::runtime_error naming it.
std::string read_whole_input(const std::string& path);

// Converts `path` through the plugin. Throws boundary_guard::Error when the input cannot be read
// or the mapping does not load (the message says why).
boundary_guard::Conversion convert_input(const bg_api* api, const std::string& path,
                                         const AdapterOptions& options);

// Writes the report's records that were not mapped cleanly to stderr, one per line
// ("boundaryctl: Appointment/examplereq: unmapped: ..."); `all` writes the mapped ones too.
// Returns true when something was not evaluated (an unmapped record, a missing resource).
bool print_report(const std::string& report_jsonl, bool all);

// The event lines of a conversion, one at a time, numbered from 1.
class EventLines {
 public:
  explicit EventLines(std::string text = {}) : text_(std::move(text)) {}
  bool next(std::string_view& line);
  uint64_t line_number() const noexcept { return number_; }

 private:
  std::string text_;
  size_t position_ = 0;
  uint64_t number_ = 0;
};

}  // namespace boundaryctl
