// The crash campaign (principle 4): a host process evaluating flagged events on several
// threads is killed with SIGKILL at a random moment, again and again on the same audit log, in
// both audit modes. After every kill, a new engine opens the log (replaying its journal) and
// every finding the host was told about (its audit id was returned) must be in the log, with
// every outcome the host recorded, and the chain must verify.
//
// CI runs a short campaign (BG_CRASH_TRIALS per mode, default 15). A longer one:
//   BG_CRASH_TRIALS=500 build/dev/tests/abi/abi_audit_tests --gtest_filter='*Crash*'
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "abi_test_support.h"

extern char** environ;

namespace bgtest {
namespace {

using namespace std::chrono_literals;

struct Reported {
  std::map<std::string, std::string> verdicts;  // event id -> audit id
  std::set<std::string> outcomes;               // event ids
};

int trials_per_mode() {
  const char* env = std::getenv("BG_CRASH_TRIALS");
  const int n = env ? std::atoi(env) : 0;
  return n > 0 ? n : 15;
}

// Starts the child with its stdout on a pipe; returns its pid and the pipe's read end.
std::pair<pid_t, int> spawn_child(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) return {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  return {pid, fds[0]};
}

size_t verdicts_in(const std::string& said) {
  size_t n = 0;
  for (size_t at = said.find("\nverdict "); at != std::string::npos;
       at = said.find("\nverdict ", at + 1)) {
    ++n;
  }
  return n;
}

// Reads what the child said until `deadline` (or EOF), or until it has reported `max_verdicts`
// findings (0: no limit); returns whether "ready" was seen.
bool read_until(int fd, std::string& out, std::chrono::steady_clock::time_point deadline,
                bool stop_at_ready, size_t max_verdicts = 0) {
  char buffer[65536];
  for (;;) {
    if (stop_at_ready && out.find("ready\n") != std::string::npos) return true;
    if (max_verdicts != 0 && verdicts_in(out) >= max_verdicts) {
      return out.find("ready\n") != std::string::npos;
    }
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= 0ms) return out.find("ready\n") != std::string::npos;
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd, &set);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
    timeval tv{static_cast<time_t>(us / 1000000), static_cast<suseconds_t>(us % 1000000)};
    if (select(fd + 1, &set, nullptr, nullptr, &tv) <= 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return out.find("ready\n") != std::string::npos;
    out.append(buffer, static_cast<size_t>(n));
  }
}

void drain(int fd, std::string& out) {
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  close(fd);
}

// Only complete lines count: a line cut by the kill was never fully reported.
void parse(const std::string& said, Reported& r) {
  std::istringstream in{said.substr(0, said.rfind('\n') + 1)};
  std::string kind, event, audit_id;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields{line};
    fields >> kind >> event >> audit_id;
    if (kind == "verdict") r.verdicts[event] = audit_id;
    if (kind == "outcome") r.outcomes.insert(event);
  }
}

void check_log(const std::string& audit, const Reported& r, const std::string& where) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(audit.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::map<std::string, std::string> logged;
  std::map<std::string, int> outcomes;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT kind, event_id, audit_id FROM entries", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    const std::string kind = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    const std::string event = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    if (kind == "verdict") logged[event] = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
    if (kind == "outcome") ++outcomes[event];
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  size_t missing = 0;
  for (const auto& [event, audit_id] : r.verdicts) {
    const auto it = logged.find(event);
    if (it == logged.end() || it->second != audit_id) {
      if (++missing <= 5) ADD_FAILURE() << where << ": " << event << " (" << audit_id << ") lost";
    }
  }
  for (const auto& event : r.outcomes) {
    if (outcomes[event] == 0 && ++missing <= 5) {
      ADD_FAILURE() << where << ": the outcome of " << event << " was lost";
    }
  }
  EXPECT_EQ(missing, 0u) << where;
}

void run_campaign(const char* mode) {
  TempDir dir;
  const std::string audit = dir.file("audit.sqlite");
  const std::string options = std::string{R"({"audit_mode":")"} + mode + R"("})";
  std::mt19937 random{std::random_device{}()};
  Reported reported;
  size_t killed_before_ready = 0;
  const int trials = trials_per_mode();
  for (int trial = 0; trial < trials; ++trial) {
    const std::string where = std::string{mode} + " trial " + std::to_string(trial);
    auto [pid, fd] =
        spawn_child({BG_CRASH_CHILD, plugin_path(), audit, mode, "t" + std::to_string(trial), "3"});
    ASSERT_GT(pid, 0) << where;
    std::string said;
    const auto start = std::chrono::steady_clock::now();
    // One kill in five lands while the engine opens (replaying the last trial's journal).
    const bool early = random() % 5 == 0;
    if (early) {
      read_until(fd, said, start + std::chrono::milliseconds(random() % 150), true);
    } else {
      ASSERT_TRUE(read_until(fd, said, start + 30s, true)) << where << ": the child never started";
      // Then a random number of findings, or a random time on a machine too slow to report
      // them: the work per trial stays bounded however fast the child is, and the kill still
      // lands while the child writes.
      read_until(fd, said,
                 std::chrono::steady_clock::now() + std::chrono::milliseconds(20 + random() % 400),
                 false, 1 + random() % 150);
    }
    kill(pid, SIGKILL);
    drain(fd, said);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) || WIFEXITED(status)) << where;
    if (WIFEXITED(status)) {
      ASSERT_EQ(WEXITSTATUS(status), 0) << where << ": the child failed";
    }
    if (said.find("ready\n") == std::string::npos) ++killed_before_ready;
    parse(said, reported);
    // A new engine on the log replays what the killed one journaled (on the children's one-rule
    // pack: the log, not the policy, is under test).
    {
      auto recovered = open_engine(data_path("late_hours"), audit, options);
      ASSERT_EQ(recovered.status, BG_OK) << where << ": " << recovered.error;
    }
    check_log(audit, reported, where);
    bg_text* report = nullptr;
    const bg_status verified = api().audit_verify(view(audit), view(""), view("text"), &report);
    EXPECT_EQ(verified, BG_OK) << where << ":\n" << text(api().text_view(report));
    api().text_free(report);
    if (::testing::Test::HasFailure()) return;
  }
  EXPECT_GT(reported.verdicts.size(), static_cast<size_t>(trials)) << "the children did work";
  std::printf(
      "[ campaign ] %s: %d kills (%zu before the engine was ready), %zu findings and "
      "%zu outcomes reported to the host, none lost\n",
      mode, trials, killed_before_ready, reported.verdicts.size(), reported.outcomes.size());
}

TEST(AbiAuditCrash, NothingReportedToTheHostIsLostInJournalMode) { run_campaign("journal"); }

TEST(AbiAuditCrash, NothingReportedToTheHostIsLostInDurableMode) { run_campaign("durable"); }

}  // namespace
}  // namespace bgtest
