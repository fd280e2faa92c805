// Fuzz target: a mapping file (YAML or JSON) through the mapping reader. Whatever the bytes: a
// configuration, or problems that each name the file; never a crash, hang or exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/mapping_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const bg::adapters::MappingLoad load = bg::adapters::parse_mapping(text, "fuzz.yaml");
  if (load.config.has_value() == !load.problems.empty()) std::abort();  // exactly one of them
  for (const auto& problem : load.problems) {
    if (problem.rfind("fuzz.yaml", 0) != 0) std::abort();  // every problem names the file
  }
  if (load.config) {
    (void)bg::adapters::match_setting(text, *load.config);
    (void)bg::adapters::normalize_phone(text);
    (void)bg::adapters::normalize_email(text);
  }
  return 0;
}
