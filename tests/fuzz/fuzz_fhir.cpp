// Fuzz target: FHIR R4 input (a resource, a Bundle, a notification bundle, NDJSON) through the
// FHIR adapter (plugin/src/adapters). Whatever the bytes: no crash, hang or exception; only
// schema-valid events; every record accounted for, and every one turned away says why.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/fhir_adapter.h"
#include "fuzz_adapter_checks.h"

namespace {

const bg::adapters::MappingConfig& mapping() {
  static const bg::adapters::MappingConfig config = [] {
    auto load = bg::adapters::parse_mapping(R"(
default_time_zone: America/Chicago
settings: [{contains: "elm st", setting: office}]
people:
  - {therapist: t-ana, fhir: [Practitioner/ana]}
  - {client: c-042, fhir: [Patient/sam]}
fhir:
  locations: {office: [Location/1]}
  media: {"http://x|personal": personal_email}
  treating_practitioner: {Patient/p: Practitioner/ana}
)",
                                            "fuzz");
    return load.config ? *load.config : bg::adapters::MappingConfig::defaults();
  }();
  return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input{reinterpret_cast<const char*>(data), size};
  bg::adapters::FhirOptions options;
  options.clock = [] { return bg::Instant{std::chrono::milliseconds{1773000000000}}; };
  bg::fuzz::check_conversion(bg::adapters::convert_fhir(input, mapping(), options));
  bg::fuzz::check_conversion(
      bg::adapters::convert_fhir(input, bg::adapters::MappingConfig::defaults(), options));
  return 0;
}
