// A flag as JSON, for `audit list --format json`, `audit show --format json`, exports and
// bundles: its metadata, times in both people's zones, findings with evidence and citations,
// the evidence kept, outcomes and dispositions, and its derived status.
#pragma once

#include <string>

#include "review/flags.h"

namespace bg::review {

// `reader_zone` places supervisors' actions and recorded times ("" : UTC).
Json flag_json(const Flag& flag, const std::string& reader_zone);

std::string dump_json(const Json& j, int indent = -1);

}  // namespace bg::review
