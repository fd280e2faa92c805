// HL7 FHIR R4 -> schema-v1 events: Communication, Appointment, Encounter, Patient,
// Practitioner, PractitionerRole (Location as context), in Bundles of any type, in Subscription
// notification bundles (full-resource; id-only ones are reported as needing the resource), or
// as NDJSON. docs/integrations/fhir.md describes the mapping.
#pragma once

#include <functional>
#include <string_view>

#include "adapters/conversion.h"
#include "adapters/mapping_config.h"
#include "time/timestamp.h"

namespace bg::adapters {

struct FhirOptions {
  // Stamps a Communication being prepared (no `sent` yet). Default: the system clock.
  std::function<Instant()> clock;
  size_t max_input_bytes = 32u << 20;
  size_t max_depth = 64;
};

// Never throws for any input (std::bad_alloc aside).
Conversion convert_fhir(std::string_view input, const MappingConfig& config,
                        const FhirOptions& options = {});

}  // namespace bg::adapters
