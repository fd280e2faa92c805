#include "review/stored_log.h"

#include <filesystem>

#include "audit/audit_schema.h"
#include "audit/sqlite_handle.h"

namespace bg::review {

StoredLog read_stored_log(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
    throw LogMissing("no audit log at \"" + path + "\"");
  }
  StoredLog log;
  log.path = path;
  const Database db{path, Database::Mode::read};
  check_readable_schema(db);
  log.schema_version = audit_schema_version(db);
  // Schema v1 has no format column: its entries are all v1.
  Statement rows{db, log.schema_version >= 2
                         ? "SELECT seq, audit_id, kind, event_id, recorded_at, body, prev_hash, "
                           "hash, format FROM entries ORDER BY seq"
                         : "SELECT seq, audit_id, kind, event_id, recorded_at, body, prev_hash, "
                           "hash, 1 FROM entries ORDER BY seq"};
  while (rows.step()) {
    ChainedEntry e;
    e.seq = rows.integer(0);
    e.record = AuditRecord{rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5)};
    e.prev_hash = rows.text(6);
    e.hash = rows.text(7);
    e.format = static_cast<ChainFormat>(rows.integer(8));
    log.entries.push_back(std::move(e));
  }
  return log;
}

}  // namespace bg::review
