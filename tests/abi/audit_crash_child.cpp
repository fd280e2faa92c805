// The victim of the crash campaign (abi_audit_crash_test.cpp): a host that loads the plugin,
// evaluates flagged messages on a few threads as fast as it can and, after each verdict
// returns, tells the parent on stdout which audit id the host was given. The parent kills it
// with SIGKILL at a random moment and checks that everything it was told about is in the log.
// The campaign tests the audit log, not detection: the child opens a one-rule pack
// (BG_CRASH_POLICY, tests/abi/data/late_hours), which flags the 23:15 messages as off hours and
// loads in a fraction of the time the default pack takes, so more of each trial is spent writing.
//
// usage: abi_audit_crash_child PLUGIN AUDIT_DB MODE ID_PREFIX THREADS
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "boundary_guard/boundary_guard.h"

namespace {

std::mutex out_mutex;

void say(const std::string& line) {
  std::lock_guard lock{out_mutex};
  const std::string text = line + "\n";
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(1, text.data() + done, text.size() - done);
    if (n <= 0) std::_Exit(4);
    done += static_cast<size_t>(n);
  }
}

bg_str str(const std::string& s) { return bg_str{s.data(), s.size()}; }

std::string text_of(bg_str s) { return s.data ? std::string{s.data, s.size} : std::string{}; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s PLUGIN AUDIT_DB MODE ID_PREFIX THREADS\n", argv[0]);
    return 2;
  }
  void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) return 3;
  auto get = reinterpret_cast<bg_plugin_get_api_fn>(dlsym(lib, "bg_plugin_get_api"));
  const bg_api* api = get ? get(BG_ABI_MAJOR) : nullptr;
  if (api == nullptr) return 3;
  const std::string audit = argv[2], prefix = argv[4];
  const std::string options =
      std::string{R"({"audit_mode":")"} + argv[3] + R"(","audit_commit_delay_ms":30})";
  bg_engine_config config{};
  config.struct_size = sizeof config;
  config.audit_path = str(audit);
  const std::string policy = BG_CRASH_POLICY;
  config.policy_path = str(policy);
  config.options_json = str(options);
  bg_engine* engine = nullptr;
  char error[1024] = {0};
  if (api->engine_open(&config, &engine, error, sizeof error) != BG_OK) {
    std::fprintf(stderr, "engine_open: %s\n", error);
    return 5;
  }
  for (const char* roster :
       {R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","supervisor":"s-lee"})",
        R"({"type":"client","id":"c-042","therapist":"t-ana","time_zone":"America/Denver"})"}) {
    const std::string line = roster;
    bg_verdict* v = nullptr;
    api->evaluate_json(engine, str(line), &v);
    api->verdict_free(v);
  }
  say("ready");
  const int threads = std::max(1, std::atoi(argv[5]));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < 1000000; ++i) {
        const std::string id = prefix + "-" + std::to_string(t) + "-" + std::to_string(i);
        const std::string event =
            R"({"type":"message","id":")" + id +
            R"(","at":"2026-03-04T23:15:00-06:00","from":{"role":"therapist","id":"t-ana"},)"
            R"("to":{"role":"client","id":"c-042"},"channel":"personal_sms",)"
            R"("text":"can't sleep, thinking about you, are you up?"})";
        bg_verdict* v = nullptr;
        const bg_status status = api->evaluate_json(engine, str(event), &v);
        const std::string audit_id = text_of(api->verdict_audit_id(v));
        api->verdict_free(v);
        if (status == BG_OK && !audit_id.empty()) say("verdict " + id + " " + audit_id);
        if (status == BG_OK && i % 4 == 0) {
          bg_outcome o{};
          o.struct_size = sizeof o;
          o.event_id = str(id);
          o.kind = BG_OUTCOME_SENT;
          if (api->record_outcome(engine, &o) == BG_OK) say("outcome " + id);
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  api->engine_close(engine);
  return 0;
}
