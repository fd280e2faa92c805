// The hash chain's primitives: SHA-256 and HMAC-SHA-256, the canonical bytes of each format,
// and the chain key read from a file or the environment.
#include "audit/chain_hash.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "audit/audit_ids.h"
#include "audit/audit_store.h"
#include "test_support.h"

namespace bg::test {
namespace {

ChainedEntry sample(ChainFormat format) {
  ChainedEntry e;
  e.seq = 7;
  e.record = AuditRecord{"au-000007", "verdict", "m-7", "2026-03-05T05:15:00.123Z", R"({"a":1})"};
  e.format = format;
  e.prev_hash = std::string(64, 'b');
  return e;
}

// Restores an environment variable when the test ends.
class EnvGuard {
 public:
  explicit EnvGuard(const char* name) : name_(name) {
    if (const char* v = std::getenv(name)) saved_ = v, had_ = true;
    unsetenv(name);
  }
  ~EnvGuard() { had_ ? setenv(name_, saved_.c_str(), 1) : unsetenv(name_); }

 private:
  const char* name_;
  std::string saved_;
  bool had_ = false;
};

TEST(ChainHash, Sha256AndHmacMatchPublishedVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231, test case 2.
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // RFC 4231, test case 6: a key longer than the block is hashed first.
  EXPECT_EQ(hmac_sha256_hex(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(ChainHash, VersionOneBytesAreTheFoundationsFormat) {
  const ChainedEntry e = sample(ChainFormat::v1);
  EXPECT_EQ(
      canonical_bytes(e),
      std::string(64, 'b') + "\nau-000007\nverdict\nm-7\n2026-03-05T05:15:00.123Z\n{\"a\":1}");
  EXPECT_EQ(entry_hash(e, nullptr), sha256_hex(canonical_bytes(e)));
}

TEST(ChainHash, VersionTwoBytesAreLengthPrefixedAndCoverTheSeq) {
  ChainedEntry e = sample(ChainFormat::v2);
  EXPECT_EQ(canonical_bytes(e),
            "boundary-guard-audit/2\n1:7\n9:au-000007\n7:verdict\n3:m-7\n"
            "24:2026-03-05T05:15:00.123Z\n7:{\"a\":1}\n64:" +
                std::string(64, 'b') + "\n");
  const std::string hash = entry_hash(e, nullptr);
  e.seq = 8;
  EXPECT_NE(entry_hash(e, nullptr), hash) << "moving an entry changes its hash";
  // Shifting bytes between fields changes the hash (no ambiguity at field boundaries).
  ChainedEntry a = sample(ChainFormat::v2), b = sample(ChainFormat::v2);
  a.record.event_id = "m-7x";
  b.record.recorded_at = "x" + b.record.recorded_at;
  b.record.event_id = "m-7";
  EXPECT_NE(canonical_bytes(a), canonical_bytes(b));
}

TEST(ChainHash, KeyedEntriesNeedTheKey) {
  const ChainedEntry e = sample(ChainFormat::v2_keyed);
  const ChainKey key{"0123456789abcdef-practice-secret"};
  EXPECT_EQ(entry_hash(e, nullptr), "");
  EXPECT_EQ(entry_hash(e, &key), hmac_sha256_hex(key.secret(), canonical_bytes(e)));
  EXPECT_NE(entry_hash(e, &key), entry_hash(sample(ChainFormat::v2), nullptr));
  EXPECT_EQ(key.id().size(), 16u);
  EXPECT_EQ(key.id().find("practice"), std::string::npos);
}

TEST(ChainKeyLoading, ExplicitFileThenEnvironmentFileThenEnvironmentValue) {
  EnvGuard file_var{kKeyFileVariable}, value_var{kKeyVariable};
  TempDir dir;
  EXPECT_FALSE(load_chain_key(""));
  const std::string path = dir.path("key");
  std::ofstream{path} << "a-secret-of-enough-length\n";
  EXPECT_EQ(load_chain_key(path)->secret(), "a-secret-of-enough-length");
  setenv(kKeyVariable, "secret-from-the-environment", 1);
  EXPECT_EQ(load_chain_key("")->secret(), "secret-from-the-environment");
  setenv(kKeyFileVariable, path.c_str(), 1);
  EXPECT_EQ(load_chain_key("")->secret(), "a-secret-of-enough-length");
}

TEST(ChainKeyLoading, ShortKeysAndUnreadableFilesAreErrorsThatNeverShowTheKey) {
  EnvGuard file_var{kKeyFileVariable}, value_var{kKeyVariable};
  TempDir dir;
  EXPECT_THROW(load_chain_key(dir.path("missing")), AuditFailure);
  const std::string path = dir.path("short");
  std::ofstream{path} << "tiny-secret\n";
  try {
    load_chain_key(path);
    FAIL() << "a short key was accepted";
  } catch (const AuditFailure& e) {
    EXPECT_EQ(std::string{e.what()}.find("tiny-secret"), std::string::npos) << e.what();
    EXPECT_NE(std::string{e.what()}.find("16 bytes"), std::string::npos) << e.what();
  }
  setenv(kKeyVariable, "short", 1);
  EXPECT_THROW(load_chain_key(""), AuditFailure);
}

TEST(AuditIds, FormatAndParseByPrefix) {
  EXPECT_EQ(format_audit_id(kEngineIdPrefix, 12), "au-000012");
  EXPECT_EQ(format_audit_id(kReviewIdPrefix, 1234567), "rv-1234567");
  EXPECT_EQ(audit_id_number("au-000012", kEngineIdPrefix), 12);
  EXPECT_FALSE(audit_id_number("au-000012", kPolicyIdPrefix));
  EXPECT_FALSE(audit_id_number("au-", kEngineIdPrefix));
  EXPECT_FALSE(audit_id_number("au-12x", kEngineIdPrefix));
}

}  // namespace
}  // namespace bg::test
