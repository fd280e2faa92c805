// Finds, loads and checks the Boundary Guard plugin (a shared library) at run time.
//
// Search order: an explicit path; else the BOUNDARY_GUARD_PLUGIN environment variable; else
// next to the running executable, then in its ../lib, then (in a development build) the build
// tree's plugin. An explicit path or the variable is the only place tried; it may name the
// library file or a folder holding it. Link with the bg_loader library.
#ifndef BOUNDARY_GUARD_PLUGIN_LOADER_HPP
#define BOUNDARY_GUARD_PLUGIN_LOADER_HPP

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "boundary_guard/boundary_guard.h"

namespace Poco {
class SharedLibrary;
}

namespace boundary_guard {

// Why a plugin could not be used; what() says it in words, with the paths involved.
class LoadError : public std::runtime_error {
 public:
  enum class Reason {
    not_found,     // no file at any path tried (what() lists them)
    not_loadable,  // a file, but the dynamic loader refused it (what() has its reason)
    not_a_plugin,  // a library without bg_plugin_get_api
    incompatible,  // a plugin, but not of ABI 1.x, or its function table is malformed
  };
  LoadError(Reason reason, const std::string& message)
      : std::runtime_error(message), reason_(reason) {}
  Reason reason() const noexcept { return reason_; }

 private:
  Reason reason_;
};

// A loaded plugin. The library stays loaded for the object's lifetime, so the function table
// and everything obtained from it (engines, verdicts) must not outlive it. Move-only.
// Constructing loads the library (not thread-safe with other loads); api() is thread-safe.
class PluginLoader {
 public:
  // Finds and loads the plugin (see the search order above) and checks its ABI version and
  // function table. Throws LoadError.
  explicit PluginLoader(const std::string& explicit_path = {});
  PluginLoader(PluginLoader&&) noexcept;
  PluginLoader& operator=(PluginLoader&&) noexcept;
  PluginLoader(const PluginLoader&) = delete;
  PluginLoader& operator=(const PluginLoader&) = delete;
  ~PluginLoader();

  // The plugin's ABI 1.x function table (never NULL after construction).
  const bg_api* api() const noexcept { return api_; }
  // The file that was loaded.
  const std::string& path() const noexcept { return path_; }

  // The paths the constructor would try, in order, for `explicit_path`.
  static std::vector<std::string> candidate_paths(const std::string& explicit_path = {});
  // The plugin's file name on this platform, e.g. "libboundary_guard.so".
  static std::string library_file_name();

 private:
  std::unique_ptr<Poco::SharedLibrary> library_;
  const bg_api* api_ = nullptr;
  std::string path_;
};

}  // namespace boundary_guard

#endif  // BOUNDARY_GUARD_PLUGIN_LOADER_HPP
