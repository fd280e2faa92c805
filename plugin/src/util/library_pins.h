// Keeps the libraries that cache data in their own globals loaded for the life of the process.
//
// ICU (normalizers, the confusables table, time zones), RE2 (its shared empty-match objects)
// and libical (its built-in time zones) allocate such caches once and free them only at process
// exit, or never (ICU frees them in u_cleanup(), which a library must not call for its host).
// When a host unloads the plugin and those libraries go with it, the caches would leak on every
// unload; pinned, they stay reachable and are reused when the plugin is loaded again.
#pragma once

namespace bg {

// Idempotent and thread-safe; failures are ignored (the plugin works the same, unpinned).
void pin_caching_libraries() noexcept;

}  // namespace bg
