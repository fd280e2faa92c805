#include "review/log_writer.h"

#include <filesystem>

#include "audit/audit_schema.h"
#include "review/stored_log.h"

namespace bg::review {

LogWriter::LogWriter(const std::string& path, const std::string& key_file) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
    throw LogMissing("no audit log at \"" + path + "\"");
  }
  db_ = Database{path, Database::Mode::write};
  check_readable_schema(db_);
  configure_writer(db_);
  migrate_audit_schema(db_);
  appender_ = std::make_unique<ChainAppender>(db_, path, load_chain_key(key_file));
  appender_->check_key(appender_->tail());
  appender_->check_head_anchor();
}

}  // namespace bg::review
