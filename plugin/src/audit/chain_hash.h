// The hash chain: each entry's hash covers a canonical serialisation of the entry and the hash
// of the entry before it, so that editing, removing, inserting or reordering entries shows.
#pragma once

#include <string>
#include <string_view>

#include "audit/audit_record.h"
#include "audit/chain_key.h"

namespace bg {

// The prev_hash of the first entry of a log.
inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string sha256_hex(std::string_view bytes);
std::string hmac_sha256_hex(std::string_view key, std::string_view bytes);

// The bytes an entry's hash covers, in the entry's format:
//  v1: prev_hash, audit_id, kind, event_id, recorded_at, body joined by "\n";
//  v2: "boundary-guard-audit/2\n", then seq, audit_id, kind, event_id, recorded_at, body and
//      prev_hash, each written as "<byte length>:<bytes>\n".
std::string canonical_bytes(const ChainedEntry& entry);

// The hash `entry` must carry: SHA-256 of canonical_bytes, or for ChainFormat::v2_keyed their
// HMAC-SHA-256 under `key` (lowercase hex). Returns "" for a keyed entry when `key` is null.
std::string entry_hash(const ChainedEntry& entry, const ChainKey* key);

}  // namespace bg
