// `audit bundle`: an evidence bundle for a licensing board. It holds the selected flags as a
// reviewer reads them, the exact entries behind them (so their hashes can be recomputed), and
// the chain from the first of them to the head (ids and hashes only: other clients' entries are
// not disclosed), with the head anchor and the verification result.
#include <algorithm>
#include <cstdint>
#include <set>

#include "audit/chain_hash.h"
#include "review/chain_verifier.h"
#include "review/flag_json.h"
#include "review/review_api.h"

namespace bg::review {
namespace {

constexpr const char* kHowToVerify =
    "Each entry in `entries` is one row of the audit log. For format 2 its hash is the lowercase "
    "hex SHA-256 (format 3: HMAC-SHA-256 under the practice's key) of: the line "
    "\"boundary-guard-audit/2\", then seq, audit_id, kind, event_id, recorded_at, body and "
    "prev_hash, each written as <length in bytes>:<bytes> and a newline. Format 1 hashes "
    "prev_hash, audit_id, kind, event_id, recorded_at and body joined by newlines. In `chain`, "
    "each link's prev_hash is the hash of the link before it; every entry of `entries` appears "
    "in `chain` with the same hash; the last link is the head recorded in `head_anchor`. "
    "docs/audit.md describes the format.";

Json entry_json(const ChainedEntry& e) {
  Json j;
  j["seq"] = e.seq;
  j["audit_id"] = e.record.audit_id;
  j["kind"] = e.record.kind;
  j["event_id"] = e.record.event_id;
  j["recorded_at"] = e.record.recorded_at;
  j["body"] = e.record.body;
  j["prev_hash"] = e.prev_hash;
  j["hash"] = e.hash;
  j["format"] = static_cast<int>(e.format);
  return j;
}

}  // namespace

ReviewReport bundle_report(const std::string& path, const ReviewRequest& request) {
  return guarded_review([&]() -> ReviewReport {
    std::optional<ChainKey> key;
    try {
      key = load_chain_key(request.key_file);
    } catch (const AuditFailure& e) {
      return {Status::invalid_argument, e.what()};
    }
    const AnchorRead anchor = read_head_anchor(path);  // first: see verify_report.cpp
    const ReviewLog log = load_review_log(path);
    const VerifyResult verified = verify_chain(log.log, key ? &*key : nullptr, anchor);
    const auto flags = select_flags(log, request.filter);

    std::set<int64_t> selected;  // seq of every entry behind the selected flags
    Json flag_list = Json::array();
    for (const Flag* f : flags) {
      flag_list.push_back(flag_json(*f, request.zone));
      selected.insert(f->entry->seq);
      for (const auto& o : f->outcomes) selected.insert(o.entry->seq);
      for (const auto& d : f->dispositions) selected.insert(d.entry->seq);
    }
    Json entries = Json::array(), chain = Json::array();
    const int64_t from = selected.empty() ? INT64_MAX : *selected.begin();
    for (const auto& e : log.log.entries) {
      if (selected.count(e.seq) > 0) entries.push_back(entry_json(e));
      if (e.seq >= from) {
        chain.push_back({{"seq", e.seq},
                         {"audit_id", e.record.audit_id},
                         {"prev_hash", e.prev_hash},
                         {"hash", e.hash}});
      }
    }
    Json j;
    j["bundle"] = "boundary-guard evidence bundle 1";
    j["generated_at"] = format_recorded_at(request.now ? *request.now : now_instant());
    j["log"] = path;
    j["flags"] = std::move(flag_list);
    j["entries"] = std::move(entries);
    j["chain"] = std::move(chain);
    if (anchor.anchor) {
      j["head_anchor"] = {{"seq", anchor.anchor->seq},
                          {"audit_id", anchor.anchor->audit_id},
                          {"hash", anchor.anchor->hash},
                          {"mac", anchor.anchor->mac}};
    } else {
      j["head_anchor"] = nullptr;
    }
    Json v;
    v["ok"] = verified.ok();
    v["chain"] = verified.chain;
    v["entries"] = verified.entries;
    if (verified.problem) {
      v["problem"] = {{"what", verified.problem->what},
                      {"audit_id", verified.problem->audit_id},
                      {"seq", verified.problem->seq},
                      {"detail", verified.problem->detail}};
    }
    v["notes"] = verified.notes;
    j["verification"] = std::move(v);
    j["how_to_verify"] = kHowToVerify;
    return {verified.ok() ? Status::ok : Status::audit, dump_json(j, 2) + "\n"};
  });
}

}  // namespace bg::review
