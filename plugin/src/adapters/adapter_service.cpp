#include "adapters/adapter_service.h"

#include <nlohmann/json.hpp>

#include "adapters/convert.h"

namespace bg::adapters {
namespace {

// Which failure of an evaluation to report when several events failed differently.
int gravity(Status s) {
  switch (s) {
    case Status::no_memory:
      return 4;
    case Status::internal:
      return 3;
    case Status::audit:
      return 2;
    case Status::ok:
      return 0;
    default:
      return 1;
  }
}

std::string id_of(const std::string& line) {
  try {
    const auto doc = nlohmann::json::parse(line);
    const auto it = doc.find("id");
    if (it != doc.end() && it->is_string()) return it->get<std::string>();
  } catch (const nlohmann::json::exception&) {
  }
  return {};
}

}  // namespace

ServiceResult convert_input(std::string_view format_name, const std::string& mapping_path,
                            std::string_view input, std::string_view options_json) {
  ServiceResult result;
  const auto format = parse_input_format(format_name);
  if (!format) {
    result.status = Status::invalid_argument;
    result.report = "format must be \"fhir\", \"ics\", \"twilio\" or \"jsonl\", not \"" +
                    std::string{format_name} + "\"";
    result.error = result.report;
    return result;
  }
  ConvertOptions options;
  std::string error;
  if (!parse_convert_options(options_json, options, error)) {
    result.status = Status::invalid_argument;
    result.report = result.error = error;
    return result;
  }
  const auto mapping = cached_mapping(mapping_path, error);
  if (!mapping) {
    result.status = Status::invalid_argument;
    result.report = result.error = error;
    return result;
  }
  const Conversion conversion = convert(*format, input, *mapping, options);
  result.output = conversion.events_jsonl();
  result.report = conversion.report_jsonl();
  if (!conversion.readable()) {
    result.status = Status::bad_event;
    result.error = "the input cannot be read: " + conversion.input_error;
  }
  return result;
}

ServiceResult evaluate_fhir(Engine& engine, const std::string& mapping_path,
                            std::string_view input) {
  ServiceResult result;
  std::string error;
  const auto mapping = cached_mapping(mapping_path, error);
  if (!mapping) {
    result.status = Status::invalid_argument;
    result.report = result.error = error;
    return result;
  }
  const Conversion conversion = convert_fhir(input, *mapping);
  result.report = conversion.report_jsonl();
  if (!conversion.readable()) {
    result.status = Status::bad_event;
    result.error = "the FHIR input cannot be read: " + conversion.input_error;
    return result;
  }
  for (const auto& line : conversion.events) {
    const EvaluateResult evaluated = engine.evaluate_json(line);
    if (evaluated.verdict) {
      result.output += evaluated.verdict->json;
    } else {
      nlohmann::ordered_json rejected;
      rejected["event"] = id_of(line);
      rejected["error"] = evaluated.error;
      result.output += rejected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    result.output += '\n';
    if (gravity(evaluated.status) > gravity(result.status)) {
      result.status = evaluated.status;
      result.error = evaluated.error;
    }
  }
  return result;
}

}  // namespace bg::adapters
