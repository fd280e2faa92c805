// What a review call asks for: which flags (filters) and a few options, given by the host as a
// JSON object (keys in docs/audit.md). Unknown keys are errors, so a typo never widens a query.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "model/vocabulary.h"
#include "review/flags.h"
#include "time/timestamp.h"

namespace bg::review {

enum class StatusFilter { any, open, resolved };

struct FlagFilter {
  std::set<std::string> ids;         // audit ids; empty: any
  std::set<std::string> therapists;  // empty: any
  std::set<std::string> clients;
  std::string supervisor;            // the therapists this supervisor is supervisor of record for
  std::set<std::string> categories;  // a flag matches when any finding has one of them
  std::optional<Severity> min_severity;
  StatusFilter status = StatusFilter::any;
  // Dates of the event in the therapist's zone, inclusive.
  std::optional<date::year_month_day> from;
  std::optional<date::year_month_day> until;

  bool matches(const Flag& flag) const;
};

struct ReviewRequest {
  FlagFilter filter;
  std::string key_file;        // the chain's HMAC key; empty: the environment's, if any
  std::string zone;            // the reader's zone for supervisors' and recorded times; "": UTC
  std::string by;              // purge: who purges
  int retention_years = 0;     // purge: at least this many years (never below the log's policies)
  std::optional<Instant> now;  // tests only (not settable from JSON): the clock
};

// The flags of `log` that `filter` matches, in chain order.
std::vector<const Flag*> select_flags(const ReviewLog& log, const FlagFilter& filter);

// Parses `json` (empty: no filters). Returns false with `error` set on a malformed request.
bool parse_review_request(std::string_view json, ReviewRequest& out, std::string& error);

}  // namespace bg::review
