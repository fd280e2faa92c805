// The supervisor's review of a log written by the engine: flags and their derived status,
// filters, the list/show/export/stats/bundle reports, and dispositions, with their error paths.
#include "review/review_api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "audit/chain_hash.h"
#include "audit_test_support.h"
#include "review/flags.h"
#include "review/text_table.h"
#include "test_support.h"

namespace bg::test {
namespace {

using review::ReviewRequest;
using Json = nlohmann::json;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string cruz_message(const std::string& id, const std::string& at, const std::string& text) {
  return R"({"type":"message","id":")" + id + R"(","at":")" + at +
         R"(","from":{"role":"therapist","id":"t-cruz"},"to":{"role":"client","id":"c-300"},)"
         R"("channel":"practice_sms","text":")" +
         text + R"("})";
}

ReviewRequest request(const std::string& json) {
  ReviewRequest r;
  std::string error;
  EXPECT_TRUE(review::parse_review_request(json, r, error)) << error;
  return r;
}

// au-000001 m-1 (t-ana/c-042, Wed 23:15 Chicago), au-000002 m-2 (t-ana/c-042, personal phone),
// au-000003 m-3 (t-ana/c-017, Tue 22:00), au-000004 m-4 (t-cruz/c-300, Wed 21:00 LA), and
// au-000005, m-1's outcome.
class AuditReview : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path("audit.db");
    auto engine = make_engine(path_);
    ids_.push_back(eval(*engine, message("m-1", "2026-03-04T23:15:00-06:00",
                                         "can't sleep, thinking about you, the week was long"))
                       ->audit_id);
    ids_.push_back(eval(*engine, message("m-2", "2026-03-04T10:00:00-06:00", "see you Thursday",
                                         "personal_sms"))
                       ->audit_id);
    ids_.push_back(
        eval(*engine, message("m-3", "2026-03-10T22:00:00-05:00",
                              "quick question about the homework sheet", "portal", "c-017"))
            ->audit_id);
    ids_.push_back(eval(*engine, cruz_message("m-4", "2026-03-04T21:00:00-08:00",
                                              "are you free to talk tonight?"))
                       ->audit_id);
    std::string error;
    ASSERT_EQ(
        engine->record_outcome({"m-1", OutcomeKind::sent_anyway, "safety check-in", {}}, error),
        Status::ok)
        << error;
    ASSERT_EQ(engine->flush(error), Status::ok) << error;
    ASSERT_EQ(ids_, (std::vector<std::string>{"au-000001", "au-000002", "au-000003", "au-000004"}));
  }

  review::DispositionInput disposition(const std::string& id, review::Disposition kind) {
    review::DispositionInput d;
    d.audit_id = id;
    d.kind = kind;
    d.by = "s-lee";
    return d;
  }

  TempDir dir_;
  std::string path_;
  std::vector<std::string> ids_;
};

TEST_F(AuditReview, TheListShowsEveryFlagWithTimesInBothZones) {
  const auto r = review::list_report(path_, {}, "table");
  ASSERT_EQ(r.status, Status::ok) << r.text;
  EXPECT_TRUE(contains(r.text, "THERAPIST'S TIME")) << r.text;
  EXPECT_TRUE(contains(r.text, "Wed 2026-03-04 23:15 CST")) << r.text;  // t-ana, Chicago
  EXPECT_TRUE(contains(r.text, "Wed 2026-03-04 22:15 MST")) << r.text;  // c-042, Denver
  EXPECT_TRUE(contains(r.text, "Wed 2026-03-04 21:00 PST")) << r.text;  // t-cruz
  EXPECT_TRUE(contains(r.text, "Thu 2026-03-05 00:00 EST")) << r.text;  // c-300, New York
  EXPECT_TRUE(contains(r.text, "4 flags, 4 open")) << r.text;
  EXPECT_FALSE(contains(r.text, "au-000005")) << "an outcome (m-1's) is not a flag";
}

