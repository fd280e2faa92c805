// One message of 200-400 bytes evaluated with the default pack through the C ABI, audit log on
// in its default mode, a fresh event id each call (so nothing is answered from memory): p50 and
// p99 of per-call wall time. Baseline: one RE2::Set pass with every pattern of the same pack
// over the same text, normalized as the plugin normalizes it: the cost of reading the text at
// all. Target: p50 <= 5 us, p99 <= 25 us, within 5x of the baseline.
#include "bench_support.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "text/normalized_text.h"
#include "text/text_model.h"

namespace bgbench {
namespace {

constexpr int64_t kCalls = 20000;

void BM_MessageEvaluate(benchmark::State& state) {
  const ScratchDir dir;
  const Engine engine{default_pack(), dir.file("audit.sqlite")};
  time_message_stream(state, engine, 2000);
}
BENCHMARK(BM_MessageEvaluate)->UseManualTime()->Iterations(kCalls)->Unit(benchmark::kMicrosecond);

// The send path's common case: nothing to flag, so nothing is written to the audit log.
void BM_MessageEvaluateUnflagged(benchmark::State& state) {
  const ScratchDir dir;
  const Engine engine{default_pack(), dir.file("audit.sqlite")};
  time_unflagged_message_stream(state, engine, 2000);
}
BENCHMARK(BM_MessageEvaluateUnflagged)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

void BM_MessageRe2SetBaseline(benchmark::State& state) {
  const PolicyPatternSet set{default_pack()};
  std::vector<std::string> texts;
  for (const auto& text : message_texts()) texts.push_back(normalized(text));
  Timings timings{static_cast<size_t>(kCalls)};
  uint64_t n = 0;
  size_t matched = 0;
  for (auto _ : state) {
    const std::string& text = texts[n++ % texts.size()];
    const int64_t start = now_ns();
    matched += set.match(text);
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  benchmark::DoNotOptimize(matched);
  timings.report(state);
  state.counters["patterns"] = static_cast<double>(set.size());
}
BENCHMARK(BM_MessageRe2SetBaseline)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

// What the detectors and rules cost on top of reading the text: the same messages with no audit
// log (so nothing but decoding, detection and rules), against the text normalisation alone
// (bg::NormalizedText over the raw text: folding, look-alikes, the offset map).
void BM_MessageDetectionNoAudit(benchmark::State& state) {
  const Engine engine{default_pack(), ""};
  time_message_stream(state, engine, 2000);
}
BENCHMARK(BM_MessageDetectionNoAudit)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

void BM_MessageNormalizeBaseline(benchmark::State& state) {
  const auto& texts = message_texts();
  Timings timings{static_cast<size_t>(kCalls)};
  uint64_t n = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[n++ % texts.size()];
    const int64_t start = now_ns();
    bytes += normalized(text).size();
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  benchmark::DoNotOptimize(bytes);
  timings.report(state);
}
BENCHMARK(BM_MessageNormalizeBaseline)
    ->UseManualTime()
    ->Iterations(kCalls)
    ->Unit(benchmark::kMicrosecond);

// Every text model of the base pack (personal talk, romantic tone, gift talk, request talk and
// social talk after round 20) scoring a message over text already normalized, which is what every
// message pays (evidence is read only when a model's rule fires): what the models add to the text
// pass they share with the lexicons, against that pass alone (BM_MessageNormalizeBaseline).
void BM_MessageTextModels(benchmark::State& state) {
  std::vector<std::unique_ptr<bg::TextModel>> models;
  for (const auto& entry :
       std::filesystem::directory_iterator{std::string{BG_SOURCE_POLICY_DIR} + "/base/models"}) {
    if (entry.path().extension() != ".model") continue;
    std::string error;
    models.push_back(bg::TextModel::load(entry.path().string(), error));
    if (!models.back()) {
      state.SkipWithError(error.c_str());
      return;
    }
  }
  state.counters["models"] = static_cast<double>(models.size());
  std::vector<bg::NormalizedText> texts;
  for (const auto& text : message_texts()) texts.emplace_back(text);
  Timings timings{static_cast<size_t>(kCalls)};
  uint64_t n = 0;
  double total = 0;
  for (auto _ : state) {
    const size_t i = n++ % texts.size();
    const int64_t start = now_ns();
    for (const auto& model : models) total += model->score(texts[i].text());
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  benchmark::DoNotOptimize(total);
  timings.report(state);
}
BENCHMARK(BM_MessageTextModels)->UseManualTime()->Iterations(kCalls)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace bgbench

BENCHMARK_MAIN();
