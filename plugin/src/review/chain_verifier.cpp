#include "review/chain_verifier.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "audit/chain_hash.h"

namespace bg::review {
namespace {

using Entries = std::vector<ChainedEntry>;

std::string id_of(const ChainedEntry& e) { return e.record.audit_id; }

VerifyProblem problem(std::string what, const ChainedEntry* e, int64_t seq, std::string detail) {
  return VerifyProblem{std::move(what), e ? id_of(*e) : std::string{}, e ? e->seq : seq,
                       std::move(detail)};
}

// A retention checkpoint that accounts for the entries before `first`.
const ChainedEntry* covering_checkpoint(const Entries& entries, const ChainedEntry& first) {
  for (const auto& e : entries) {
    if (e.record.kind != "checkpoint") continue;
    const auto body = nlohmann::json::parse(e.record.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) continue;
    if (body.value("through_seq", int64_t{-1}) == first.seq - 1 &&
        body.value("through_hash", std::string{}) == first.prev_hash) {
      return &e;
    }
  }
  return nullptr;
}

std::string describe_chain(bool plain, bool keyed) {
  if (plain && keyed) return "SHA-256, then HMAC-SHA-256 (keyed)";
  return keyed ? "HMAC-SHA-256 (keyed)" : "SHA-256 (unkeyed)";
}

// Why entry i does not follow the entry before it.
VerifyProblem broken_link(const Entries& entries, size_t i, int64_t expected_seq,
                          const std::unordered_map<std::string, size_t>& by_hash, bool self_ok) {
  const ChainedEntry& e = entries[i];
  const ChainedEntry* before = i > 0 ? &entries[i - 1] : nullptr;
  const std::string after = before ? " after " + id_of(*before) : std::string{" at the start"};
  if (e.seq > expected_seq) {
    return problem("deleted", nullptr, expected_seq,
                   "entries " + std::to_string(expected_seq) +
                       (e.seq - 1 > expected_seq ? "-" + std::to_string(e.seq - 1) : "") +
                       " are missing" + after + ": " + id_of(e) + " does not chain to " +
                       (before ? id_of(*before) : std::string{"the start"}));
  }
  const auto it = by_hash.find(e.prev_hash);
  if (it != by_hash.end() && it->second > i) {
    return problem("reordered", &e, 0,
                   id_of(e) + " is out of order: it follows " + id_of(entries[it->second]) +
                       ", which now comes after it");
  }
  if (it != by_hash.end() && i >= 1 && it->second + 1 < i) {
    const ChainedEntry& inserted = entries[it->second + 1];
    return problem("inserted", &inserted, 0,
                   id_of(inserted) + " is not part of the chain: " + id_of(e) + " follows " +
                       id_of(entries[it->second]) + " directly");
  }
  if (!self_ok || before == nullptr) {
    return problem("edited", &e, 0,
                   id_of(e) + " was altered: it does not match its hash and does not follow " +
                       (before ? id_of(*before) : std::string{"the start of the log"}));
  }
  return problem("edited", before, 0,
                 id_of(*before) + " was altered and its hash recomputed: " + id_of(e) +
                     " records a different hash for it");
}

void check_anchor(const Entries& entries, const ChainKey* key, const AnchorRead& anchor,
                  bool v2_written, VerifyResult& r) {
  if (!anchor.anchor) {
    if (!anchor.problem.empty()) {
      r.problem = problem("anchor", nullptr, 0, anchor.problem);
    } else if (v2_written) {
      r.problem = problem("anchor", nullptr, 0,
                          "the head anchor (" + std::string{".bg-head"} +
                              " beside the database) is missing: a cut tail cannot be ruled out");
    } else {
      r.notes.push_back("a schema-v1 log has no head anchor: a cut tail cannot be detected");
    }
    return;
  }
  const HeadAnchor& a = *anchor.anchor;
  if (a.mac != "-" ||
      (key != nullptr && !entries.empty() && entries.back().format == ChainFormat::v2_keyed)) {
    if (key == nullptr) {
      r.notes.push_back("the head anchor is keyed; give the key to check its MAC");
    } else if (a.mac != anchor_mac(a, *key)) {
      r.problem = problem("anchor", nullptr, a.seq,
                          "the head anchor's MAC is wrong: it was rewritten without the key");
      return;
    }
  }
  const int64_t last = entries.empty() ? 0 : entries.back().seq;
  if (a.seq > last) {
    r.problem = problem(
        "truncated", nullptr, last + 1,
        "the log ends at " + (entries.empty() ? std::string{"its start"} : id_of(entries.back())) +
            " (entry " + std::to_string(last) + ") but its head anchor records " + a.audit_id +
            " (entry " + std::to_string(a.seq) + "): entries " + std::to_string(last + 1) + "-" +
            std::to_string(a.seq) + " were removed");
    return;
  }
  for (const auto& e : entries) {
    if (e.seq != a.seq) continue;
    if (e.hash != a.hash) {
      r.problem = problem("edited", &e, 0,
                          id_of(e) + " does not match the head anchor (" + a.audit_id +
                              "): the end of the log was rewritten");
      return;
    }
    if (last > a.seq) {
      r.notes.push_back(std::to_string(last - a.seq) + " newest entries after " + a.audit_id +
                        " are not yet confirmed by the head anchor");
    }
    return;
  }
  r.notes.push_back("the head anchor's entry " + a.audit_id + " was purged");
}

}  // namespace

VerifyResult verify_chain(const StoredLog& log, const ChainKey* key, const AnchorRead& anchor) {
  VerifyResult r;
  const Entries& entries = log.entries;
  r.entries = entries.size();
  bool plain = false, keyed = false, v2_seen = false;
  bool v2_written = log.schema_version >= 2;
  std::unordered_map<std::string, size_t> by_hash;
  for (size_t i = 0; i < entries.size(); ++i) by_hash.emplace(entries[i].hash, i);

  std::string expected_prev = kGenesisHash;
  int64_t expected_seq = 1;
  if (!entries.empty()) {
    const ChainedEntry& first = entries.front();
    r.first_seq = first.seq;
    if (first.seq != 1 && first.prev_hash != kGenesisHash) {
      if (const ChainedEntry* c = covering_checkpoint(entries, first)) {
        expected_prev = first.prev_hash;
        expected_seq = first.seq;
        r.notes.push_back("entries 1-" + std::to_string(first.seq - 1) +
                          " were purged under retention (checkpoint " + id_of(*c) + ")");
      }
    }
  }
  for (size_t i = 0; i < entries.size() && !r.problem; ++i) {
    const ChainedEntry& e = entries[i];
    const int format = static_cast<int>(e.format);
    if (format < 1 || format > 3) {
      r.problem = problem("edited", &e, 0,
                          id_of(e) + " has an unknown chain format " + std::to_string(format));
      break;
    }
    if (e.format == ChainFormat::v1 && v2_seen) {
      r.problem = problem("edited", &e, 0,
                          id_of(e) + " claims the schema-v1 format after schema-v2 entries");
      break;
    }
    if (e.format != ChainFormat::v1) v2_seen = true;
    if (e.format == ChainFormat::v2_keyed) {
      keyed = true;
      v2_written = true;
      if (key == nullptr) {
        r.problem = problem(
            "key_needed", &e, 0,
            "entries from " + id_of(e) + " on are keyed (HMAC): give the audit key to verify them");
        break;
      }
    } else {
      if (e.format == ChainFormat::v2) v2_written = true;
      if (keyed) {
        r.problem = problem("edited", &e, 0,
                            id_of(e) +
                                " is not keyed but follows keyed entries: the chain was "
                                "rewritten without the key");
        break;
      }
      plain = true;
    }
    const bool self_ok = entry_hash(e, key) == e.hash;
    const bool linked = e.seq == expected_seq && e.prev_hash == expected_prev;
    if (!linked) {
      r.problem = broken_link(entries, i, expected_seq, by_hash, self_ok);
      break;
    }
    if (!self_ok) {
      const bool first_keyed = e.format == ChainFormat::v2_keyed &&
                               (i == 0 || entries[i - 1].format != ChainFormat::v2_keyed);
      r.problem =
          problem("edited", &e, 0,
                  first_keyed ? id_of(e) +
                                    " does not match its HMAC: the key given is not this "
                                    "log's key, or the entry was edited"
                              : id_of(e) + " was edited: its content does not match its hash");
      break;
    }
    expected_prev = e.hash;
    expected_seq = e.seq + 1;
  }
  if (!entries.empty()) {
    r.last_seq = entries.back().seq;
    r.head_audit_id = id_of(entries.back());
    r.head_hash = entries.back().hash;
  }
  r.chain = describe_chain(plain || entries.empty(), keyed);
  if (!r.problem && key != nullptr && !entries.empty() &&
      entries.back().format != ChainFormat::v2_keyed) {
    // A key was given, so the log is meant to be keyed: an unkeyed tail was either never keyed
    // or rewritten by someone without the key.
    r.problem = problem("unkeyed", &entries.back(), 0,
                        "a key was given but " + id_of(entries.back()) +
                            ", the newest entry, is not keyed: the log was never keyed with it, "
                            "or it was rewritten without the key");
  }
  if (!r.problem) check_anchor(entries, key, anchor, v2_written, r);
  return r;
}

}  // namespace bg::review
