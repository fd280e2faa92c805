// The ABI 1.3 audit review entry points (boundary_guard.h documents them). Each catches
// everything: no exception leaves these functions.
#pragma once

#include "boundary_guard/boundary_guard.h"

namespace bg::abi {

bg_status audit_verify(bg_str audit_path, bg_str request_json, bg_str format,
                       bg_text** report) noexcept;
bg_status audit_list(bg_str audit_path, bg_str request_json, bg_str format,
                     bg_text** report) noexcept;
bg_status audit_show(bg_str audit_path, bg_str audit_id, bg_str request_json, bg_str format,
                     bg_text** report) noexcept;
bg_status audit_resolve(bg_str audit_path, const bg_disposition* disposition, bg_str request_json,
                        bg_text** report) noexcept;
bg_status audit_export(bg_str audit_path, bg_str request_json, bg_str format,
                       bg_text** report) noexcept;
bg_status audit_bundle(bg_str audit_path, bg_str request_json, bg_text** report) noexcept;
bg_status audit_stats(bg_str audit_path, bg_str request_json, bg_str format,
                      bg_text** report) noexcept;
bg_status audit_purge(bg_str audit_path, bg_str before_date, bg_str request_json,
                      bg_text** report) noexcept;

}  // namespace bg::abi
