#include "audit/chain_key.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "audit/audit_store.h"
#include "audit/chain_hash.h"

namespace bg {
namespace {

ChainKey checked(std::string secret, const std::string& source) {
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.size() < kMinimumKeyBytes) {
    throw AuditFailure("the audit key from " + source + " is shorter than " +
                       std::to_string(kMinimumKeyBytes) + " bytes");
  }
  return ChainKey{std::move(secret)};
}

ChainKey from_file(const std::string& path, const std::string& source) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw AuditFailure("cannot read the audit key file " + source);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return checked(bytes.str(), source);
}

}  // namespace

std::string ChainKey::id() const {
  return hmac_sha256_hex(secret_, "boundary-guard audit key id").substr(0, 16);
}

std::optional<ChainKey> load_chain_key(const std::string& key_file) {
  if (!key_file.empty()) return from_file(key_file, "\"" + key_file + "\"");
  if (const char* file = std::getenv(kKeyFileVariable); file != nullptr && *file != '\0') {
    return from_file(file, std::string{"$"} + kKeyFileVariable);
  }
  if (const char* secret = std::getenv(kKeyVariable); secret != nullptr && *secret != '\0') {
    return checked(secret, std::string{"$"} + kKeyVariable);
  }
  return std::nullopt;
}

}  // namespace bg
