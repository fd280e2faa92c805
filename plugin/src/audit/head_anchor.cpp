#include "audit/head_anchor.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <date/date.h>

#include "audit/chain_hash.h"

namespace bg {
namespace {

constexpr const char* kMagic = "boundary-guard audit head 1";

// An exclusive flock on <db>.bg-head.lock for the duration of one update.
class AnchorLock {
 public:
  explicit AnchorLock(const std::string& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~AnchorLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  AnchorLock(const AnchorLock&) = delete;
  AnchorLock& operator=(const AnchorLock&) = delete;
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

bool write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string head_anchor_path(const std::string& db_path) { return db_path + ".bg-head"; }

AnchorRead read_head_anchor(const std::string& db_path) {
  AnchorRead result;
  std::ifstream in{head_anchor_path(db_path)};
  if (!in) return result;
  std::string magic, key;
  HeadAnchor a;
  std::getline(in, magic);
  if (magic != kMagic) {
    result.problem = "the head anchor " + head_anchor_path(db_path) + " is damaged";
    return result;
  }
  bool seq = false, id = false, hash = false, mac = false;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields{line};
    std::string value;
    fields >> key >> value;
    if (key == "seq") {
      try {
        a.seq = std::stoll(value);
        seq = true;
      } catch (const std::exception&) {
      }
    } else if (key == "audit_id") {
      a.audit_id = value;
      id = true;
    } else if (key == "hash") {
      a.hash = value;
      hash = true;
    } else if (key == "mac") {
      a.mac = value;
      mac = true;
    }
  }
  if (!(seq && id && hash && mac) || a.hash.size() != 64) {
    result.problem = "the head anchor " + head_anchor_path(db_path) + " is damaged";
    return result;
  }
  result.anchor = a;
  return result;
}

std::string anchor_mac(const HeadAnchor& anchor, const ChainKey& key) {
  return hmac_sha256_hex(key.secret(),
                         "boundary-guard-head\n" + std::to_string(anchor.seq) + "\n" + anchor.hash);
}

std::string retire_head_anchor(const std::string& db_path) {
  const std::string path = head_anchor_path(db_path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string aside = path + ".replaced-" + date::format("%Y%m%dT%H%M%SZ", now);
  return std::rename(path.c_str(), aside.c_str()) == 0 ? aside : std::string{};
}

bool advance_head_anchor(const std::string& db_path, HeadAnchor head, const ChainKey* key) {
  const std::string path = head_anchor_path(db_path);
  AnchorLock lock{path + ".lock"};
  if (!lock.ok()) return false;
  const auto current = read_head_anchor(db_path);
  // Never backwards, never rewritten: an anchor ahead of the log is the evidence of a cut tail.
  if (current.anchor && current.anchor->seq >= head.seq) return true;
  head.mac = key != nullptr ? anchor_mac(head, *key) : "-";
  std::ostringstream text;
  text << kMagic << "\nseq " << head.seq << "\naudit_id " << head.audit_id << "\nhash " << head.hash
       << "\nmac " << head.mac << "\n";
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  const bool written = write_all(fd, text.str());
  ::close(fd);
  return written && std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace bg
