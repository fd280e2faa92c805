// The supervisor's review operations on an audit log, as the C ABI (audit_*) and boundaryctl
// audit expose them. Each opens the log itself: read-only except resolve and purge, which append
// inside their own transactions, so they work beside a running engine.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "review/disposition.h"
#include "review/review_request.h"

namespace bg::review {

struct ReviewReport {
  Status status = Status::ok;
  std::string text;  // the report, or what went wrong
};

// The chain end to end. format "text" or "json". ok when intact; audit when an entry was
// edited, deleted, inserted or reordered, or the tail cut (the report names the first bad
// entry); invalid_argument when keyed entries need a key that was not given.
ReviewReport verify_report(const std::string& path, const ReviewRequest& request,
                           std::string_view format);
// Flags matching the filter, oldest first. format "table", "json" or "csv".
ReviewReport list_report(const std::string& path, const ReviewRequest& request,
                         std::string_view format);
// One flag with its findings, evidence, outcomes, dispositions and the pair's other flags.
// format "text" or "json"; not_found for an id that is not a flag.
ReviewReport show_report(const std::string& path, const std::string& audit_id,
                         const ReviewRequest& request, std::string_view format);
// format "csv" (one row per finding) or "jsonl" (one flag per line).
ReviewReport export_report(const std::string& path, const ReviewRequest& request,
                           std::string_view format);
// An evidence bundle (JSON) for a licensing board: the selected flags, their entries and the
// chain proof that they are unaltered. audit (with the bundle) when the chain does not verify.
ReviewReport bundle_report(const std::string& path, const ReviewRequest& request);
// Flags per therapist, per category and per week. format "table", "json" or "csv".
ReviewReport stats_report(const std::string& path, const ReviewRequest& request,
                          std::string_view format);

struct DispositionInput {
  std::string audit_id;  // the flag
  Disposition kind = Disposition::acknowledged;
  std::string by;
  std::string note;
  std::string reason;         // required for false_positive
  std::optional<Instant> at;  // default: now
};
// Appends a disposition entry for a flag. invalid_argument for a missing `by` or reason;
// not_found for an id that is not a flag.
ReviewReport resolve_flag(const std::string& path, const DispositionInput& disposition,
                          const ReviewRequest& request);
// Deletes the entries recorded before `before` (YYYY-MM-DD, UTC) and appends a retention
// checkpoint so the chain still verifies. invalid_argument (refused) for a date inside the
// retention period (at least 6 years; longer when a recorded policy asks for it).
ReviewReport purge_log(const std::string& path, const std::string& before,
                       const ReviewRequest& request);

// Runs `body`, turning a missing log into not_found and an audit failure into audit.
ReviewReport guarded_review(const std::function<ReviewReport()>& body);

}  // namespace bg::review
