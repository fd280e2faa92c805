// The audit review functions of ABI 1.3 as a host calls them: through the function table of
// the dlopen()ed plugin, on a log an engine wrote, with their error paths.
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

struct Report {
  bg_status status = -1;
  std::string text;
  bool set = false;
};

Report take(bg_status status, bg_text* t) {
  Report r{status, text(api().text_view(t)), t != nullptr};
  api().text_free(t);
  return r;
}

Report verify(const std::string& path, const std::string& request = "",
              const std::string& format = "text") {
  bg_text* t = nullptr;
  const bg_status status = api().audit_verify(view(path), view(request), view(format), &t);
  return take(status, t);
}
Report list(const std::string& path, const std::string& request = "",
            const std::string& format = "table") {
  bg_text* t = nullptr;
  const bg_status status = api().audit_list(view(path), view(request), view(format), &t);
  return take(status, t);
}
Report show(const std::string& path, const std::string& id, const std::string& format = "text") {
  bg_text* t = nullptr;
  const bg_status status = api().audit_show(view(path), view(id), view(""), view(format), &t);
  return take(status, t);
}
Report resolve(const std::string& path, const bg_disposition* d, const std::string& request = "") {
  bg_text* t = nullptr;
  const bg_status status = api().audit_resolve(view(path), d, view(request), &t);
  return take(status, t);
}
Report export_(const std::string& path, const std::string& format) {
  bg_text* t = nullptr;
  const bg_status status = api().audit_export(view(path), view(""), view(format), &t);
  return take(status, t);
}
Report bundle(const std::string& path, const std::string& request = "") {
  bg_text* t = nullptr;
  const bg_status status = api().audit_bundle(view(path), view(request), &t);
  return take(status, t);
}
Report stats(const std::string& path, const std::string& format = "table") {
  bg_text* t = nullptr;
  const bg_status status = api().audit_stats(view(path), view(""), view(format), &t);
  return take(status, t);
}
Report purge(const std::string& path, const std::string& before, const std::string& request) {
  bg_text* t = nullptr;
  const bg_status status = api().audit_purge(view(path), view(before), view(request), &t);
  return take(status, t);
}

void sql(const std::string& path, const std::string& statements) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

const Json kAna = therapist_party("t-ana");
const Json kC042 = client_party("c-042");

Json late_message(const std::string& id) {
  return message(id, "2026-03-04T23:15:00-06:00", kAna, kC042, "personal_sms",
                 "can't sleep, thinking about you, call me");
}

// Every string is a literal: the struct only points at them.
bg_disposition make_disposition(const char* id, bg_disposition_kind kind, const char* by,
                                const char* reason = nullptr) {
  bg_disposition d{};
  d.struct_size = sizeof d;
  d.audit_id = view(id);
  d.kind = kind;
  d.by = by ? view(by) : bg_str{nullptr, 0};
  d.reason = reason ? view(reason) : bg_str{nullptr, 0};
  return d;
}

class AbiAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    audit_ = dir_.file("audit.sqlite");
    auto engine = must_open("", audit_);
    ASSERT_NE(engine, nullptr);
    load_roster(engine.get());
    for (const char* id : {"m-1", "m-2"}) {
      const auto r = evaluate(engine.get(), late_message(id));
      ASSERT_EQ(r.status, BG_OK) << r.error;
      ids_.push_back(text(api().verdict_audit_id(r.verdict.get())));
    }
    ASSERT_EQ(ids_, (std::vector<std::string>{"au-000001", "au-000002"}));
  }

  TempDir dir_;
  std::string audit_;
  std::vector<std::string> ids_;
};

TEST(AbiAuditTable, TheReviewFunctionsAreAppendedInMinorThree) {
  const bg_api& a = api();
  EXPECT_GE(a.abi_minor, 3u);
  EXPECT_GE(a.struct_size, offsetof(bg_api, audit_purge) + sizeof a.audit_purge);
  for (const void* f :
       {reinterpret_cast<const void*>(a.audit_verify), reinterpret_cast<const void*>(a.audit_list),
        reinterpret_cast<const void*>(a.audit_show), reinterpret_cast<const void*>(a.audit_resolve),
        reinterpret_cast<const void*>(a.audit_export),
        reinterpret_cast<const void*>(a.audit_bundle), reinterpret_cast<const void*>(a.audit_stats),
        reinterpret_cast<const void*>(a.audit_purge)}) {
    EXPECT_NE(f, nullptr);
  }
  // Appended after the 1.2 adapters, nothing moved.
  EXPECT_GT(offsetof(bg_api, audit_verify), offsetof(bg_api, evaluate_fhir));
}

