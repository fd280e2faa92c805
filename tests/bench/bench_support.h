// Shared by the benchmarks: the plugin through its C ABI (linked directly, as a host would after
// dlopen), a small practice, realistic events with fresh ids, per-call timing with percentiles,
// generated packs, the RE2 baseline and memory readings. Nothing here is timed itself.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

#include "boundary_guard/boundary_guard.h"

namespace bgbench {

const bg_api& api();

// The source tree's policies/default.
std::string default_pack();

// A scratch directory, removed with its contents.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// An engine with the practice's roster loaded. `audit` empty: no audit log.
class Engine {
 public:
  Engine(const std::string& policy, const std::string& audit, const std::string& options = "");
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  bg_engine* get() const { return engine_; }
  // Evaluates one line and frees the verdict; aborts on anything but BG_OK. Returns whether the
  // verdict has findings.
  bool evaluate(std::string_view line) const;

 private:
  bg_engine* engine_ = nullptr;
};

// Message texts of 200 to 400 bytes: clinical, administrative, personal, crisis, social.
const std::vector<std::string>& message_texts();

// Observed events with id "<prefix>-<n>", varied by n (hour, direction, channel, text).
std::string message_line(uint64_t n, const std::string& text, const char* prefix = "m");
std::string appointment_line(uint64_t n);
std::string social_line(uint64_t n);
std::string payment_line(uint64_t n);

// Per-call wall times of one benchmark run, reported as p50/p99/mean counters (microseconds).
class Timings {
 public:
  explicit Timings(size_t expected) { ns_.reserve(expected); }
  void add(int64_t ns) { ns_.push_back(ns); }
  void report(benchmark::State& state);

 private:
  std::vector<int64_t> ns_;
};
int64_t now_ns();

// Evaluates `warm` messages, then one message per benchmark iteration (fresh ids, the texts of
// message_texts() in turn), each timed on its own; reports p50/p99/mean and the share of
// messages flagged. For UseManualTime().
void time_message_stream(benchmark::State& state, const Engine& engine, uint64_t warm);

// The same for the common case of the send path: the clinical and administrative texts of
// message_texts(), therapist to client on the portal inside working hours (nothing to flag).
void time_unflagged_message_stream(benchmark::State& state, const Engine& engine, uint64_t warm);

// A pack that extends the default pack with `rules` generated rules over rules/10 generated
// lexicons, written into `dir`; returns its path.
std::string write_scaled_pack(const ScratchDir& dir, size_t rules);

// The text as the plugin's lexicons read it (bg::NormalizedText: folded, mapped back).
std::string normalized(std::string_view text);

// One RE2::Set built from every lexicon and `matches` pattern of a policy: the cost of reading
// a (normalized) text once for all of the policy's words.
class PolicyPatternSet {
 public:
  explicit PolicyPatternSet(const std::string& policy_path);
  ~PolicyPatternSet();
  // Runs the set over `text`; returns how many patterns matched.
  size_t match(std::string_view text) const;
  size_t size() const { return size_; }

 private:
  std::unique_ptr<re2::RE2::Set> set_;
  size_t size_ = 0;
};

// Resident set size now and at its peak, in MiB, from /proc/self/status.
double rss_mib();
double peak_rss_mib();

}  // namespace bgbench
