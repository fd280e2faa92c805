#include "boundary_guard/plugin_loader.hpp"

#include <Poco/Exception.h>
#include <Poco/SharedLibrary.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>

namespace boundary_guard {
namespace {

namespace fs = std::filesystem;

constexpr const char* kEntryPoint = "bg_plugin_get_api";
constexpr const char* kEnvVariable = "BOUNDARY_GUARD_PLUGIN";

// The end of the ABI 1.0 function table: a 1.x plugin's table is at least this large.
constexpr size_t kApiV1_0Size = offsetof(bg_api, flush) + sizeof(bg_api::flush);

// The folder of the running executable, or "" when it cannot be found.
fs::path executable_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path{} : self.parent_path();
}

// A folder named explicitly stands for the library file inside it.
std::string resolve(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return (fs::path{path} / PluginLoader::library_file_name()).string();
  return path;
}

std::string join(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += "\n  " + p;
  return out;
}

// Every pointer of the 1.0 table must be set.
bool table_complete(const bg_api& api) {
  return api.version && api.engine_open && api.engine_close && api.last_error &&
         api.evaluate_json && api.evaluate_struct && api.verdict_free && api.verdict_event_id &&
         api.verdict_decision && api.verdict_notice && api.verdict_audit_id &&
         api.verdict_finding_count && api.verdict_finding && api.verdict_json &&
         api.record_outcome && api.reload_policy && api.flush;
}

// Checks the table for ABI 1.x; `get_api` is probed for other majors to name what the plugin
// does implement. Throws LoadError(incompatible).
const bg_api* checked_api(bg_plugin_get_api_fn get_api, const std::string& path) {
  const std::string needs = "this host needs " + std::to_string(BG_ABI_MAJOR) + ".x";
  const bg_api* api = get_api(BG_ABI_MAJOR);
  if (api == nullptr) {
    for (uint32_t major = 1; major <= 16; ++major) {
      if (major == BG_ABI_MAJOR) continue;
      if (const bg_api* other = get_api(major); other != nullptr) {
        throw LoadError(
            LoadError::Reason::incompatible,
            path + ": plugin implements ABI " + std::to_string(other->abi_major) + ".x, " + needs);
      }
    }
    throw LoadError(LoadError::Reason::incompatible, path + ": plugin does not implement ABI " +
                                                         std::to_string(BG_ABI_MAJOR) + ".x (" +
                                                         needs + ")");
  }
  if (api->abi_major != BG_ABI_MAJOR) {
    throw LoadError(LoadError::Reason::incompatible,
                    path + ": plugin implements ABI " + std::to_string(api->abi_major) + "." +
                        std::to_string(api->abi_minor) + ", " + needs);
  }
  if (api->struct_size < kApiV1_0Size || !table_complete(*api)) {
    throw LoadError(LoadError::Reason::incompatible,
                    path + ": plugin's function table is malformed (struct_size " +
                        std::to_string(api->struct_size) + ", ABI " + std::to_string(BG_ABI_MAJOR) +
                        ".0 needs at least " + std::to_string(kApiV1_0Size) +
                        " bytes, all entries set)");
  }
  return api;
}

}  // namespace

std::string PluginLoader::library_file_name() {
#if defined(_WIN32)
  return "boundary_guard.dll";
#elif defined(__APPLE__)
  return "libboundary_guard.dylib";
#else
  return "libboundary_guard.so";
#endif
}

std::vector<std::string> PluginLoader::candidate_paths(const std::string& explicit_path) {
  if (!explicit_path.empty()) return {resolve(explicit_path)};
  if (const char* env = std::getenv(kEnvVariable); env != nullptr && *env != '\0') {
    return {resolve(env)};
  }
  std::vector<std::string> out;
  const std::string name = library_file_name();
  if (const fs::path dir = executable_dir(); !dir.empty()) {
    out.push_back((dir / name).string());
    out.push_back((dir.parent_path() / "lib" / name).lexically_normal().string());
  }
#ifdef BG_BUILD_TREE_PLUGIN
  // A development build also finds the plugin it was built with.
  out.emplace_back(BG_BUILD_TREE_PLUGIN);
#endif
  return out;
}

PluginLoader::PluginLoader(const std::string& explicit_path) {
  const std::vector<std::string> candidates = candidate_paths(explicit_path);
  std::error_code ec;
  for (const auto& candidate : candidates) {
    if (fs::is_regular_file(candidate, ec)) {
      path_ = candidate;
      break;
    }
  }
  if (path_.empty()) {
    throw LoadError(LoadError::Reason::not_found,
                    "Boundary Guard plugin not found; tried:" + join(candidates) +
                        "\n(name it with --plugin or " + kEnvVariable + ")");
  }

  library_ = std::make_unique<Poco::SharedLibrary>();
  try {
    // RTLD_LOCAL: the plugin's own dependencies do not leak into the host's symbol space.
    library_->load(path_, Poco::SharedLibrary::SHLIB_LOCAL);
  } catch (const Poco::Exception& e) {
    const std::string why = e.message().empty() ? e.displayText() : e.message();
    throw LoadError(LoadError::Reason::not_loadable,
                    path_ + ": not a loadable shared library: " + why);
  }
  try {
    if (!library_->hasSymbol(kEntryPoint)) {
      throw LoadError(LoadError::Reason::not_a_plugin,
                      path_ + ": not a Boundary Guard plugin (no " + kEntryPoint + " symbol)");
    }
    const auto get_api = reinterpret_cast<bg_plugin_get_api_fn>(library_->getSymbol(kEntryPoint));
    api_ = checked_api(get_api, path_);
  } catch (...) {
    library_->unload();
    throw;
  }
}

PluginLoader::PluginLoader(PluginLoader&& other) noexcept
    : library_(std::move(other.library_)),
      api_(std::exchange(other.api_, nullptr)),
      path_(std::move(other.path_)) {}

PluginLoader& PluginLoader::operator=(PluginLoader&& other) noexcept {
  if (this != &other) {
    if (library_) library_->unload();
    library_ = std::move(other.library_);
    api_ = std::exchange(other.api_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

// Poco's destructor leaves the library loaded; unload it explicitly.
PluginLoader::~PluginLoader() {
  if (library_ && library_->isLoaded()) library_->unload();
}

}  // namespace boundary_guard
