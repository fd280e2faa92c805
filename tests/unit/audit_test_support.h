// Helpers for the audit log's unit tests: verdicts to log, a log built through the store, and
// direct SQL on the database file (the way an attacker or a test tampers with it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_store.h"
#include "audit/sqlite_audit_store.h"

namespace bg::test {

inline constexpr const char* kLateText = "can't sleep, thinking about you. are you up? call me";

// A therapist's flagged message: one finding with the evidence "can't sleep" (0-11).
Verdict flagged_verdict(const std::string& event_id);
// Its entry: t-ana (America/Chicago, supervisor s-lee) to c-042 (America/Denver) at
// 2026-03-04T23:15-06:00, text kLateText.
VerdictEntry entry_for(const Verdict& verdict, std::string_view text = kLateText);

// Options for a store that commits quickly (tests).
AuditStoreOptions quick_options(AuditMode mode = AuditMode::journal);

// Builds a log of `verdicts` flagged events m-1..m-N (an outcome for m-1) and a policy entry.
void build_log(const std::string& path, int verdicts, AuditStoreOptions options = quick_options());

// Runs SQL on the database file directly (no triggers are dropped unless the SQL does).
// Fails the test on an error.
void sql(const std::string& path, const std::string& statements);
// The first column of the first row of a query, "" when none.
std::string sql_value(const std::string& path, const std::string& query);
int64_t sql_count(const std::string& path, const std::string& query);

// `text` as an SQL string literal ('...' with quotes doubled).
std::string sql_quote(const std::string& text);

// Drops the append-only triggers, as an attacker with the file would.
inline constexpr const char* kDropGuards =
    "DROP TRIGGER IF EXISTS entries_no_update; DROP TRIGGER IF EXISTS entries_no_delete;";

// The whole database file and its WAL as bytes (for "never stored" checks).
std::string file_bytes(const std::string& path);

}  // namespace bg::test
