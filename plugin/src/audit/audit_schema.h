// The audit database's schema and its forward migrations (PRAGMA user_version). A database
// written by an older plugin is brought up to date when a writer opens it; readers accept every
// version they understand and never change the file.
#pragma once

#include "audit/sqlite_handle.h"

namespace bg {

inline constexpr int kAuditSchemaVersion = 2;

// Sets WAL mode and full syncs for a connection that writes.
void configure_writer(const Database& db);
// The database's schema version (0 for a new, empty file).
int audit_schema_version(const Database& db);
// Applies every migration the database lacks, each in its own transaction. Throws AuditFailure
// for a database newer than this plugin or a failed migration (which is rolled back).
void migrate_audit_schema(const Database& db);
// A retention purge lifts the append-only guard on DELETE inside its transaction and puts it
// back before committing (the only deletion the log ever sees).
void drop_delete_guard(const Database& db);
void restore_delete_guard(const Database& db);

// Throws AuditFailure unless `db` is an audit log this plugin can read (versions 1 to current).
void check_readable_schema(const Database& db);

}  // namespace bg
