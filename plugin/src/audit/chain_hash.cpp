#include "audit/chain_hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace bg {
namespace {

constexpr size_t kBlockBytes = 64;  // SHA-256's block size, for HMAC

std::string sha256_raw(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  const auto& digest = engine.digest();
  return std::string(digest.begin(), digest.end());
}

void add_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '\n';
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// RFC 2104.
std::string hmac_sha256_hex(std::string_view key, std::string_view bytes) {
  std::string k = key.size() > kBlockBytes ? sha256_raw(key) : std::string{key};
  k.resize(kBlockBytes, '\0');
  std::string inner(kBlockBytes, '\0'), outer(kBlockBytes, '\0');
  for (size_t i = 0; i < kBlockBytes; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  inner.append(bytes.data(), bytes.size());
  outer += sha256_raw(inner);
  return sha256_hex(outer);
}

std::string canonical_bytes(const ChainedEntry& e) {
  const AuditRecord& r = e.record;
  std::string out;
  if (e.format == ChainFormat::v1) {
    out.reserve(e.prev_hash.size() + r.body.size() + 128);
    for (const std::string* part :
         {&e.prev_hash, &r.audit_id, &r.kind, &r.event_id, &r.recorded_at}) {
      out += *part;
      out += '\n';
    }
    out += r.body;
    return out;
  }
  out.reserve(r.body.size() + 256);
  out += "boundary-guard-audit/2\n";
  add_field(out, std::to_string(e.seq));
  add_field(out, r.audit_id);
  add_field(out, r.kind);
  add_field(out, r.event_id);
  add_field(out, r.recorded_at);
  add_field(out, r.body);
  add_field(out, e.prev_hash);
  return out;
}

std::string entry_hash(const ChainedEntry& entry, const ChainKey* key) {
  if (entry.format == ChainFormat::v2_keyed) {
    return key == nullptr ? std::string{} : hmac_sha256_hex(key->secret(), canonical_bytes(entry));
  }
  return sha256_hex(canonical_bytes(entry));
}

}  // namespace bg
