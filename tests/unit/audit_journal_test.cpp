// The journal: records framed with a length and a CRC, read back in order across segments, a
// torn or corrupt tail ignored.
#include "audit/audit_journal.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "audit/audit_store.h"
#include "test_support.h"

namespace bg::test {
namespace {

AuditRecord record(int i) {
  return AuditRecord{"au-" + std::to_string(i), "verdict", "m-" + std::to_string(i),
                     "2026-03-05T05:15:00.000Z", R"({"n":)" + std::to_string(i) + "}"};
}

void append_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream{path, std::ios::binary | std::ios::app} << bytes;
}

TEST(AuditJournal, ReadsBackWhatWasAppendedAcrossSegments) {
  TempDir dir;
  const std::string db = dir.path("audit.db");
  AuditJournal journal{db};
  journal.start();
  journal.append(record(1));
  journal.append(record(2));
  const auto retired = journal.rotate_if_larger(1);
  ASSERT_EQ(retired.size(), 1u);
  EXPECT_TRUE(journal.rotate_if_larger(1).empty()) << "an empty segment is not rotated";
  journal.append(record(3));
  const auto read = AuditJournal{db}.read_all();
  ASSERT_EQ(read.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(read[static_cast<size_t>(i)].audit_id, record(i + 1).audit_id);
    EXPECT_EQ(read[static_cast<size_t>(i)].body, record(i + 1).body);
  }
  AuditJournal::remove(retired);
  EXPECT_EQ(AuditJournal{db}.read_all().size(), 1u);
  journal.remove_all();
  EXPECT_TRUE(AuditJournal{db}.segments().empty());
}

TEST(AuditJournal, ATornTailIsIgnored) {
  TempDir dir;
  const std::string db = dir.path("audit.db");
  {
    AuditJournal journal{db};
    journal.start();
    journal.append(record(1));
  }
  const std::string segment = AuditJournal{db}.segments().at(0);
  const std::string whole = encode_journal_record(record(2));
  append_bytes(segment, whole.substr(0, whole.size() / 2));  // a write cut by a crash
  const auto read = AuditJournal{db}.read_all();
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].audit_id, "au-1");
}

TEST(AuditJournal, ReadingStopsAtACorruptRecord) {
  TempDir dir;
  const std::string db = dir.path("audit.db");
  {
    AuditJournal journal{db};
    journal.start();
    journal.append(record(1));
  }
  const std::string segment = AuditJournal{db}.segments().at(0);
  std::string bad = encode_journal_record(record(2));
  bad[bad.size() - 2] ^= 0x20;  // flips a payload bit: the CRC no longer matches
  append_bytes(segment, bad + encode_journal_record(record(3)));
  append_bytes(segment, "garbage");
  EXPECT_EQ(AuditJournal{db}.read_all().size(), 1u);
}

TEST(AuditJournal, SegmentsOfOtherDatabasesAreNotRead) {
  TempDir dir;
  AuditJournal mine{dir.path("a.db")}, theirs{dir.path("b.db")};
  mine.start();
  theirs.start();
  theirs.append(record(9));
  EXPECT_TRUE(AuditJournal{dir.path("a.db")}.read_all().empty());
  EXPECT_EQ(AuditJournal{dir.path("b.db")}.read_all().size(), 1u);
}

TEST(AuditJournal, AppendWithoutStartAndAnUnwritableFolderFail) {
  TempDir dir;
  AuditJournal journal{dir.path("audit.db")};
  EXPECT_THROW(journal.append(record(1)), AuditFailure);
  AuditJournal nowhere{dir.path("missing/audit.db")};
  EXPECT_THROW(nowhere.start(), AuditFailure);
}

}  // namespace
}  // namespace bg::test
