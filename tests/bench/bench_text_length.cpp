// Message evaluation as the text grows from 50 B to 64 KiB, default pack, C ABI, audit log on:
// p50/p99 per call. Baseline: one RE2::Set pass over the same text with every pattern of the
// pack, at each length.
#include "bench_support.h"

namespace bgbench {
namespace {

constexpr int64_t kCalls = 2000;

// `bytes` of the message corpus, cut at a space.
std::string text_of(size_t bytes) {
  std::string out;
  for (size_t i = 0; out.size() < bytes; ++i)
    out += message_texts()[i % message_texts().size()] + " ";
  out.resize(bytes);
  if (const size_t space = out.rfind(' '); space != std::string::npos && space > bytes / 2)
    out[space] = '.';
  return out;
}

void BM_TextLength(benchmark::State& state) {
  const std::string text = text_of(static_cast<size_t>(state.range(0)));
  const ScratchDir dir;
  const Engine engine{default_pack(), dir.file("audit.sqlite")};
  for (uint64_t warm = 0; warm < 200; ++warm) engine.evaluate(message_line(warm, text, "warm"));
  Timings timings{static_cast<size_t>(kCalls)};
  uint64_t n = 0;
  for (auto _ : state) {
    const std::string line = message_line(n++, text);
    const int64_t start = now_ns();
    engine.evaluate(line);
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  timings.report(state);
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TextLength)
    ->Arg(50)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(4096)
    ->Arg(16384)
    ->Arg(65536)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

void BM_TextLengthRe2SetBaseline(benchmark::State& state) {
  const std::string text = normalized(text_of(static_cast<size_t>(state.range(0))));
  const PolicyPatternSet set{default_pack()};
  Timings timings{static_cast<size_t>(kCalls)};
  size_t matched = 0;
  for (auto _ : state) {
    const int64_t start = now_ns();
    matched += set.match(text);
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  benchmark::DoNotOptimize(matched);
  timings.report(state);
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TextLengthRe2SetBaseline)
    ->Arg(50)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(4096)
    ->Arg(16384)
    ->Arg(65536)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
