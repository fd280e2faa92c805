// Fuzz target: iCalendar input through the iCalendar adapter (libical, time zones, recurrence
// expansion in a window). Whatever the bytes: no crash, hang or exception; only schema-valid
// events; every record accounted for, and every one turned away says why.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/ics_adapter.h"
#include "fuzz_adapter_checks.h"

namespace {

const bg::adapters::MappingConfig& mapping() {
  static const bg::adapters::MappingConfig config = [] {
    auto load = bg::adapters::parse_mapping(R"(
default_time_zone: America/Chicago
time_zone_aliases: {"Hillside Local": America/Chicago}
settings: [{contains: "elm st", setting: office}, {contains: "café", setting: community}]
people:
  - {therapist: t-ana, emails: [ana@h.example]}
  - {client: c-042, emails: [sam@m.example]}
  - {client: c-077, emails: [kim@m.example]}
)",
                                            "fuzz");
    return load.config ? *load.config : bg::adapters::MappingConfig::defaults();
  }();
  return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input{reinterpret_cast<const char*>(data), size};
  bg::adapters::IcsOptions windowed;
  windowed.window_start = bg::parse_rfc3339("2026-03-01T00:00:00Z");
  windowed.window_end = bg::parse_rfc3339("2026-04-01T00:00:00Z");
  windowed.max_occurrences = 200;  // keep an iteration cheap
  bg::fuzz::check_conversion(bg::adapters::convert_ics(input, mapping(), windowed));
  bg::adapters::IcsOptions open;
  open.max_occurrences = 200;
  bg::fuzz::check_conversion(bg::adapters::convert_ics(input, mapping(), open));
  return 0;
}
