#include "abi/audit_api.h"

#include <chrono>
#include <memory>
#include <new>
#include <string>

#include "abi/abi_text.h"
#include "abi/struct_events.h"
#include "review/review_api.h"

namespace bg::abi {
namespace {

using review::ReviewReport;
using review::ReviewRequest;

bool valid(bg_str s) { return s.data != nullptr || s.size == 0; }

std::string copy(bg_str s) {
  return s.data == nullptr ? std::string{} : std::string{s.data, s.size};
}

// Checks the strings and the request, runs `body` and hands its report out.
template <typename Body>
bg_status run(bg_text** report, std::initializer_list<bg_str> strings, bg_str request_json,
              Body&& body) noexcept {
  if (report == nullptr) return BG_E_INVALID_ARGUMENT;
  *report = nullptr;
  try {
    ReviewReport result;
    ReviewRequest request;
    std::string error;
    bool strings_ok = valid(request_json);
    for (const bg_str s : strings) strings_ok = strings_ok && valid(s);
    if (!strings_ok) {
      result = {Status::invalid_argument, "a bg_str has data NULL and a non-zero size"};
    } else if (!review::parse_review_request(copy(request_json), request, error)) {
      result = {Status::invalid_argument, error};
    } else {
      result = body(request);
    }
    *report = new bg_text{std::move(result.text)};
    return static_cast<bg_status>(result.status);
  } catch (const std::bad_alloc&) {
    return BG_E_NO_MEMORY;
  } catch (const std::exception& e) {
    *report = new (std::nothrow) bg_text{std::string{"internal error: "} + e.what()};
    return BG_E_INTERNAL;
  } catch (...) {
    *report = new (std::nothrow) bg_text{"internal error"};
    return BG_E_INTERNAL;
  }
}

}  // namespace

bg_status audit_verify(bg_str audit_path, bg_str request_json, bg_str format,
                       bg_text** report) noexcept {
  return run(report, {audit_path, format}, request_json, [&](const ReviewRequest& request) {
    return review::verify_report(copy(audit_path), request, copy(format));
  });
}

bg_status audit_list(bg_str audit_path, bg_str request_json, bg_str format,
                     bg_text** report) noexcept {
  return run(report, {audit_path, format}, request_json, [&](const ReviewRequest& request) {
    return review::list_report(copy(audit_path), request, copy(format));
  });
}

bg_status audit_show(bg_str audit_path, bg_str audit_id, bg_str request_json, bg_str format,
                     bg_text** report) noexcept {
  return run(report, {audit_path, audit_id, format}, request_json,
             [&](const ReviewRequest& request) {
               return review::show_report(copy(audit_path), copy(audit_id), request, copy(format));
             });
}

bg_status audit_resolve(bg_str audit_path, const bg_disposition* disposition, bg_str request_json,
                        bg_text** report) noexcept {
  return run(report, {audit_path}, request_json, [&](const ReviewRequest& request) {
    bg_disposition d{};
    std::string error;
    const Status status = read_versioned(disposition, sizeof d, sizeof d, &d, error);
    if (status != Status::ok) return ReviewReport{status, error};
    if (!valid(d.audit_id) || !valid(d.by) || !valid(d.note) || !valid(d.reason)) {
      return ReviewReport{Status::invalid_argument, "a bg_str has data NULL and a non-zero size"};
    }
    if (d.kind < BG_DISPOSITION_ACKNOWLEDGED || d.kind > BG_DISPOSITION_REPORTED_TO_BOARD) {
      return ReviewReport{Status::invalid_argument,
                          "kind must be one of BG_DISPOSITION_ACKNOWLEDGED, "
                          "_DISCUSSED_IN_SUPERVISION, _FALSE_POSITIVE, _ESCALATED or "
                          "_REPORTED_TO_BOARD"};
    }
    review::DispositionInput input;
    input.audit_id = copy(d.audit_id);
    input.kind = static_cast<review::Disposition>(d.kind);
    input.by = copy(d.by);
    input.note = copy(d.note);
    input.reason = copy(d.reason);
    if (d.at_ms != 0) input.at = Instant{std::chrono::milliseconds{d.at_ms}};
    return review::resolve_flag(copy(audit_path), input, request);
  });
}

bg_status audit_export(bg_str audit_path, bg_str request_json, bg_str format,
                       bg_text** report) noexcept {
  return run(report, {audit_path, format}, request_json, [&](const ReviewRequest& request) {
    return review::export_report(copy(audit_path), request, copy(format));
  });
}

bg_status audit_bundle(bg_str audit_path, bg_str request_json, bg_text** report) noexcept {
  return run(report, {audit_path}, request_json, [&](const ReviewRequest& request) {
    return review::bundle_report(copy(audit_path), request);
  });
}

bg_status audit_stats(bg_str audit_path, bg_str request_json, bg_str format,
                      bg_text** report) noexcept {
  return run(report, {audit_path, format}, request_json, [&](const ReviewRequest& request) {
    return review::stats_report(copy(audit_path), request, copy(format));
  });
}

bg_status audit_purge(bg_str audit_path, bg_str before_date, bg_str request_json,
                      bg_text** report) noexcept {
  return run(report, {audit_path, before_date}, request_json, [&](const ReviewRequest& request) {
    return review::purge_log(copy(audit_path), copy(before_date), request);
  });
}

}  // namespace bg::abi
