// The optional secret that keys the hash chain (HMAC-SHA-256). Without it anyone who can write
// the database file can rewrite the whole chain consistently; with it they cannot.
#pragma once

#include <optional>
#include <string>

namespace bg {

class ChainKey {
 public:
  explicit ChainKey(std::string secret) : secret_(std::move(secret)) {}
  const std::string& secret() const { return secret_; }
  // 16 hex digits that identify the key in messages without revealing it.
  std::string id() const;

 private:
  std::string secret_;
};

inline constexpr const char* kKeyFileVariable = "BOUNDARY_GUARD_AUDIT_KEY_FILE";
inline constexpr const char* kKeyVariable = "BOUNDARY_GUARD_AUDIT_KEY";
inline constexpr size_t kMinimumKeyBytes = 16;

// The key to chain with: the file `key_file` when it is not empty, else the file named by
// $BOUNDARY_GUARD_AUDIT_KEY_FILE, else $BOUNDARY_GUARD_AUDIT_KEY itself; nullopt when none is
// set. A trailing newline in a file is not part of the key. Throws AuditFailure when the file
// cannot be read or the key is shorter than 16 bytes (the message never contains the key).
std::optional<ChainKey> load_chain_key(const std::string& key_file);

}  // namespace bg
