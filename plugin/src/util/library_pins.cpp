#include "util/library_pins.h"

#include <dlfcn.h>
#include <libical/ical.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>

#include <cstring>
#include <mutex>

#include <re2/re2.h>

namespace bg {
namespace {

// Marks the already loaded library that defines `function` as never to be unloaded.
template <typename Function>
void pin_library_of(Function* function) noexcept {
  void* address = nullptr;
  std::memcpy(&address, &function, sizeof address);
  Dl_info info{};
  if (dladdr(address, &info) == 0 || info.dli_fname == nullptr) return;
  // RTLD_NOLOAD: only a library already mapped; RTLD_NODELETE: never unmapped. The handle is
  // deliberately never closed.
  dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}

}  // namespace

void pin_caching_libraries() noexcept {
  static std::once_flag once;
  try {
    std::call_once(once, [] {
      pin_library_of(&u_charType);   // libicuuc (and, through it, libicudata)
      pin_library_of(&uspoof_open);  // libicui18n
      pin_library_of(&re2::RE2::QuoteMeta);
      pin_library_of(&icaltimezone_get_builtin_timezone);
    });
  } catch (...) {
  }
}

}  // namespace bg