TEST_F(AuditReview, FiltersNarrowTheList) {
  auto count = [&](const std::string& json) {
    const auto r = review::list_report(path_, request(json), "json");
    EXPECT_EQ(r.status, Status::ok) << r.text;
    return Json::parse(r.text)["count"].get<int>();
  };
  EXPECT_EQ(count(R"({"therapist":"t-cruz"})"), 1);
  EXPECT_EQ(count(R"({"therapist":["t-cruz","t-ana"]})"), 4);
  EXPECT_EQ(count(R"({"client":"c-042"})"), 2);
  EXPECT_EQ(count(R"({"supervisor":"s-lee"})"), 4);
  EXPECT_EQ(count(R"({"supervisor":"s-nobody"})"), 0);
  EXPECT_EQ(count(R"({"category":"personal_channel"})"), 1);
  EXPECT_EQ(count(R"({"severity":"critical"})"), 0);
  EXPECT_EQ(count(R"({"from":"2026-03-05"})"), 1) << "m-3 is on March 10";
  EXPECT_EQ(count(R"({"until":"2026-03-04"})"), 3) << "m-4 is on March 4 for t-cruz";
  EXPECT_EQ(count(R"({"ids":["au-000002","au-000005"]})"), 1);
  EXPECT_EQ(count(R"({"status":"resolved"})"), 0);
}

TEST_F(AuditReview, ResolvingAppendsADispositionAndTheStatusFollowsTheLastOne) {
  auto fp = disposition("au-000001", review::Disposition::false_positive);
  auto r = review::resolve_flag(path_, fp, {});
  EXPECT_EQ(r.status, Status::invalid_argument) << "a false positive needs a reason";
  fp.reason = "crisis plan in place";
  fp.note = "discussed on Friday";
  r = review::resolve_flag(path_, fp, {});
  ASSERT_EQ(r.status, Status::ok) << r.text;
  EXPECT_TRUE(contains(r.text, "rv-000001")) << r.text;
  auto log = review::load_review_log(path_);
  EXPECT_FALSE(log.find("au-000001")->open);
  EXPECT_EQ(log.find("au-000001")->state, "false_positive");
  // Escalated keeps a flag open.
  ASSERT_EQ(
      review::resolve_flag(path_, disposition("au-000002", review::Disposition::escalated), {})
          .status,
      Status::ok);
  log = review::load_review_log(path_);
  EXPECT_TRUE(log.find("au-000002")->open);
  EXPECT_EQ(log.find("au-000002")->state, "escalated");
  const auto open = review::list_report(path_, request(R"({"status":"open"})"), "json");
  EXPECT_EQ(Json::parse(open.text)["count"], 3);
  // The flag's own entry never changed.
  EXPECT_EQ(sql_count(path_, "SELECT COUNT(*) FROM entries WHERE kind = 'disposition'"), 2);
  EXPECT_TRUE(review::verify_report(path_, {}, "text").status == Status::ok);
}

TEST_F(AuditReview, ResolveErrorPaths) {
  auto d = disposition("au-000404", review::Disposition::acknowledged);
  EXPECT_EQ(review::resolve_flag(path_, d, {}).status, Status::not_found);
  d.audit_id = "au-000005";  // m-1's outcome
  const auto outcome = review::resolve_flag(path_, d, {});
  EXPECT_EQ(outcome.status, Status::not_found);
  EXPECT_TRUE(contains(outcome.text, "outcome")) << outcome.text;
  d.audit_id = "au-000001";
  d.by = "  ";
  EXPECT_EQ(review::resolve_flag(path_, d, {}).status, Status::invalid_argument);
  d.by = "s-lee";
  d.note = std::string("\xff\xfe", 2);
  EXPECT_EQ(review::resolve_flag(path_, d, {}).status, Status::invalid_argument);
  d.note = std::string(9000, 'x');
  EXPECT_EQ(review::resolve_flag(path_, d, {}).status, Status::invalid_argument);
  d.note.clear();
  EXPECT_EQ(review::resolve_flag(dir_.path("missing.db"), d, {}).status, Status::not_found);
  EXPECT_EQ(sql_count(path_, "SELECT COUNT(*) FROM entries WHERE kind = 'disposition'"), 0);
}