TEST_F(AbiAudit, AnEngineWrittenLogVerifiesListsAndShows) {
  const auto v = verify(audit_);
  EXPECT_EQ(v.status, BG_OK) << v.text;
  EXPECT_THAT(v.text, HasSubstr("intact"));
  const auto l = list(audit_);
  EXPECT_EQ(l.status, BG_OK) << l.text;
  EXPECT_THAT(l.text, HasSubstr("au-000002"));
  EXPECT_THAT(l.text, HasSubstr("Wed 2026-03-04 23:15 CST"));
  EXPECT_THAT(l.text, HasSubstr("Wed 2026-03-04 22:15 MST"));
  const auto j = list(audit_, R"({"status":"open","therapist":"t-ana"})", "json");
  ASSERT_EQ(j.status, BG_OK) << j.text;
  EXPECT_EQ(Json::parse(j.text)["count"], 2);
  EXPECT_EQ(list(audit_, "", "csv").status, BG_OK);
  const auto s = show(audit_, "au-000001");
  EXPECT_EQ(s.status, BG_OK) << s.text;
  EXPECT_THAT(s.text, HasSubstr("Findings"));
  EXPECT_EQ(show(audit_, "au-000404").status, BG_E_NOT_FOUND);
  EXPECT_EQ(export_(audit_, "jsonl").status, BG_OK);
  EXPECT_EQ(stats(audit_, "json").status, BG_OK);
  const auto b = bundle(audit_, R"({"ids":["au-000002"]})");
  EXPECT_EQ(b.status, BG_OK) << b.text;
  EXPECT_EQ(Json::parse(b.text)["flags"].size(), 1u);
}

TEST_F(AbiAudit, ADispositionIsAppendedAndChangesTheDerivedStatus) {
  auto d =
      make_disposition("au-000001", BG_DISPOSITION_FALSE_POSITIVE, "s-lee", "crisis safety plan");
  const auto r = resolve(audit_, &d);
  ASSERT_EQ(r.status, BG_OK) << r.text;
  EXPECT_THAT(r.text, HasSubstr("rv-000001"));
  const auto open = list(audit_, R"({"status":"open"})", "json");
  EXPECT_EQ(Json::parse(open.text)["count"], 1);
  EXPECT_EQ(verify(audit_).status, BG_OK);
  EXPECT_EQ(count_entries(audit_, "disposition"), 1);
}

