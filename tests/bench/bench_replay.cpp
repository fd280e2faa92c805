// `boundaryctl replay --no-audit --format jsonl` over a generated stream of
// BG_BENCH_REPLAY_EVENTS events (default 1,000,000: a roster, then messages, appointments,
// social actions and payments with fresh ids), output to /dev/null: events per second.
// Baseline: parsing the same file line by line with nlohmann::json alone.
// Target: replay >= 150,000 events/s.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench_support.h"

namespace bgbench {
namespace {

uint64_t events_from_env() {
  const char* env = std::getenv("BG_BENCH_REPLAY_EVENTS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 1000000ull;
}

// The stream, written once per process.
const std::string& stream_file() {
  static const ScratchDir dir;
  static const std::string path = [] {
    const std::string file = dir.file("stream.jsonl");
    std::ofstream out{file};
    out << R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","hours":{"mon":["09:00-17:00"],"tue":["09:00-17:00"],"wed":["09:00-17:00"],"thu":["11:00-19:00"],"fri":["09:00-13:00"]}})"
        << "\n"
        << R"({"type":"therapist","id":"t-ben","time_zone":"America/New_York"})"
        << "\n"
        << R"({"type":"client","id":"c-101","therapist":"t-ana","time_zone":"America/Denver"})"
        << "\n"
        << R"({"type":"client","id":"c-102","therapist":"t-ana"})"
        << "\n"
        << R"({"type":"client","id":"c-201","therapist":"t-ben","time_zone":"America/Los_Angeles"})"
        << "\n"
        << R"({"type":"client","id":"c-107","therapist":"t-ana","status":"terminated","terminated_on":"2025-09-12"})"
        << "\n";
    const uint64_t events = events_from_env();
    const auto& texts = message_texts();
    for (uint64_t n = 0; n < events; ++n) {
      switch (n % 10) {
        case 0:
        case 1:
          out << appointment_line(n) << "\n";
          break;
        case 2:
          out << social_line(n) << "\n";
          break;
        case 3:
          out << payment_line(n) << "\n";
          break;
        default:
          out << message_line(n, texts[n % texts.size()]) << "\n";
      }
    }
    return file;
  }();
  return path;
}

void report(benchmark::State& state, double seconds) {
  const auto events = static_cast<double>(events_from_env());
  state.counters["events"] = events;
  state.counters["events_per_s"] = seconds > 0 ? events / seconds : 0;
}

void BM_ReplayBoundaryctl(benchmark::State& state) {
  const std::string& file = stream_file();
  const std::string command = std::string{BG_BOUNDARYCTL} +
                              " replay --no-audit --format jsonl --plugin " + BG_PLUGIN_PATH + " " +
                              file + " >/dev/null";
  double seconds = 0;
  for (auto _ : state) {
    const int64_t start = now_ns();
    const int status = std::system(command.c_str());
    seconds = static_cast<double>(now_ns() - start) * 1e-9;
    // replay exits 1 if any line was rejected: none may be.
    if (status != 0) state.SkipWithError(("boundaryctl replay failed: " + command).c_str());
    state.SetIterationTime(seconds);
  }
  report(state, seconds);
}
BENCHMARK(BM_ReplayBoundaryctl)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_ReplayParseBaseline(benchmark::State& state) {
  const std::string& file = stream_file();
  double seconds = 0;
  for (auto _ : state) {
    const int64_t start = now_ns();
    std::ifstream in{file};
    std::string line;
    size_t objects = 0;
    while (std::getline(in, line)) objects += nlohmann::json::parse(line).is_object() ? 1u : 0u;
    benchmark::DoNotOptimize(objects);
    seconds = static_cast<double>(now_ns() - start) * 1e-9;
    state.SetIterationTime(seconds);
  }
  report(state, seconds);
}
BENCHMARK(BM_ReplayParseBaseline)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
