// A review tool's connection for appending to an audit log (dispositions, retention
// checkpoints): the schema brought up to date, the chain's key checked against the log, and the
// head anchor checked so that nothing is appended on top of a log whose tail was cut.
#pragma once

#include <memory>
#include <string>

#include "audit/chain_appender.h"
#include "audit/sqlite_handle.h"

namespace bg::review {

class LogWriter {
 public:
  // Throws LogMissing when there is no log at `path`, AuditFailure otherwise.
  LogWriter(const std::string& path, const std::string& key_file);

  const Database& db() const { return db_; }
  ChainAppender& appender() { return *appender_; }

 private:
  Database db_;
  std::unique_ptr<ChainAppender> appender_;
};

}  // namespace bg::review
