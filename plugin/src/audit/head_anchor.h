// The head anchor: a small file beside the database (<db>.bg-head) recording the newest entry
// the writers committed. The chain alone cannot show that entries were cut off its end; a log
// that ends before its anchor, or disagrees with it, has lost its tail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "audit/chain_key.h"

namespace bg {

struct HeadAnchor {
  int64_t seq = 0;
  std::string audit_id;
  std::string hash;
  std::string mac;  // HMAC of seq and hash under the chain key; "-" for an unkeyed log
};

std::string head_anchor_path(const std::string& db_path);

struct AnchorRead {
  std::optional<HeadAnchor> anchor;  // nullopt: missing or damaged
  std::string problem;               // "" when the file is simply missing
};
AnchorRead read_head_anchor(const std::string& db_path);

// The MAC an anchor carries under `key`.
std::string anchor_mac(const HeadAnchor& anchor, const ChainKey& key);

// A new database was created where an older log had been deleted: its anchor (if any) is moved
// aside to <db>.bg-head.replaced-<UTC time>, kept as evidence. Returns the new name, "" when
// there was none.
std::string retire_head_anchor(const std::string& db_path);

// Records `head` (with its MAC when `key` is set) unless the anchor already records a later
// entry; several writers may call this at once. Returns false when the file could not be
// written (the caller logs it; the entries themselves are committed).
bool advance_head_anchor(const std::string& db_path, HeadAnchor head, const ChainKey* key);

}  // namespace bg
