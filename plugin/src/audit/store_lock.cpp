#include "audit/store_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "audit/audit_store.h"

namespace bg {

StoreLock::StoreLock(const std::string& db_path) {
  const std::string path = db_path + ".bg-lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw AuditFailure("cannot open the audit database: " + path + ": " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    throw AuditFailure(error == EWOULDBLOCK
                           ? "the audit database is in use by another engine (one engine per "
                             "audit log at a time)"
                           : std::string{"cannot lock the audit database: "} +
                                 std::strerror(error));
  }
}

StoreLock::~StoreLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace bg
