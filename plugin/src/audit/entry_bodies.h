// The JSON bodies of the entries the engine writes. Bodies are what the hash chain covers, so
// they are rendered once, with keys in a fixed order; docs/audit.md lists their fields.
#pragma once

#include <string>

#include "audit/audit_store.h"

namespace bg {

// A flagged event: ids, parties, supervisor, time in UTC and both zones, policy and engine,
// the evidence kept under the policy's setting, and the verdict as returned to the host (its
// audit_id left empty: the entry's own id fills it when the verdict is read back).
std::string verdict_body(const VerdictEntry& entry, const std::string& engine_version);
std::string outcome_body(const OutcomeEntry& entry, const std::string& verdict_audit_id);
std::string policy_body(const PolicyEntry& entry);

// The verdict stored in a verdict entry's body, its line with `audit_id` set; nullopt for a
// body that is not a verdict entry's.
std::optional<LoggedVerdict> logged_verdict_from_body(const std::string& body,
                                                      const std::string& audit_id);

}  // namespace bg