TEST_F(AuditReview, ShowGivesFindingsEvidenceOutcomesDispositionsAndThePairsHistory) {
  auto d = disposition("au-000001", review::Disposition::discussed_in_supervision);
  d.note = "boundaries plan agreed";
  ASSERT_EQ(review::resolve_flag(path_, d, {}).status, Status::ok);
  const auto r =
      review::show_report(path_, "au-000001", request(R"({"zone":"America/Chicago"})"), "text");
  ASSERT_EQ(r.status, Status::ok) << r.text;
  for (const char* part :
       {"Flag au-000001: resolved (discussed_in_supervision)", "Findings",
        "Standards:", "Evidence:", "Evidence kept (window)", "sent_anyway: \"safety check-in\"",
        "discussed_in_supervision by s-lee", "boundaries plan agreed",
        "Other flags for t-ana with c-042", "au-000002"}) {
    EXPECT_TRUE(contains(r.text, part)) << part << " missing from\n" << r.text;
  }
  EXPECT_FALSE(contains(r.text, "the week was long")) << "never the whole message";
  const auto j = review::show_report(path_, "au-000001", {}, "json");
  ASSERT_EQ(j.status, Status::ok);
  const auto doc = Json::parse(j.text);
  EXPECT_EQ(doc["pair_history"].size(), 1u);
  EXPECT_EQ(doc["therapist_zone"], "America/Chicago");
  EXPECT_EQ(review::show_report(path_, "au-000005", {}, "text").status, Status::not_found);
  EXPECT_EQ(review::show_report(path_, "au-000001", {}, "yaml").status, Status::invalid_argument);
}

