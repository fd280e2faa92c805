// Many threads on one engine: 8 evaluators sharing one stream of events (after the roster is
// loaded) get exactly the verdicts one thread gets, while another thread keeps reloading the
// same valid policy.
#include <atomic>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

constexpr size_t kThreads = 8;

// A deterministic week of observed events of every type, at all hours, from and to both sides,
// with the roster of the clients it uses. Each event has a client of its own, so that no
// therapist-client pair collects the flags that make a `pattern` finding: which flags count as
// "earlier" depends on the order of evaluation, which threads do not share.
struct Stream {
  std::vector<Json> roster;
  std::vector<Json> events;
};

Stream stream() {
  static const char* const kTexts[] = {
      "See you Thursday.",
      "can't sleep, thinking about you",
      "Reminder: your appointment is tomorrow at 10.",
      "If you feel unsafe tonight, call 988.",
      nullptr,
      "haha that was fun, grab a drink sometime?",
      "Your superbill is ready in the portal.",
  };
  static const char* const kChannels[] = {"portal",         "practice_sms",   "personal_sms",
                                          "practice_email", "personal_phone", "telehealth_chat",
                                          "social_dm"};
  static const char* const kZones[] = {"America/Denver", "Pacific/Honolulu", "America/New_York",
                                       ""};
  Stream out;
  int n = 0;
  // A new client of t-ana or t-cruz for each event.
  auto new_client = [&](int k) {
    const std::string therapist = k % 3 == 0 ? "t-cruz" : "t-ana";
    Json c{{"type", "client"}, {"id", "cs-" + std::to_string(k)}, {"therapist", therapist}};
    if (kZones[k % 4][0] != '\0') c["time_zone"] = kZones[k % 4];
    out.roster.push_back(c);
    return std::pair{therapist_party(therapist), client_party(c["id"].get<std::string>())};
  };
  for (int day = 2; day <= 8; ++day) {
    for (int hour = 0; hour < 24; hour += 3) {
      char at[64];
      std::snprintf(at, sizeof at, "2026-03-%02dT%02d:%02d:00-06:00", day, hour, (n * 7) % 60);
      {
        const int k = n++;
        const auto [therapist, client] = new_client(k);
        const bool from_therapist = k % 3 != 0;
        out.events.push_back(
            message("m-" + std::to_string(k), at, from_therapist ? therapist : client,
                    from_therapist ? client : therapist, kChannels[k % 7], kTexts[k % 7]));
      }
      if (hour % 6 == 0) {
        const int k = n++;
        const auto [therapist, client] = new_client(k);
        char start[64], end[64];
        std::snprintf(start, sizeof start, "2026-03-%02dT%02d:00:00-06:00", day, hour);
        std::snprintf(end, sizeof end, "2026-03-%02dT%02d:50:00-06:00", day, hour);
        out.events.push_back(
            appointment("a-" + std::to_string(k), k % 5 == 0 ? "cancelled" : "created", start, end,
                        therapist["id"].get<std::string>(), client["id"].get<std::string>(),
                        k % 2 == 0 ? "office" : "telehealth"));
      }
      if (hour % 9 == 0) {
        const int k = n++;
        const auto [therapist, client] = new_client(k);
        const bool by_therapist = k % 4 != 0;
        out.events.push_back(social("s-" + std::to_string(k), at, k % 2 ? "follow" : "like",
                                    by_therapist ? therapist : client,
                                    by_therapist ? client : therapist));
        const int q = n++;
        const auto [payee, payer] = new_client(q);
        out.events.push_back(payment("p-" + std::to_string(q), at, payer, payee,
                                     q % 3 ? "copay" : "gift", 20.0 + q));
      }
    }
  }
  return out;
}

// The practice's roster and the stream's clients, on `engine`.
void load_everyone(bg_engine* engine, const Stream& s) {
  load_roster(engine);
  for (const auto& c : s.roster) {
    ASSERT_EQ(evaluate(engine, c).status, BG_OK) << c.dump();
  }
}

struct Outcome {
  std::vector<std::map<std::string, std::string>> per_thread;  // id -> verdict json
  int reloads = 0;
  int reload_failures = 0;
  int evaluation_failures = 0;
};

