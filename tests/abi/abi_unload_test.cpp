// Loading and unloading the plugin must not leak: a host that dlclose()s it (to reload a new
// version, say) gets all the plugin's memory back.
//
// ICU and RE2 keep process-wide caches of their own that they only free at exit (ICU through
// u_cleanup(), which a library must not call for its host). This program links them, so they
// stay loaded across the cycles and their caches are built once; what is left to grow from one
// load/unload cycle to the next is the plugin's own memory.
//
// Without a sanitizer the growth of the heap in use (mallinfo2) over cycles that open an engine
// and evaluate events is compared with its growth over cycles that only load and unload the
// plugin (the dynamic loader's own cost). Under AddressSanitizer the leak checker at exit does
// the job (the plugin is unloaded, so whatever it did not free is unreachable then).
#include <dlfcn.h>
#include <malloc.h>
#include <unicode/uspoof.h>
#include <unicode/utypes.h>

#include <cstdio>
#include <cstring>
#include <string>

#include <re2/re2.h>

#include "boundary_guard/boundary_guard.h"

namespace {

constexpr int kCycles = 12;
constexpr long kAllowedGrowthPerCycle = 512;  // bytes; allocator noise, not a leak

// GCC defines __SANITIZE_*__; clang answers __has_feature.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BG_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BG_UNDER_SANITIZER 1
#endif
#endif

bool sanitized() {
#ifdef BG_UNDER_SANITIZER
  return true;
#else
  return false;
#endif
}

bg_str view(const char* s) { return bg_str{s, std::strlen(s)}; }

// One cycle: load; with `use`, open an engine, evaluate events that reach every text path
// (look-alike letters and accents included) and close it; unload.
bool cycle(const char* path, bool use) {
  void* library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    std::fprintf(stderr, "cannot load %s: %s\n", path, dlerror());
    return false;
  }
  void* symbol = dlsym(library, "bg_plugin_get_api");
  bg_plugin_get_api_fn get = nullptr;
  std::memcpy(&get, &symbol, sizeof get);
  const bg_api* api = get != nullptr ? get(BG_ABI_MAJOR) : nullptr;
  bool ok = api != nullptr;
  if (ok && use) {
    bg_engine_config config{};
    config.struct_size = static_cast<uint32_t>(sizeof config);
    bg_engine* engine = nullptr;
    char error[512] = "";
    ok = api->engine_open(&config, &engine, error, sizeof error) == BG_OK;
    if (!ok) std::fprintf(stderr, "engine_open: %s\n", error);
    const char* const events[] = {
        R"({"type":"therapist","id":"t-1","time_zone":"America/Chicago"})",
        R"({"type":"client","id":"c-1","therapist":"t-1"})",
        "{\"type\":\"message\",\"id\":\"m-1\",\"at\":\"2026-03-04T23:15:00-06:00\","
        "\"from\":{\"role\":\"therapist\",\"id\":\"t-1\"},\"to\":{\"role\":\"client\","
        "\"id\":\"c-1\"},\"channel\":\"personal_sms\",\"text\":\"Caf\xC3\xA9? f\xD0\xBEll\xD0\xBEw "
        "me on \xD1\x96nstagram, can't sleep\"}",
    };
    for (const char* line : events) {
      if (!ok) break;
      bg_verdict* verdict = nullptr;
      const bg_status status = api->evaluate_json(engine, view(line), &verdict);
      if (status != BG_OK) {
        std::fprintf(stderr, "evaluate_json returned %d\n", status);
        ok = false;
      }
      api->verdict_free(verdict);
    }
    api->engine_close(engine);
  }
  if (dlclose(library) != 0) {
    std::fprintf(stderr, "dlclose: %s\n", dlerror());
    ok = false;
  }
  return ok;
}

long heap_in_use() { return static_cast<long>(mallinfo2().uordblks); }

}  // namespace

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : BG_PLUGIN_PATH;
  // Keep ICU (common and i18n) and RE2 loaded (see above): reference them.
  UErrorCode status = U_ZERO_ERROR;
  uspoof_close(uspoof_open(&status));
  std::printf("ICU %s, RE2 %s\n", u_errorName(status), RE2::QuoteMeta("a.b").c_str());

  // Warm-up: one-time caches of the libraries that stay loaded.
  if (!cycle(path, true)) return 1;
  // Under a sanitizer the leak checker sees any cycle's leak, so two cycles show it; twelve
  // are for the heap measurement, which is noisy.
  const int cycles = sanitized() ? 2 : kCycles;
  long baseline = heap_in_use();
  for (int i = 0; i < cycles; ++i) {
    if (!cycle(path, false)) return 1;
  }
  const long loader_growth = heap_in_use() - baseline;
  baseline = heap_in_use();
  for (int i = 0; i < cycles; ++i) {
    if (!cycle(path, true)) return 1;
  }
  const long engine_growth = heap_in_use() - baseline;
  const long per_cycle = (engine_growth - loader_growth) / cycles;
  std::printf(
      "%d cycles each: heap in use grew by %ld bytes (load/unload only), %ld bytes (with "
      "an engine): %ld bytes per cycle\n",
      cycles, loader_growth, engine_growth, per_cycle);
  if (sanitized()) {
    std::printf("sanitizer build: the leak checker at exit decides\n");
    return 0;
  }
  if (per_cycle > kAllowedGrowthPerCycle) {
    std::fprintf(stderr,
                 "FAIL: about %ld bytes stay allocated per load/unload cycle: the plugin does not "
                 "free what it allocated (e.g. ICU objects) when it is unloaded\n",
                 per_cycle);
    return 1;
  }
  return 0;
}
