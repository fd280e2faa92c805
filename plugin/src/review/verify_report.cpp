// `audit verify`: the chain's verdict for people (text) and tools (json).
#include <nlohmann/json.hpp>

#include "review/chain_verifier.h"
#include "review/flag_json.h"
#include "review/review_api.h"

namespace bg::review {
namespace {

std::string entry_name(const VerifyProblem& p) {
  if (!p.audit_id.empty()) return p.audit_id + " (entry " + std::to_string(p.seq) + ")";
  if (p.seq > 0) return "entry " + std::to_string(p.seq) + " (missing)";
  return "-";
}

std::string render_text(const std::string& path, const VerifyResult& r) {
  std::string out = "audit log " + path + ": ";
  if (r.ok()) {
    out += "intact\n";
  } else if (r.problem->what == "key_needed") {
    out += "cannot verify\n  " + r.problem->detail + "\n";
  } else {
    out += "TAMPERED\n  first bad entry: " + entry_name(*r.problem) + "\n  " + r.problem->what +
           ": " + r.problem->detail + "\n";
  }
  out += "  " + std::to_string(r.entries) + " entries";
  if (r.entries > 0) {
    out += " (" + std::to_string(r.first_seq) + "-" + std::to_string(r.last_seq) + ")";
  }
  out += ", chained with " + r.chain + "\n";
  if (r.entries > 0) out += "  head: " + r.head_audit_id + " " + r.head_hash + "\n";
  for (const auto& note : r.notes) out += "  note: " + note + "\n";
  return out;
}

std::string render_json(const std::string& path, const VerifyResult& r) {
  Json j;
  j["path"] = path;
  j["ok"] = r.ok();
  j["entries"] = r.entries;
  j["first_seq"] = r.first_seq;
  j["last_seq"] = r.last_seq;
  j["chain"] = r.chain;
  j["head"] = {{"audit_id", r.head_audit_id}, {"hash", r.head_hash}};
  if (r.problem) {
    j["problem"] = {{"what", r.problem->what},
                    {"audit_id", r.problem->audit_id},
                    {"seq", r.problem->seq},
                    {"detail", r.problem->detail}};
  } else {
    j["problem"] = nullptr;
  }
  j["notes"] = r.notes;
  return dump_json(j) + "\n";
}

}  // namespace

ReviewReport verify_report(const std::string& path, const ReviewRequest& request,
                           std::string_view format) {
  if (format != "text" && format != "json") {
    return {Status::invalid_argument, "format must be \"text\" or \"json\""};
  }
  return guarded_review([&]() -> ReviewReport {
    std::optional<ChainKey> key;
    try {
      key = load_chain_key(request.key_file);
    } catch (const AuditFailure& e) {
      return {Status::invalid_argument, e.what()};
    }
    // The anchor first: it only ever names committed entries, so the log read after it holds
    // at least that entry even while an engine keeps writing.
    const AnchorRead anchor = read_head_anchor(path);
    const StoredLog log = read_stored_log(path);
    const VerifyResult r = verify_chain(log, key ? &*key : nullptr, anchor);
    const Status status = r.ok()                            ? Status::ok
                          : r.problem->what == "key_needed" ? Status::invalid_argument
                                                            : Status::audit;
    return {status, format == "json" ? render_json(path, r) : render_text(path, r)};
  });
}

}  // namespace bg::review
