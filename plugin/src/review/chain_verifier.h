// Checks an audit log end to end: every entry's hash, every link to the entry before it, the
// start (genesis, or a retention checkpoint), and the tail against the head anchor. Names the
// first bad entry and what happened to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/chain_key.h"
#include "audit/head_anchor.h"
#include "review/stored_log.h"

namespace bg::review {

struct VerifyProblem {
  // "edited", "deleted", "inserted", "reordered", "truncated", "anchor" (the head anchor is
  // missing, damaged or forged), "unkeyed" (a key was given but the log's newest entry is not
  // keyed), "key_needed" (keyed entries and no key given).
  std::string what;
  std::string audit_id;  // the first bad entry; "" when it is gone (deleted, truncated)
  int64_t seq = 0;       // its place in the chain
  std::string detail;    // a sentence for people
};

struct VerifyResult {
  size_t entries = 0;
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  std::string head_audit_id;
  std::string head_hash;
  std::string chain;  // how the entries are chained, e.g. "SHA-256", "HMAC-SHA-256"
  std::optional<VerifyProblem> problem;
  std::vector<std::string> notes;  // purges, anchor remarks

  bool ok() const { return !problem; }
};

VerifyResult verify_chain(const StoredLog& log, const ChainKey* key, const AnchorRead& anchor);

}  // namespace bg::review