TEST_F(AuditReview, ExportsOneCsvRowPerFindingAndOneJsonLinePerFlag) {
  const auto csv = review::export_report(path_, {}, "csv");
  ASSERT_EQ(csv.status, Status::ok) << csv.text;
  size_t findings = 0;
  for (const auto& f : review::load_review_log(path_).flags) findings += f.findings.size();
  size_t rows = 0;
  for (size_t at = 0; (at = csv.text.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, findings + 1) << csv.text;
  EXPECT_EQ(csv.text.rfind("audit_id,event_id,", 0), 0u);
  const auto jsonl = review::export_report(path_, request(R"({"client":"c-042"})"), "jsonl");
  ASSERT_EQ(jsonl.status, Status::ok);
  EXPECT_EQ(std::count(jsonl.text.begin(), jsonl.text.end(), '\n'), 2);
  EXPECT_EQ(review::export_report(path_, {}, "xml").status, Status::invalid_argument);
}

TEST_F(AuditReview, StatsCountPerTherapistCategoryAndWeek) {
  const auto r = review::stats_report(path_, {}, "json");
  ASSERT_EQ(r.status, Status::ok) << r.text;
  const auto j = Json::parse(r.text);
  EXPECT_EQ(j["flags"], 4);
  EXPECT_EQ(j["by_therapist"]["t-ana"]["flags"], 3);
  EXPECT_EQ(j["by_therapist"]["t-cruz"]["flags"], 1);
  EXPECT_EQ(j["by_week"]["2026-W10"]["flags"], 3);
  EXPECT_EQ(j["by_week"]["2026-W11"]["flags"], 1);
  EXPECT_TRUE(j["by_category"].contains("off_hours"));
  const auto table = review::stats_report(path_, {}, "table");
  EXPECT_TRUE(contains(table.text, "Flags per therapist")) << table.text;
  const auto csv = review::stats_report(path_, {}, "csv");
  EXPECT_TRUE(contains(csv.text, "therapist,t-ana,3,")) << csv.text;
}

TEST_F(AuditReview, ABundleCarriesEntriesWhoseHashesCanBeRecomputed) {
  ASSERT_EQ(review::resolve_flag(
                path_, disposition("au-000001", review::Disposition::reported_to_board), {})
                .status,
            Status::ok);
  const auto r = review::bundle_report(path_, request(R"({"ids":["au-000001"]})"));
  ASSERT_EQ(r.status, Status::ok) << r.text;
  const auto j = Json::parse(r.text);
  EXPECT_EQ(j["flags"].size(), 1u);
  EXPECT_EQ(j["verification"]["ok"], true);
  ASSERT_EQ(j["entries"].size(), 3u) << "the flag, its outcome and its disposition";
  std::map<std::string, std::string> chain;
  std::string prev;
  for (const auto& link : j["chain"]) {
    if (!prev.empty()) {
      EXPECT_EQ(link["prev_hash"], prev);
    }
    prev = link["hash"];
    chain[link["audit_id"]] = link["hash"];
  }
  EXPECT_EQ(j["head_anchor"]["hash"], prev);
  for (const auto& e : j["entries"]) {
    ChainedEntry entry;
    entry.seq = e["seq"];
    entry.record = {e["audit_id"], e["kind"], e["event_id"], e["recorded_at"], e["body"]};
    entry.prev_hash = e["prev_hash"];
    entry.format = static_cast<ChainFormat>(e["format"].get<int>());
    EXPECT_EQ(entry_hash(entry, nullptr), e["hash"]) << e["audit_id"];
    EXPECT_EQ(chain[e["audit_id"]], e["hash"]);
  }
  EXPECT_FALSE(contains(r.text, "m-4")) << "other flags' content is not disclosed";
}

TEST_F(AuditReview, ATamperedLogGivesABundleThatSaysSo) {
  sql(path_,
      std::string{kDropGuards} + "UPDATE entries SET body = replace(body, 't-cruz', 't-bob')");
  const auto r = review::bundle_report(path_, {});
  EXPECT_EQ(r.status, Status::audit);
  EXPECT_EQ(Json::parse(r.text)["verification"]["ok"], false);
  const auto v = review::verify_report(path_, {}, "json");
  EXPECT_EQ(v.status, Status::audit);
  EXPECT_EQ(Json::parse(v.text)["problem"]["what"], "edited");
}

TEST_F(AuditReview, CsvCellsAreQuotedAndNeverRunAsFormulas) {
  const auto csv = review::list_report(path_, {}, "csv");
  ASSERT_EQ(csv.status, Status::ok);
  EXPECT_EQ(csv.text.rfind("audit_id,status,state,severity,", 0), 0u) << csv.text;
  EXPECT_EQ(review::csv_row({"=HYPERLINK(\"x\")", "a,b", "-1", "plain"}),
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",'-1,plain\r\n");
  EXPECT_EQ(review::csv_row({"two\nlines", "say \"hi\""}), "\"two\nlines\",\"say \"\"hi\"\"\"\r\n");
}

TEST(AuditReviewRequest, MalformedRequestsAreRefused) {
  ReviewRequest r;
  std::string error;
  for (const char* bad :
       {"[]", "{", R"({"therapist":3})", R"({"severity":"huge"})", R"({"status":"closed"})",
        R"({"from":"03/01/2026"})", R"({"from":"2026-03-02","until":"2026-03-01"})",
        R"({"zone":"Mars/Olympus"})", R"({"category":"gossip"})", R"({"colour":"red"})",
        R"({"retention_years":-1})"}) {
    EXPECT_FALSE(review::parse_review_request(bad, r, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  EXPECT_TRUE(review::parse_review_request("", r, error));
}

TEST(AuditReviewMissing, EveryOperationOnAMissingOrForeignFileFailsCleanly) {
  TempDir dir;
  const std::string missing = dir.path("missing.db"), foreign = dir.path("notes.txt");
  std::ofstream{foreign} << "not a database at all, just some notes";
  for (const auto& path : {missing, foreign}) {
    const Status expected = path == missing ? Status::not_found : Status::audit;
    EXPECT_EQ(review::verify_report(path, {}, "text").status, expected) << path;
    EXPECT_EQ(review::list_report(path, {}, "table").status, expected) << path;
    EXPECT_EQ(review::show_report(path, "au-000001", {}, "text").status, expected) << path;
    EXPECT_EQ(review::export_report(path, {}, "csv").status, expected) << path;
    EXPECT_EQ(review::bundle_report(path, {}).status, expected) << path;
    EXPECT_EQ(review::stats_report(path, {}, "table").status, expected) << path;
    ReviewRequest purge;
    purge.by = "admin";
    EXPECT_EQ(review::purge_log(path, "2001-01-01", purge).status, expected) << path;
  }
  EXPECT_FALSE(std::filesystem::exists(missing)) << "reading never creates a log";
}

}  // namespace
}  // namespace bg::test
