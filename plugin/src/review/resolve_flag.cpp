// `audit resolve ID`: a supervisor's disposition, appended as its own chained entry (who, when,
// what, why). The flag itself is never changed; its status is derived from its dispositions.
#include <nlohmann/json.hpp>

#include "audit/audit_ids.h"
#include "codec/utf8.h"
#include "review/log_writer.h"
#include "review/review_api.h"

namespace bg::review {
namespace {

constexpr size_t kMaxIdBytes = 256;
constexpr size_t kMaxTextBytes = 8192;

// "" when `value` is acceptable, else why not.
std::string check_text(const std::string& value, const char* name, size_t limit) {
  if (value.size() > limit) {
    return std::string{name} + " is longer than " + std::to_string(limit) + " bytes";
  }
  if (find_invalid_utf8(value) != std::string_view::npos) {
    return std::string{name} + " is not valid UTF-8";
  }
  return {};
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

ReviewReport resolve_flag(const std::string& path, const DispositionInput& d,
                          const ReviewRequest& request) {
  if (blank(d.by)) return {Status::invalid_argument, "a disposition needs who made it (by)"};
  if (d.kind == Disposition::false_positive && blank(d.reason)) {
    return {Status::invalid_argument, "a false positive needs a reason"};
  }
  for (const auto& why :
       {check_text(d.by, "by", kMaxIdBytes), check_text(d.audit_id, "the id", kMaxIdBytes),
        check_text(d.note, "the note", kMaxTextBytes),
        check_text(d.reason, "the reason", kMaxTextBytes)}) {
    if (!why.empty()) return {Status::invalid_argument, why};
  }
  return guarded_review([&]() -> ReviewReport {
    LogWriter writer{path, request.key_file};
    Statement target{writer.db(), "SELECT kind, event_id FROM entries WHERE audit_id = ?"};
    target.bind(1, d.audit_id);
    if (!target.step()) return {Status::not_found, "no flag " + d.audit_id + " in " + path};
    if (target.text(0) != "verdict") {
      return {Status::not_found,
              d.audit_id + " is a " + target.text(0) + " entry, not a flag: resolve the flag"};
    }
    const std::string event_id = target.text(1);
    target.reset();
    const Instant at = d.at ? *d.at : (request.now ? *request.now : now_instant());
    nlohmann::ordered_json body;
    body["target"] = d.audit_id;
    body["disposition"] = disposition_name(d.kind);
    body["by"] = d.by;
    body["at_utc"] = format_recorded_at(at);
    if (!d.note.empty()) body["note"] = d.note;
    if (!d.reason.empty()) body["reason"] = d.reason;
    AuditRecord record{"", "disposition", event_id,
                       format_recorded_at(request.now ? *request.now : now_instant()),
                       body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)};
    const auto result = writer.appender().append({std::move(record)}, kReviewIdPrefix);
    if (result.appended.empty()) return {Status::audit, "the disposition was not recorded"};
    return {Status::ok, result.appended.front().record.audit_id + ": " + d.audit_id + " " +
                            std::string{disposition_name(d.kind)} + " by " + d.by + "\n"};
  });
}

}  // namespace bg::review
