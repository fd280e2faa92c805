// The plugin loader against the real plugin and against files that are not one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"

namespace {

namespace fs = std::filesystem;
using boundary_guard::LoadError;
using boundary_guard::PluginLoader;

// Sets or unsets BOUNDARY_GUARD_PLUGIN for one test, restoring it afterwards.
class ScopedPluginEnv {
 public:
  explicit ScopedPluginEnv(const char* value) {
    if (const char* old = std::getenv("BOUNDARY_GUARD_PLUGIN")) {
      old_ = old;
      had_ = true;
    }
    if (value != nullptr) {
      ::setenv("BOUNDARY_GUARD_PLUGIN", value, 1);
    } else {
      ::unsetenv("BOUNDARY_GUARD_PLUGIN");
    }
  }
  ~ScopedPluginEnv() {
    if (had_) {
      ::setenv("BOUNDARY_GUARD_PLUGIN", old_.c_str(), 1);
    } else {
      ::unsetenv("BOUNDARY_GUARD_PLUGIN");
    }
  }

 private:
  std::string old_;
  bool had_ = false;
};

// Runs `load` and returns the LoadError it throws (fails the test if it throws none).
template <typename Load>
LoadError expect_load_error(Load load) {
  try {
    load();
  } catch (const LoadError& e) {
    return e;
  }
  ADD_FAILURE() << "no LoadError thrown";
  return LoadError(LoadError::Reason::not_found, "");
}

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("bg-sdk-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

TEST(PluginLoader, LoadsTheRealPluginByPath) {
  const PluginLoader plugin{BG_TEST_PLUGIN};
  ASSERT_NE(plugin.api(), nullptr);
  EXPECT_EQ(plugin.api()->abi_major, BG_ABI_MAJOR);
  EXPECT_GE(plugin.api()->struct_size, sizeof(bg_api));
  EXPECT_STRNE(plugin.api()->version(), "");
  EXPECT_EQ(plugin.path(), BG_TEST_PLUGIN);
}

TEST(PluginLoader, AFolderStandsForTheLibraryInIt) {
  const std::string dir = fs::path{BG_TEST_PLUGIN}.parent_path().string();
  const PluginLoader plugin{dir};
  EXPECT_EQ(fs::path{plugin.path()}.filename(), PluginLoader::library_file_name());
  EXPECT_EQ(plugin.api()->abi_major, BG_ABI_MAJOR);
}

TEST(PluginLoader, MissingPathListsWhatWasTried) {
  const std::string missing = temp_path("no-such-plugin.so");
  const LoadError e = expect_load_error([&] { PluginLoader{missing}; });
  EXPECT_EQ(e.reason(), LoadError::Reason::not_found);
  EXPECT_NE(std::string{e.what()}.find("not found"), std::string::npos) << e.what();
  EXPECT_NE(std::string{e.what()}.find(missing), std::string::npos) << e.what();
}

TEST(PluginLoader, ExplicitPathIsTheOnlyCandidate) {
  EXPECT_EQ(PluginLoader::candidate_paths("/opt/x/libboundary_guard.so"),
            std::vector<std::string>{"/opt/x/libboundary_guard.so"});
}

TEST(PluginLoader, EnvironmentVariableIsUsedWhenNoPathIsGiven) {
  const ScopedPluginEnv env{BG_TEST_PLUGIN};
  EXPECT_EQ(PluginLoader::candidate_paths(), std::vector<std::string>{BG_TEST_PLUGIN});
  const PluginLoader plugin;
  EXPECT_EQ(plugin.path(), BG_TEST_PLUGIN);
}

TEST(PluginLoader, EnvironmentVariableNamingNothingIsAnError) {
  const std::string missing = temp_path("env-plugin.so");
  const ScopedPluginEnv env{missing.c_str()};
  const LoadError e = expect_load_error([] { PluginLoader{}; });
  EXPECT_EQ(e.reason(), LoadError::Reason::not_found);
  EXPECT_NE(std::string{e.what()}.find(missing), std::string::npos) << e.what();
}

TEST(PluginLoader, DefaultSearchTriesExecutableDirLibAndBuildTree) {
  const ScopedPluginEnv env{nullptr};
  const auto candidates = PluginLoader::candidate_paths();
  const fs::path exe_dir = fs::read_symlink("/proc/self/exe").parent_path();
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_EQ(candidates[0], (exe_dir / PluginLoader::library_file_name()).string());
  EXPECT_EQ(candidates[1],
            (exe_dir.parent_path() / "lib" / PluginLoader::library_file_name()).string());
  EXPECT_EQ(candidates[2], BG_TEST_PLUGIN);
  // In the build tree the last one is there.
  const PluginLoader plugin;
  EXPECT_EQ(plugin.path(), BG_TEST_PLUGIN);
}

TEST(PluginLoader, FileThatIsNotALibraryIsRejectedWithTheLoadersReason) {
  const std::string path = temp_path("not-a-library.so");
  std::ofstream{path} << "this is a text file, not an ELF shared object\n";
  const LoadError e = expect_load_error([&] { PluginLoader{path}; });
  fs::remove(path);
  EXPECT_EQ(e.reason(), LoadError::Reason::not_loadable);
  const std::string what = e.what();
  EXPECT_NE(what.find(path), std::string::npos) << what;
  EXPECT_NE(what.find("not a loadable shared library"), std::string::npos) << what;
  // dlerror()'s own words, e.g. "invalid ELF header" or "file too short".
  EXPECT_TRUE(what.find("ELF") != std::string::npos || what.find("too short") != std::string::npos)
      << what;
}

TEST(PluginLoader, LibraryWithoutTheEntryPointIsNotAPlugin) {
  const LoadError e = expect_load_error([] { PluginLoader{BG_TEST_FAKE_NO_SYMBOL}; });
  EXPECT_EQ(e.reason(), LoadError::Reason::not_a_plugin);
  EXPECT_NE(std::string{e.what()}.find("not a Boundary Guard plugin"), std::string::npos)
      << e.what();
}

TEST(PluginLoader, PluginOfAnotherMajorVersionIsIncompatible) {
  const LoadError e = expect_load_error([] { PluginLoader{BG_TEST_FAKE_ABI2}; });
  EXPECT_EQ(e.reason(), LoadError::Reason::incompatible);
  EXPECT_NE(std::string{e.what()}.find("plugin implements ABI 2.x, this host needs 1.x"),
            std::string::npos)
      << e.what();
}

TEST(PluginLoader, TableShorterThanAbi1_0IsIncompatible) {
  const LoadError e = expect_load_error([] { PluginLoader{BG_TEST_FAKE_SHORT_TABLE}; });
  EXPECT_EQ(e.reason(), LoadError::Reason::incompatible);
  EXPECT_NE(std::string{e.what()}.find("struct_size 16"), std::string::npos) << e.what();
}

TEST(PluginLoader, MovedLoaderKeepsThePluginLoaded) {
  PluginLoader first{BG_TEST_PLUGIN};
  const bg_api* api = first.api();
  PluginLoader second{std::move(first)};
  EXPECT_EQ(second.api(), api);
  const boundary_guard::Engine engine{second.api()};
  const auto result =
      engine.evaluate_json(R"({"type":"therapist","id":"t-1","time_zone":"America/Chicago"})");
  EXPECT_TRUE(result.ok()) << result.message;
}

}  // namespace
