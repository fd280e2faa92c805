#include "audit/audit_schema.h"

#include <string>

#include "audit/audit_store.h"

namespace bg {
namespace {

// Each migration brings the schema from version N-1 to N; never edit one that has shipped.
constexpr const char* kMigrations[] = {
    // 1: entries, chained. `kind` is 'verdict' or 'outcome'.
    "CREATE TABLE entries ("
    "  seq INTEGER PRIMARY KEY,"
    "  audit_id TEXT NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL,"
    "  event_id TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL);"
    "CREATE UNIQUE INDEX entries_verdict_by_event ON entries(event_id) WHERE kind = 'verdict';"
    "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries"
    "  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;"
    "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries"
    "  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
    // 2: more kinds (policy, disposition, checkpoint), a chain format per entry (1 for the
    // entries written before: their hashes keep verifying the v1 way), and an index for the
    // review queries (an event's outcomes, a flag's dispositions).
    "ALTER TABLE entries ADD COLUMN format INTEGER NOT NULL DEFAULT 1;"
    "CREATE INDEX entries_by_kind ON entries(kind, event_id);",
};

constexpr int kMigrationCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
static_assert(kMigrationCount == kAuditSchemaVersion);

bool has_entries_table(const Database& db) {
  Statement s{db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'"};
  return s.step();
}

}  // namespace

void configure_writer(const Database& db) {
  db.exec("PRAGMA journal_mode=WAL");
  // Each commit is synced: the writer commits in groups, so the cost is shared.
  db.exec("PRAGMA synchronous=FULL");
}

int audit_schema_version(const Database& db) {
  Statement s{db, "PRAGMA user_version"};
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void migrate_audit_schema(const Database& db) {
  db.exec("BEGIN IMMEDIATE");
  int version = 0;
  try {
    version = audit_schema_version(db);
    db.exec("COMMIT");
  } catch (...) {
    db.exec_quietly("ROLLBACK");
    throw;
  }
  if (version > kAuditSchemaVersion) {
    throw AuditFailure("the audit database has schema version " + std::to_string(version) +
                       ", newer than this plugin's " + std::to_string(kAuditSchemaVersion));
  }
  for (int v = version; v < kAuditSchemaVersion; ++v) {
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have migrated meanwhile.
      if (audit_schema_version(db) != v) {
        db.exec("COMMIT");
        continue;
      }
      db.exec(kMigrations[v], "audit database migration");
      db.exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
      db.exec("COMMIT");
    } catch (...) {
      db.exec_quietly("ROLLBACK");
      throw;
    }
  }
}

void drop_delete_guard(const Database& db) {
  db.exec("DROP TRIGGER IF EXISTS entries_no_delete", "audit purge");
}

void restore_delete_guard(const Database& db) {
  db.exec(
      "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries"
      "  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
      "audit purge");
}

void check_readable_schema(const Database& db) {
  const int version = audit_schema_version(db);
  if (version > kAuditSchemaVersion) {
    throw AuditFailure("the audit database has schema version " + std::to_string(version) +
                       ", newer than this plugin's " + std::to_string(kAuditSchemaVersion));
  }
  if (version < 1 || !has_entries_table(db)) {
    throw AuditFailure("this file is not a Boundary Guard audit log");
  }
}

}  // namespace bg
