// Resident memory with the default pack (audit log on) once open, and over a long stream of
// events with fresh ids (BG_BENCH_RSS_EVENTS, default 10,000,000; about 1% flagged and logged):
// the engine's state is bounded (the seen-events cache holds at most seen_event_capacity ids),
// so RSS must level off. Baseline: the process with the plugin loaded, before engine_open.
// Target: RSS <= 64 MB, flat over 10 million events.
#include <algorithm>
#include <cstdlib>
#include <string>

#include "bench_support.h"

namespace bgbench {
namespace {

uint64_t events_from_env() {
  const char* env = std::getenv("BG_BENCH_RSS_EVENTS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 10000000ull;
}

// Mostly in-hours clinical and administrative messages; every 100th a late personal text.
std::string stream_line(uint64_t n) {
  const auto& texts = message_texts();
  if (n % 100 == 99) return message_line(n, texts[2], "r");
  std::string line = message_line(n, texts[n % 2 == 0 ? 0 : 4], "r");
  const size_t at = line.find("\"at\":\"") + 6;
  line.replace(at, 25, "2026-03-04T10:" + std::to_string(10 + n % 50) + ":00-06:00");
  if (const size_t personal = line.find("personal_sms"); personal != std::string::npos)
    line.replace(personal, 12, "portal");
  return line;
}

void BM_Rss(benchmark::State& state) {
  const uint64_t events = events_from_env();
  (void)api();
  const double loaded = rss_mib();
  for (auto _ : state) {
    const ScratchDir dir;
    const Engine engine{default_pack(), dir.file("audit.sqlite")};
    const double open = rss_mib();
    double at_half = open, peak_second_half = 0;
    const int64_t start = now_ns();
    for (uint64_t n = 0; n < events; ++n) {
      engine.evaluate(stream_line(n));
      if (n == events / 2) at_half = rss_mib();
      if (n > events / 2 && n % 100000 == 0)
        peak_second_half = std::max(peak_second_half, rss_mib());
    }
    state.SetIterationTime(static_cast<double>(now_ns() - start) * 1e-9);
    state.counters["rss_loaded_mib"] = loaded;
    state.counters["rss_open_mib"] = open;
    state.counters["rss_half_mib"] = at_half;
    state.counters["rss_end_mib"] = rss_mib();
    state.counters["rss_peak_mib"] = peak_rss_mib();
    state.counters["growth_second_half_mib"] = std::max(peak_second_half, rss_mib()) - at_half;
    state.counters["events"] = static_cast<double>(events);
  }
}
BENCHMARK(BM_Rss)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