Outcome run_concurrently(bg_engine* engine, const std::vector<std::string>& lines,
                         const std::vector<std::string>& ids) {
  Outcome outcome;
  outcome.per_thread.resize(kThreads);
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<int> reloads{0}, reload_failures{0};
  std::thread reloader([&] {
    const std::string path = default_policy_dir();
    while (!done.load()) {
      if (api().reload_policy(engine, view(path)) == BG_OK) {
        ++reloads;
      } else {
        ++reload_failures;
      }
    }
  });
  std::vector<std::thread> workers;
  for (size_t t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      // Each thread walks the shared stream from its own starting point, so first evaluations
      // of an id come from every thread.
      const size_t start = t * lines.size() / kThreads;
      for (size_t k = 0; k < lines.size(); ++k) {
        const size_t i = (start + k) % lines.size();
        const auto r = evaluate_line(engine, lines[i]);
        if (r.status != BG_OK) {
          ++failures;
          outcome.per_thread[t][ids[i]] = "status " + std::to_string(r.status) + ": " + r.error;
        } else {
          outcome.per_thread[t][ids[i]] = verdict_json(r.verdict.get());
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  // Keep reloading until at least a few swaps overlapped the evaluations.
  while (reloads.load() < 3 && reload_failures.load() == 0) std::this_thread::yield();
  done = true;
  reloader.join();
  outcome.reloads = reloads.load();
  outcome.reload_failures = reload_failures.load();
  outcome.evaluation_failures = failures.load();
  return outcome;
}

void prepare(const Stream& s, std::vector<std::string>& lines, std::vector<std::string>& ids) {
  for (const auto& e : s.events) {
    lines.push_back(e.dump());
    ids.push_back(e["id"].get<std::string>());
  }
}

TEST(AbiConcurrency, EightThreadsGetTheVerdictsOneThreadGetsWhileThePolicyReloads) {
  std::vector<std::string> lines, ids;
  const Stream s = stream();
  prepare(s, lines, ids);
  ASSERT_GT(lines.size(), 100u);

  std::map<std::string, std::string> expected;
  {
    auto single = must_open(default_policy_dir());
    ASSERT_NE(single, nullptr);
    load_everyone(single.get(), s);
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto r = evaluate_line(single.get(), lines[i]);
      ASSERT_EQ(r.status, BG_OK) << lines[i] << ": " << r.error;
      expected[ids[i]] = verdict_json(r.verdict.get());
    }
  }
  size_t flagged = 0;
  for (const auto& [id, json] : expected)
    flagged += Json::parse(json)["findings"].empty() ? 0u : 1u;
  ASSERT_GT(flagged, 10u) << "the stream should exercise the rules";

  auto engine = must_open(default_policy_dir());
  ASSERT_NE(engine, nullptr);
  load_everyone(engine.get(), s);
  const auto outcome = run_concurrently(engine.get(), lines, ids);
  EXPECT_EQ(outcome.evaluation_failures, 0);
  EXPECT_EQ(outcome.reload_failures, 0);
  EXPECT_GE(outcome.reloads, 3);
  for (size_t t = 0; t < kThreads; ++t) {
    ASSERT_EQ(outcome.per_thread[t].size(), expected.size()) << "thread " << t;
    for (const auto& [id, json] : expected) {
      EXPECT_EQ(outcome.per_thread[t].at(id), json) << "thread " << t << ", event " << id;
    }
  }
}

// The same with an audit log: audit ids are handed out in commit order, which differs from one
// thread's order, so they are compared apart from the rest. Every thread must see the same
// audit id for an event, each flagged event must be logged exactly once.
TEST(AbiConcurrency, WithAnAuditLogEachFlaggedEventIsLoggedOnce) {
  std::vector<std::string> lines, ids;
  const Stream s = stream();
  prepare(s, lines, ids);
  TempDir dir;

  std::map<std::string, std::string> expected;
  {
    auto single = must_open(default_policy_dir(), dir.file("single.sqlite"));
    ASSERT_NE(single, nullptr);
    load_everyone(single.get(), s);
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto r = evaluate_line(single.get(), lines[i]);
      ASSERT_EQ(r.status, BG_OK) << r.error;
      expected[ids[i]] = verdict_json(r.verdict.get());
    }
  }
  const std::string audit = dir.file("shared.sqlite");
  auto engine = must_open(default_policy_dir(), audit);
  ASSERT_NE(engine, nullptr);
  load_everyone(engine.get(), s);
  const auto outcome = run_concurrently(engine.get(), lines, ids);
  EXPECT_EQ(outcome.evaluation_failures, 0);
  EXPECT_EQ(outcome.reload_failures, 0);

  std::set<std::string> audit_ids;
  size_t flagged = 0;
  for (const auto& [id, json] : expected) {
    const std::string want = json_without(json, {"audit_id"});
    const std::string first_audit_id =
        Json::parse(outcome.per_thread[0].at(id)).value("audit_id", "");
    if (!Json::parse(json)["findings"].empty()) {
      ++flagged;
      EXPECT_NE(first_audit_id, "") << id;
      EXPECT_TRUE(audit_ids.insert(first_audit_id).second) << "audit id reused: " << id;
    }
    for (size_t t = 0; t < kThreads; ++t) {
      const std::string& got = outcome.per_thread[t].at(id);
      ASSERT_EQ(got.rfind("status", 0), std::string::npos) << got;
      EXPECT_EQ(json_without(got, {"audit_id"}), want) << "thread " << t << ", event " << id;
      EXPECT_EQ(Json::parse(got).value("audit_id", ""), first_audit_id)
          << "thread " << t << ", event " << id;
    }
  }
  ASSERT_EQ(api().flush(engine.get()), BG_OK);
  EXPECT_EQ(count_entries(audit, "verdict"), static_cast<int64_t>(flagged));
  EXPECT_EQ(count_entries(dir.file("single.sqlite"), "verdict"), static_cast<int64_t>(flagged));
}

// Roster updates while evaluations run: no evaluation fails or sees half an update.
TEST(AbiConcurrency, RosterUpdatesDuringEvaluations) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    int i = 0;
    while (!done.load()) {
      for (const auto& event : roster()) {
        if (evaluate(engine.get(), event).status != BG_OK) ++failures;
      }
      const Json extra{{"type", "client"},
                       {"id", "c-extra-" + std::to_string(i++ % 50)},
                       {"therapist", "t-ana"},
                       {"time_zone", "Europe/Berlin"}};
      if (evaluate(engine.get(), extra).status != BG_OK) ++failures;
    }
  });
  std::vector<std::thread> readers;
  for (size_t t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int k = 0; k < 150; ++k) {
        const auto m =
            message("r-" + std::to_string(t) + "-" + std::to_string(k), "2026-03-04T23:15:00-06:00",
                    therapist_party("t-ana"), client_party("c-042"), "practice_sms", "can't sleep");
        const auto r = evaluate(engine.get(), m);
        if (r.status != BG_OK ||
            timing_rules(r.verdict.get()) != std::vector<std::string>{"personal-text-off-hours"}) {
          ++failures;
        }
      }
    });
  }
  for (auto& r : readers) r.join();
  done = true;
  writer.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace bgtest
