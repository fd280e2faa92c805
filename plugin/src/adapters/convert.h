// One entry point for every adapter: a format name, a mapping file and an input in; events and
// the per-record report out. Behind the ABI's convert() and evaluate_fhir().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/conversion.h"
#include "adapters/fhir_adapter.h"
#include "adapters/ics_adapter.h"
#include "adapters/mapping_config.h"
#include "adapters/twilio_adapter.h"

namespace bg::adapters {

enum class InputFormat { fhir, ics, twilio, jsonl };

// "fhir", "ics" (or "icalendar"), "twilio", "jsonl".
std::optional<InputFormat> parse_input_format(std::string_view name);

struct ConvertOptions {
  FhirOptions fhir;
  IcsOptions ics;
  TwilioOptions twilio;
};

// Reads the options object of the ABI's convert(): window_start, window_end, received_at
// (RFC 3339), max_occurrences, twilio_signature, twilio_url, twilio_auth_token. An unknown
// key is an error. Empty text: no options.
bool parse_convert_options(std::string_view json, ConvertOptions& out, std::string& error);

Conversion convert(InputFormat format, std::string_view input, const MappingConfig& config,
                   const ConvertOptions& options = {});

// Schema-v1 JSON Lines as they are, each line checked by the event decoder (for hosts that
// already speak the schema and want the same report).
Conversion convert_jsonl(std::string_view input);

// The mapping at `path` (empty: the defaults), read once and kept while the file is unchanged
// (same size and modification time). nullptr with the problems in `error`. Thread-safe.
std::shared_ptr<const MappingConfig> cached_mapping(const std::string& path, std::string& error);

}  // namespace bg::adapters
