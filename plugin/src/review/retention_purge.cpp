// `audit purge --before DATE`: removes entries past their retention period and leaves a
// checkpoint entry that records where the chain was cut (the last purged entry's hash), so
// verify still accepts the log. Dates inside the retention period are refused.
#include <algorithm>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "audit/audit_ids.h"
#include "audit/audit_schema.h"
#include "audit/id_counter.h"
#include "review/log_writer.h"
#include "review/review_api.h"

namespace bg::review {
namespace {

constexpr int kMinimumRetentionYears = 6;  // HIPAA 45 CFR 164.316(b)(2)

// The longest retention any recorded policy asked for.
int recorded_retention(const Database& db) {
  int years = 0;
  Statement s{db, "SELECT body FROM entries WHERE kind = 'policy'"};
  while (s.step()) {
    const auto body = nlohmann::json::parse(s.text(0), nullptr, false);
    if (!body.is_discarded() && body.is_object() && body.contains("retention_years") &&
        body["retention_years"].is_number_integer()) {
      years = std::max(years, body["retention_years"].get<int>());
    }
  }
  return years;
}

// The same day `years` years before `day` (Feb 29 becomes Feb 28).
date::year_month_day years_before(date::year_month_day day, int years) {
  date::year_month_day back{day.year() - date::years{years}, day.month(), day.day()};
  if (!back.ok()) back = date::year_month_day{back.year() / back.month() / date::last};
  return back;
}

std::string format_day(date::year_month_day day) { return date::format("%Y-%m-%d", day); }

}  // namespace

ReviewReport purge_log(const std::string& path, const std::string& before,
                       const ReviewRequest& request) {
  const auto cutoff = parse_date(before);
  if (!cutoff) return {Status::invalid_argument, "--before must be a date such as 2019-01-01"};
  if (request.by.find_first_not_of(" \t") == std::string::npos) {
    return {Status::invalid_argument, "a purge needs who runs it (by)"};
  }
  return guarded_review([&]() -> ReviewReport {
    LogWriter writer{path, request.key_file};
    const Database& db = writer.db();
    const int retention =
        std::max({kMinimumRetentionYears, request.retention_years, recorded_retention(db)});
    const Instant now = request.now ? *request.now : now_instant();
    const date::year_month_day today{date::floor<date::days>(now)};
    const auto latest = years_before(today, retention);
    if (*cutoff > latest) {
      return {Status::invalid_argument,
              "refused: entries recorded on or after " + format_day(latest) +
                  " are inside the retention period of " + std::to_string(retention) +
                  " years; the latest date you can purge before is " + format_day(latest)};
    }
    const std::string cut = format_day(*cutoff) + "T00:00:00";
    db.exec("PRAGMA secure_delete=ON");
    db.exec("BEGIN IMMEDIATE", "cannot start the purge");
    try {
      Statement range{db,
                      "SELECT MIN(seq), MAX(seq), (SELECT MIN(seq) FROM entries "
                      "WHERE recorded_at >= ?) FROM entries"};
      range.bind(1, cut);
      range.step();
      const bool empty = range.is_null(0);
      const int64_t first = range.integer(0), last = range.integer(1);
      // The newest entry always stays, so that the chain goes on from it.
      const int64_t through = std::min(last - 1, range.is_null(2) ? last : range.integer(2) - 1);
      range.reset();
      if (empty || through < first) {
        db.exec("ROLLBACK");
        return {Status::ok, "nothing recorded before " + format_day(*cutoff) + " to purge\n"};
      }
      Statement cut_entry{db, "SELECT audit_id, hash FROM entries WHERE seq = ?"};
      cut_entry.bind(1, through);
      cut_entry.step();
      const std::string through_id = cut_entry.text(0), through_hash = cut_entry.text(1);
      cut_entry.reset();
      nlohmann::ordered_json high = nlohmann::ordered_json::object();
      for (const auto prefix : {kEngineIdPrefix, kPolicyIdPrefix, kReviewIdPrefix}) {
        high[std::string{prefix}] = next_id_number(db, prefix) - 1;
      }
      drop_delete_guard(db);
      Statement remove{db, "DELETE FROM entries WHERE seq <= ?"};
      remove.bind(1, through);
      remove.step();
      const int64_t purged = through - first + 1;
      restore_delete_guard(db);
      nlohmann::ordered_json body;
      body["purged_before"] = format_day(*cutoff);
      body["through_seq"] = through;
      body["through_audit_id"] = through_id;
      body["through_hash"] = through_hash;
      body["purged_entries"] = purged;
      body["retention_years"] = retention;
      body["id_high_water"] = high;
      body["by"] = request.by;
      body["at_utc"] = format_recorded_at(now);
      AuditRecord record{
          "", "checkpoint", "", format_recorded_at(now),
          body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)};
      const auto result =
          writer.appender().append_in_transaction({std::move(record)}, kReviewIdPrefix);
      if (result.appended.empty()) throw AuditFailure("the retention checkpoint was not recorded");
      db.exec("COMMIT", "cannot commit the purge");
      writer.appender().advance_anchor(result.appended.back());
      db.exec_quietly("PRAGMA wal_checkpoint(TRUNCATE)");
      return {Status::ok, "purged " + std::to_string(purged) + " entries recorded before " +
                              format_day(*cutoff) + " (through " + through_id + "); checkpoint " +
                              result.appended.back().record.audit_id +
                              " keeps the chain verifiable\n"};
    } catch (...) {
      db.exec_quietly("ROLLBACK");
      throw;
    }
  });
}

}  // namespace bg::review