TEST_F(AbiAudit, ResolveChecksItsStructAndArguments) {
  auto d = make_disposition("au-000001", BG_DISPOSITION_FALSE_POSITIVE, "s-lee");
  EXPECT_EQ(resolve(audit_, &d).status, BG_E_INVALID_ARGUMENT) << "no reason";
  d = make_disposition("au-000001", 99, "s-lee");
  EXPECT_EQ(resolve(audit_, &d).status, BG_E_INVALID_ARGUMENT);
  d = make_disposition("au-000001", BG_DISPOSITION_ACKNOWLEDGED, nullptr);
  EXPECT_EQ(resolve(audit_, &d).status, BG_E_INVALID_ARGUMENT) << "no by";
  d = make_disposition("au-000001", BG_DISPOSITION_ACKNOWLEDGED, "s-lee");
  d.note = bg_str{nullptr, 3};
  EXPECT_EQ(resolve(audit_, &d).status, BG_E_INVALID_ARGUMENT);
  const auto null_struct = resolve(audit_, nullptr);
  EXPECT_EQ(null_struct.status, BG_E_INVALID_ARGUMENT);
  EXPECT_TRUE(null_struct.set) << "a report says why";
  // bg_disposition is new in 1.3: no version of it is shorter.
  d = make_disposition("au-000001", BG_DISPOSITION_ACKNOWLEDGED, "s-lee");
  d.struct_size = static_cast<uint32_t>(offsetof(bg_disposition, note));
  EXPECT_EQ(resolve(audit_, &d).status, BG_E_INVALID_ARGUMENT);
  d.struct_size = sizeof d;
  // A newer caller's larger struct with a field we do not know is refused.
  struct Bigger {
    bg_disposition d;
    uint64_t future;
  } bigger{make_disposition("au-000001", BG_DISPOSITION_ACKNOWLEDGED, "s-lee"), 7};
  bigger.d.struct_size = sizeof bigger;
  EXPECT_EQ(resolve(audit_, &bigger.d).status, BG_E_UNSUPPORTED);
  EXPECT_EQ(api().audit_resolve(view(audit_), &d, view(""), nullptr), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(count_entries(audit_, "disposition"), 0);
  EXPECT_EQ(resolve(audit_, &d).status, BG_OK) << "and the same struct, well formed, works";
  EXPECT_EQ(count_entries(audit_, "disposition"), 1);
}

TEST_F(AbiAudit, BadRequestsFormatsAndStringsAreRefusedWithAReport) {
  for (const auto& r :
       {list(audit_, R"({"therapists":"t-ana"})"), list(audit_, "not json"),
        list(audit_, "", "xml"), verify(audit_, "", "table"), show(audit_, "au-000001", "csv"),
        export_(audit_, "table"), stats(audit_, "jsonl")}) {
    EXPECT_EQ(r.status, BG_E_INVALID_ARGUMENT) << r.text;
    EXPECT_FALSE(r.text.empty());
  }
  bg_text* t = nullptr;
  EXPECT_EQ(api().audit_list(bg_str{nullptr, 4}, view(""), view("table"), &t),
            BG_E_INVALID_ARGUMENT);
  api().text_free(t);
  EXPECT_EQ(api().audit_verify(view(audit_), view(""), view("text"), nullptr),
            BG_E_INVALID_ARGUMENT);
}

TEST_F(AbiAudit, PurgeRefusesDatesInsideTheRetentionPeriod) {
  const auto r = purge(audit_, "2025-01-01", R"({"by":"admin-1"})");
  EXPECT_EQ(r.status, BG_E_INVALID_ARGUMENT);
  EXPECT_THAT(r.text, HasSubstr("retention period"));
  EXPECT_EQ(purge(audit_, "2001-01-01", "").status, BG_E_INVALID_ARGUMENT) << "who purges?";
  const auto nothing = purge(audit_, "2001-01-01", R"({"by":"admin-1"})");
  EXPECT_EQ(nothing.status, BG_OK) << nothing.text;
  EXPECT_EQ(verify(audit_).status, BG_OK);
}

TEST_F(AbiAudit, TamperingIsReportedWithTheFirstBadEntry) {
  sql(audit_,
      "DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;"
      "UPDATE entries SET body = replace(body, 'c-042', 'c-999') WHERE audit_id = 'au-000002';");
  auto r = verify(audit_);
  EXPECT_EQ(r.status, BG_E_AUDIT);
  EXPECT_THAT(r.text, HasSubstr("first bad entry: au-000002"));
  EXPECT_EQ(bundle(audit_).status, BG_E_AUDIT);
  TempDir other;
  const std::string cut = other.file("cut.sqlite");
  {
    auto engine = must_open("", cut);
    load_roster(engine.get());
    evaluate(engine.get(), late_message("m-1"));
    evaluate(engine.get(), late_message("m-2"));
  }
  sql(cut,
      "DROP TRIGGER entries_no_delete;"
      "DELETE FROM entries WHERE seq = (SELECT MAX(seq) FROM entries);");
  r = verify(cut, "", "json");
  EXPECT_EQ(r.status, BG_E_AUDIT);
  EXPECT_EQ(Json::parse(r.text)["problem"]["what"], "truncated");
  // An engine refuses to write on top of it.
  const auto reopened = open_engine("", cut);
  EXPECT_EQ(reopened.status, BG_E_AUDIT);
  EXPECT_THAT(reopened.error, HasSubstr("entries were removed"));
}

TEST(AbiAuditMissing, EveryReviewFunctionReportsAMissingLog) {
  TempDir dir;
  const std::string missing = dir.file("missing.sqlite");
  auto d = make_disposition("au-000001", BG_DISPOSITION_ACKNOWLEDGED, "s-lee");
  for (const auto& r : {verify(missing), list(missing), show(missing, "au-000001"),
                        resolve(missing, &d), export_(missing, "csv"), bundle(missing),
                        stats(missing), purge(missing, "2001-01-01", R"({"by":"a"})")}) {
    EXPECT_EQ(r.status, BG_E_NOT_FOUND) << r.text;
    EXPECT_THAT(r.text, HasSubstr("no audit log"));
  }
}

TEST(AbiAuditEngine, AuditOptionsAreCheckedAndOneEngineHoldsALog) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  for (const char* bad : {R"({"audit_mode":"sometimes"})", R"({"audit_commit_delay_ms":0})",
                          R"({"audit_queue_capacity":-3})", R"({"audit_key_file":7})"}) {
    EXPECT_EQ(open_engine("", audit, bad).status, BG_E_INVALID_ARGUMENT) << bad;
  }
  EXPECT_EQ(open_engine("", audit, R"({"audit_key_file":"/nonexistent/key"})").status, BG_E_AUDIT);
  auto first = must_open("", audit, R"({"audit_mode":"durable","audit_queue_capacity":8})");
  ASSERT_NE(first, nullptr);
  const auto second = open_engine("", audit);
  EXPECT_EQ(second.status, BG_E_AUDIT);
  EXPECT_THAT(second.error, HasSubstr("in use by another engine"));
}

