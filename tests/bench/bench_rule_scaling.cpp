// Message evaluation as the policy grows: the default pack plus 10, 100 and 1,000 generated
// rules (over rules/10 generated lexicons), through the C ABI, audit log on: p50/p99 per call.
// Baseline: the default pack alone (range 0). Target: 1,000 rules within 3x of the default pack.
// Also the policy's load time (engine_open: read, check, compile) against the same rule counts.
#include "bench_support.h"

namespace bgbench {
namespace {

constexpr int64_t kCalls = 10000;

void BM_RuleScaling(benchmark::State& state) {
  const auto rules = static_cast<size_t>(state.range(0));
  const ScratchDir dir;
  const std::string pack = rules == 0 ? default_pack() : write_scaled_pack(dir, rules);
  const Engine engine{pack, dir.file("audit.sqlite")};
  time_message_stream(state, engine, 1000);
}
BENCHMARK(BM_RuleScaling)
    ->Arg(0)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

void BM_PolicyLoad(benchmark::State& state) {
  const auto rules = static_cast<size_t>(state.range(0));
  const ScratchDir dir;
  const std::string pack = rules == 0 ? default_pack() : write_scaled_pack(dir, rules);
  Timings timings{64};
  for (auto _ : state) {
    bg_engine_config config{};
    config.struct_size = static_cast<uint32_t>(sizeof config);
    config.policy_path = bg_str{pack.c_str(), pack.size()};
    bg_engine* engine = nullptr;
    char error[512] = "";
    const int64_t start = now_ns();
    if (api().engine_open(&config, &engine, error, sizeof error) != BG_OK) {
      state.SkipWithError(error);
      break;
    }
    const int64_t ns = now_ns() - start;
    api().engine_close(engine);
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  timings.report(state);
}
BENCHMARK(BM_PolicyLoad)
    ->Arg(0)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->UseManualTime()
    ->Iterations(30)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
