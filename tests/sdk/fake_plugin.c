/* Fake plugins for the loader tests, one per FAKE_* definition:
 *  FAKE_NO_SYMBOL    a shared library without bg_plugin_get_api
 *  FAKE_ABI2         a plugin that implements only ABI 2.x
 *  FAKE_SHORT_TABLE  a plugin whose 1.x table is shorter than ABI 1.0's */
#include "boundary_guard/boundary_guard.h"

#if defined(FAKE_NO_SYMBOL)

BG_EXPORT int bg_fake_marker(void) { return 42; }

#else

static const char* fake_version(void) { return "0.0.0-fake"; }

#if defined(FAKE_ABI2)
static const bg_api kTable = {
    .struct_size = sizeof(bg_api), .abi_major = 2, .abi_minor = 3, .version = fake_version};
BG_EXPORT const bg_api* bg_plugin_get_api(uint32_t abi_major) {
  return abi_major == 2 ? &kTable : NULL;
}
#elif defined(FAKE_SHORT_TABLE)
static const bg_api kTable = {
    .struct_size = 16, .abi_major = 1, .abi_minor = 0, .version = fake_version};
BG_EXPORT const bg_api* bg_plugin_get_api(uint32_t abi_major) {
  return abi_major == 1 ? &kTable : NULL;
}
#else
#error "define one of FAKE_NO_SYMBOL, FAKE_ABI2, FAKE_SHORT_TABLE"
#endif

#endif