TEST(AbiAuditEngine, InDurableModeAVerdictReturnsOnlyOnceItsEntryIsCommitted) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit, R"({"audit_mode":"durable"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  for (int i = 0; i < 5; ++i) {
    const std::string id = "m-" + std::to_string(i);
    const auto r = evaluate(engine.get(), late_message(id));
    ASSERT_EQ(r.status, BG_OK) << r.error;
    EXPECT_EQ(count_entries(audit, "verdict", id), 1) << "no flush: committed before returning";
  }
  // A repeated id returns the same verdict, and nothing new is logged.
  const auto again = evaluate(engine.get(), late_message("m-0"));
  EXPECT_EQ(text(api().verdict_audit_id(again.verdict.get())), "au-000001");
  EXPECT_EQ(count_entries(audit, "verdict"), 5);
}

TEST(AbiAuditEngine, AKeyedLogIsVerifiedWithItsKey) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite"), key = dir.file("audit.key");
  std::ofstream{key} << "correct-horse-battery-staple\n";
  {
    auto engine = must_open("", audit, R"({"audit_key_file":")" + key + R"("})");
    ASSERT_NE(engine, nullptr);
    load_roster(engine.get());
    evaluate(engine.get(), late_message("m-1"));
  }
  EXPECT_EQ(verify(audit).status, BG_E_INVALID_ARGUMENT) << "keyed: the key is needed";
  const auto ok = verify(audit, R"({"key_file":")" + key + R"("})");
  EXPECT_EQ(ok.status, BG_OK) << ok.text;
  EXPECT_THAT(ok.text, HasSubstr("HMAC-SHA-256"));
  setenv("BOUNDARY_GUARD_AUDIT_KEY_FILE", key.c_str(), 1);
  EXPECT_EQ(verify(audit).status, BG_OK) << "the key from the environment";
  unsetenv("BOUNDARY_GUARD_AUDIT_KEY_FILE");
}

// Review calls run beside an engine that keeps writing the same log.
TEST(AbiAuditEngine, ReviewWorksWhileAnEngineWrites) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  auto engine = must_open("", audit, R"({"audit_commit_delay_ms":5})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  evaluate(engine.get(), late_message("m-0"));
  ASSERT_EQ(api().flush(engine.get()), BG_OK);
  std::thread writer{[&] {
    for (int i = 1; i < 150; ++i) evaluate(engine.get(), late_message("m-" + std::to_string(i)));
  }};
  int resolved = 0;
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(list(audit, R"({"status":"open"})", "json").status, BG_OK);
    auto d = make_disposition("au-000001", BG_DISPOSITION_ACKNOWLEDGED, "s-lee");
    resolved += resolve(audit, &d).status == BG_OK ? 1 : 0;
  }
  writer.join();
  ASSERT_EQ(api().flush(engine.get()), BG_OK);
  EXPECT_EQ(resolved, 20);
  const auto v = verify(audit);
  EXPECT_EQ(v.status, BG_OK) << v.text;
  EXPECT_EQ(count_entries(audit, "verdict"), 150);
  EXPECT_EQ(count_entries(audit, "disposition"), 20);
}

}  // namespace
}  // namespace bgtest
