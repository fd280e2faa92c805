// The adapters as the C ABI offers them: texts in, texts and a status out. The ABI layer only
// copies strings and catches exceptions; everything else happens here.
#pragma once

#include <string>
#include <string_view>

#include "engine/engine.h"
#include "engine/status.h"

namespace bg::adapters {

struct ServiceResult {
  Status status = Status::ok;
  std::string output;  // events (convert) or verdicts (evaluate_fhir), JSON Lines
  std::string report;  // the per-record report, JSON Lines; or the message of a bad argument
  std::string error;   // for last_error(): what failed, "" on success
};

// convert(): `format` names the adapter; `options_json` as parse_convert_options() reads it.
ServiceResult convert_input(std::string_view format, const std::string& mapping_path,
                            std::string_view input, std::string_view options_json);

// evaluate_fhir(): converts FHIR input and evaluates each event on `engine`, in order.
ServiceResult evaluate_fhir(Engine& engine, const std::string& mapping_path,
                            std::string_view input);

}  // namespace bg::adapters
