// An audit log as the review tools read it: every entry, in chain order, from a read-only
// connection (a running engine may be writing at the same time).
#pragma once

#include <string>
#include <vector>

#include "audit/audit_record.h"
#include "audit/audit_store.h"

namespace bg::review {

// There is no audit log at the path (BG_E_NOT_FOUND).
struct LogMissing : AuditFailure {
  using AuditFailure::AuditFailure;
};

struct StoredLog {
  std::string path;
  int schema_version = 0;
  std::vector<ChainedEntry> entries;  // by seq
};

// Reads the whole log. Throws LogMissing, or AuditFailure for a file that is not a readable
// audit log. Never creates or changes the file.
StoredLog read_stored_log(const std::string& path);

}  // namespace bg::review
