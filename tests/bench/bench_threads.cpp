// Many host threads on one engine (default pack, C ABI, audit log on), each evaluating its own
// stream of messages with fresh ids: events per second at 1, 2, 4 and 8 threads. Baseline: one
// thread. On a machine with fewer cores than threads, the figure shows contention, not speedup.
#include <atomic>
#include <thread>

#include "bench_support.h"

namespace bgbench {
namespace {

ScratchDir* g_dir = nullptr;
Engine* g_engine = nullptr;

void BM_Threads(benchmark::State& state) {
  if (state.thread_index() == 0) {
    g_dir = new ScratchDir;
    g_engine = new Engine{default_pack(), g_dir->file("audit.sqlite")};
  }
  const auto& texts = message_texts();
  // Ids never collide between threads or repetitions.
  static std::atomic<uint64_t> next_block{0};
  uint64_t n = (next_block++) << 32;
  for (auto _ : state) {
    const std::string line = message_line(n, texts[n % texts.size()], "t");
    ++n;
    g_engine->evaluate(line);
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    // Every thread has left the loop: Google Benchmark holds them at a barrier as it ends.
    state.counters["cores"] = static_cast<double>(std::thread::hardware_concurrency());
    delete g_engine;
    delete g_dir;
    g_engine = nullptr;
    g_dir = nullptr;
  }
}
BENCHMARK(BM_Threads)
    ->Threads(1)
    ->Threads(2)
    ->Threads(4)
    ->Threads(8)
    ->MinTime(1.0)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
