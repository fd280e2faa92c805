// A hostile place for the audit database: a read-only file, a full disk (a file size limit,
// RLIMIT_FSIZE, with SIGXFSZ ignored, in a child process), a path that cannot be a database.
// Each gives BG_E_AUDIT with a message (at open, or per flagged event with the configured
// fail-safe verdict), events that need no logging keep being evaluated, nothing crashes, and
// when the disk has room again the same engine logs again.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hostile_support.h"

namespace bghostile {
namespace {

using bgtest::api;
using ::testing::HasSubstr;

// In a child process: report and leave without running destructors or leak checks.
#define CHILD_CHECK(condition, ...)                                       \
  do {                                                                    \
    if (!(condition)) {                                                   \
      std::fprintf(stderr, "child, line %d: %s: ", __LINE__, #condition); \
      std::fprintf(stderr, __VA_ARGS__);                                  \
      std::fprintf(stderr, "\n");                                         \
      _exit(1);                                                           \
    }                                                                     \
  } while (0)

// Runs `body` in a child process and expects it to exit 0 within `seconds`: not to die of a
// signal, not to hang (a stalled child is killed and reported).
template <typename Body>
void in_child(Body&& body, int seconds = 120) {
  (void)api();  // load the plugin before fork, once
  std::fflush(nullptr);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    body();
    _exit(0);
  }
  int status = 0;
  pid_t done = 0;
  for (int waited_ms = 0; waited_ms < seconds * 1000; waited_ms += 50) {
    done = waitpid(pid, &status, WNOHANG);
    if (done != 0) break;
    usleep(50 * 1000);
  }
  if (done == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    FAIL() << "the child stalled for " << seconds << " s and was killed";
  }
  ASSERT_EQ(done, pid);
  ASSERT_TRUE(WIFEXITED(status)) << "the child died of signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << "see the child's message above";
}

// A fail-safe verdict: no findings, nothing logged, the therapist told, the configured decision.
void child_expect_fail_safe(const bgtest::EvalResult& r, bg_decision decision) {
  CHILD_CHECK(r.status == BG_E_AUDIT, "status %d: %s", r.status, r.error.c_str());
  CHILD_CHECK(r.verdict != nullptr, "no fail-safe verdict");
  CHILD_CHECK(api().verdict_finding_count(r.verdict.get()) == 0, "findings in a fail-safe verdict");
  CHILD_CHECK(api().verdict_decision(r.verdict.get()) == decision, "decision %d",
              api().verdict_decision(r.verdict.get()));
  CHILD_CHECK(bgtest::verdict_json(r.verdict.get()).find("\"fail_safe\":true") != std::string::npos,
              "%s", bgtest::verdict_json(r.verdict.get()).c_str());
  CHILD_CHECK(r.error.find("audit") != std::string::npos, "message: %s", r.error.c_str());
}

bgtest::Json quiet_message(const std::string& id) {
  return bgtest::message(id, "2026-03-04T10:00:00-06:00", bgtest::therapist_party("t-ana"),
                         bgtest::client_party("c-042"), "portal", "See you Thursday.");
}

TEST(HostileAudit, PathsThatCannotBeADatabaseFailAtOpenWithAMessage) {
  bgtest::TempDir dir;
  {
    std::FILE* f = std::fopen(dir.file("not-a-db.sqlite").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not an SQLite database, just text that is long enough to look wrong.\n", f);
    std::fclose(f);
  }
  for (const std::string& path : {dir.path(), dir.file("missing/dir/audit.sqlite"),
                                  dir.file("not-a-db.sqlite"), std::string{"/proc/self/status"}}) {
    const auto opened = bgtest::open_engine("", path);
    EXPECT_EQ(opened.status, BG_E_AUDIT) << path;
    EXPECT_EQ(opened.engine, nullptr) << path;
    EXPECT_FALSE(opened.error.empty()) << path;
  }
}

TEST(HostileAudit, AReadOnlyDatabaseRefusesLoggingButNotEvaluation) {
  bgtest::TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  {
    auto engine = bgtest::must_open("", audit);
    ASSERT_NE(engine, nullptr);
    bgtest::load_roster(engine.get());
    const auto r = bgtest::evaluate(engine.get(), late_message("ro-logged", "can't sleep"));
    ASSERT_EQ(r.status, BG_OK) << r.error;
    ASSERT_EQ(api().flush(engine.get()), BG_OK);
  }
  ASSERT_EQ(chmod(audit.c_str(), 0444), 0);
  ASSERT_EQ(chmod(dir.path().c_str(), 0555), 0);
  in_child([&] {
    // Root ignores file modes: become nobody, for whom they hold.
    if (geteuid() == 0) {
      CHILD_CHECK(setgid(65534) == 0 && setuid(65534) == 0, "cannot drop privileges");
    }
    const auto opened = bgtest::open_engine("", audit, R"({"fail_mode":"closed"})");
    if (opened.status != BG_OK) {  // refused at open: fine, if it says so
      CHILD_CHECK(opened.status == BG_E_AUDIT, "status %d: %s", opened.status,
                  opened.error.c_str());
      CHILD_CHECK(!opened.error.empty(), "no message");
      return;
    }
    bg_engine* engine = opened.engine.get();
    for (const auto& e : bgtest::roster()) {
      CHILD_CHECK(bgtest::evaluate(engine, e).status == BG_OK, "roster");
    }
    child_expect_fail_safe(bgtest::evaluate(engine, late_message("ro-new", "can't sleep")),
                           BG_DECISION_HOLD);
    const auto quiet = bgtest::evaluate(engine, quiet_message("ro-quiet"));
    CHILD_CHECK(quiet.status == BG_OK, "an event with nothing to log: %s", quiet.error.c_str());
    const auto again = bgtest::evaluate(engine, late_message("ro-logged", "can't sleep"));
    CHILD_CHECK(again.status == BG_OK || again.status == BG_E_AUDIT, "status %d", again.status);
    child_expect_fail_safe(bgtest::evaluate(engine, late_message("ro-new-2", "can't sleep")),
                           BG_DECISION_HOLD);
  });
  chmod(dir.path().c_str(), 0755);
}

TEST(HostileAudit, AFullDiskFailsSafeAndTheSameEngineLogsAgainWhenThereIsRoom) {
  bgtest::TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
    const auto opened = bgtest::open_engine("", audit, R"({"fail_mode":"closed"})");
    CHILD_CHECK(opened.status == BG_OK, "open: %s", opened.error.c_str());
    bg_engine* engine = opened.engine.get();
    for (const auto& e : bgtest::roster()) {
      CHILD_CHECK(bgtest::evaluate(engine, e).status == BG_OK, "roster");
    }
    rlimit limit{};
    CHILD_CHECK(getrlimit(RLIMIT_FSIZE, &limit) == 0, "getrlimit");
    const rlimit roomy = limit;
    limit.rlim_cur = 96 * 1024;  // no file may grow past 96 KiB: the disk is "full"
    CHILD_CHECK(setrlimit(RLIMIT_FSIZE, &limit) == 0, "setrlimit");

    std::string filler;
    for (int i = 0; i < 40; ++i) filler += "can't sleep, thinking about you, miss you. ";
    int logged = 0, failed = 0;
    for (int i = 0; i < 5000 && failed == 0; ++i) {
      const auto r = bgtest::evaluate(engine, late_message("full-" + std::to_string(i), filler));
      if (r.status == BG_OK) {
        CHILD_CHECK(!bgtest::text(api().verdict_audit_id(r.verdict.get())).empty(), "no audit id");
        ++logged;
      } else {
        child_expect_fail_safe(r, BG_DECISION_HOLD);
        ++failed;
      }
    }
    CHILD_CHECK(failed > 0, "5000 flagged events fit in 96 KiB files (%d logged)", logged);
    // Still serving what needs no log, and still failing safe on what does.
    CHILD_CHECK(bgtest::evaluate(engine, quiet_message("full-quiet")).status == BG_OK, "quiet");
    child_expect_fail_safe(bgtest::evaluate(engine, late_message("full-again", filler)),
                           BG_DECISION_HOLD);
    (void)api().flush(engine);  // may fail; must not crash

    // Room again: the same engine logs the next flagged event, and the failed id for real.
    CHILD_CHECK(setrlimit(RLIMIT_FSIZE, &roomy) == 0, "setrlimit back");
    const auto next = bgtest::evaluate(engine, late_message("full-after", "can't sleep"));
    CHILD_CHECK(next.status == BG_OK, "after room is made: status %d: %s", next.status,
                next.error.c_str());
    CHILD_CHECK(!bgtest::text(api().verdict_audit_id(next.verdict.get())).empty(), "not logged");
    const auto retried = bgtest::evaluate(engine, late_message("full-again", filler));
    CHILD_CHECK(retried.status == BG_OK, "the failed id, retried: %s", retried.error.c_str());
    CHILD_CHECK(api().flush(engine) == BG_OK, "flush: %s", bgtest::last_error(engine).c_str());
  });
  // Everything the engine reported as logged is in the database, and nothing else.
  const int64_t verdicts = bgtest::count_entries(audit, "verdict");
  EXPECT_GE(verdicts, 2);
  EXPECT_EQ(bgtest::count_entries(audit, "verdict", "full-after"), 1);
  EXPECT_EQ(bgtest::count_entries(audit, "verdict", "full-again"), 1);
}

}  // namespace
}  // namespace bghostile
