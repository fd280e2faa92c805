// One mapper per FHIR resource type Boundary Guard evaluates. Each writes the events of one
// resource and says in `record` what it could not use and why.
#pragma once

#include <string>
#include <vector>

#include "adapters/conversion.h"
#include "adapters/fhir_context.h"

namespace bg::adapters::fhir {

// Everything a mapper needs about the resource it maps.
struct Input {
  const Json& resource;
  std::string full_url;  // its Bundle.entry.fullUrl, "" outside a bundle
  Context& context;
  RecordReport& record;
  EventWriter& writer;
};

void map_communication(const Input& in);      // fhir_messages.cpp
void map_appointment(const Input& in);        // fhir_sessions.cpp
void map_encounter(const Input& in);          // fhir_sessions.cpp
void map_patient(const Input& in);            // fhir_roster.cpp
void map_practitioner(const Input& in);       // fhir_roster.cpp
void map_practitioner_role(const Input& in);  // fhir_roster.cpp

// "a; b; c".
std::string join(const std::vector<std::string>& parts, const char* separator = "; ");

// Marks the record unmapped with every problem found, when there are any.
bool reject_if(const std::vector<std::string>& problems, RecordReport& record);

}  // namespace bg::adapters::fhir
