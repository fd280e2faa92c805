// The journal: entries appended with a plain write() before a verdict returns, so that a crash
// of the host process loses nothing the writer thread had not committed yet. Segment files
// <db>.bg-journal.<n>; each record is framed by its length and a CRC-32, so a record torn by a
// crash is recognised and ignored (its verdict never returned). Segments are deleted once every
// record in them is committed. Not thread-safe: the store serialises calls.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "audit/audit_record.h"

namespace bg {

class AuditJournal {
 public:
  explicit AuditJournal(std::string db_path);
  ~AuditJournal();
  AuditJournal(const AuditJournal&) = delete;
  AuditJournal& operator=(const AuditJournal&) = delete;

  // Every intact record of every existing segment, oldest first. Reading stops at the first
  // torn or corrupt record of a segment.
  std::vector<AuditRecord> read_all() const;
  // The existing segment files, oldest first.
  std::vector<std::string> segments() const;

  // Opens a new segment to append to. Throws AuditFailure.
  void start();
  // Appends one record with a single write(). Throws AuditFailure (after cutting off any part
  // that was written, so the segment stays readable).
  void append(const AuditRecord& record);
  // When the current segment holds more than `threshold` bytes, closes it, opens the next one
  // and returns the closed segment's path (to delete once its records are committed).
  std::vector<std::string> rotate_if_larger(size_t threshold);
  // The current segment's size in bytes.
  size_t size() const { return size_; }
  // Closes the current segment and deletes every segment file.
  void remove_all();
  static void remove(const std::vector<std::string>& paths) noexcept;

 private:
  void open_segment(long number);

  std::string db_path_;
  int fd_ = -1;
  long number_ = 0;
  std::string path_;
  size_t size_ = 0;
};

// The framing, exposed for tests: "BGJ1", length (4 bytes, little-endian), CRC-32 of the
// payload (4 bytes), payload (the record as JSON).
std::string encode_journal_record(const AuditRecord& record);

}  // namespace bg
