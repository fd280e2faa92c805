// Appointment, social and payment events evaluated with the default pack through the C ABI,
// audit log on, fresh ids: p50/p99 per call. Baseline: parsing the same line with nlohmann::json
// alone, the cost of reading the event at all.
#include <nlohmann/json.hpp>

#include "bench_support.h"

namespace bgbench {
namespace {

constexpr int64_t kCalls = 20000;

using LineFn = std::string (*)(uint64_t);
constexpr LineFn kLines[] = {appointment_line, social_line, payment_line};
constexpr const char* kNames[] = {"appointment", "social", "payment"};

void BM_EventType(benchmark::State& state) {
  const auto kind = static_cast<size_t>(state.range(0));
  state.SetLabel(kNames[kind]);
  const ScratchDir dir;
  const Engine engine{default_pack(), dir.file("audit.sqlite")};
  for (uint64_t warm = 0; warm < 2000; ++warm) engine.evaluate(kLines[kind](1000000 + warm));
  Timings timings{static_cast<size_t>(kCalls)};
  uint64_t n = 0;
  for (auto _ : state) {
    const std::string line = kLines[kind](n++);
    const int64_t start = now_ns();
    engine.evaluate(line);
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  timings.report(state);
}
BENCHMARK(BM_EventType)
    ->DenseRange(0, 2)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

void BM_EventTypeParseBaseline(benchmark::State& state) {
  const auto kind = static_cast<size_t>(state.range(0));
  state.SetLabel(kNames[kind]);
  Timings timings{static_cast<size_t>(kCalls)};
  uint64_t n = 0;
  for (auto _ : state) {
    const std::string line = kLines[kind](n++);
    const int64_t start = now_ns();
    auto doc = nlohmann::json::parse(line);
    benchmark::DoNotOptimize(doc);
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  timings.report(state);
}
BENCHMARK(BM_EventTypeParseBaseline)
    ->DenseRange(0, 2)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
