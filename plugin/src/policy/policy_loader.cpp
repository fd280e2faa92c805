#include "policy/policy_loader.h"

#include <dlfcn.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <filesystem>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "policy/pack_collector.h"
#include "policy/policy_compiler.h"

namespace bg {

namespace {

PolicyLoadResult read_and_compile(const std::string& path, PolicyLoadOptions options) {
  PolicyLoadResult result;
  ProblemSink sink{result.problems};
  const auto packs = collect_packs(path, sink);
  if (packs.empty()) return result;
  auto policy = compile_policy(packs, sink, options.text_models);
  policy->source_path = path;
  // The hash covers every file of every pack, so any change anywhere in the chain shows.
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  for (const auto& pack : packs) {
    for (const auto& file : pack.files) {
      policy->files.push_back(file->path);
      // File names, not paths: the same pack hashes the same wherever it is installed.
      const std::string name = std::filesystem::path{file->path}.filename().string();
      sha.update(name.data(), name.size());
      sha.update(file->text.data(), file->text.size());
    }
  }
  // Text models are part of the policy: their changes show in the hash and are watched.
  for (const auto& classifier : policy->classifiers) {
    policy->files.push_back(classifier.model_path);
    const std::string name = std::filesystem::path{classifier.model_path}.filename().string();
    sha.update(name.data(), name.size());
    sha.update(classifier.model->digest().data(), classifier.model->digest().size());
  }
  policy->sha256 = Poco::DigestEngine::digestToHex(sha.digest());
  if (!has_errors(result.problems)) result.policy = std::move(policy);
  return result;
}

}  // namespace

PolicyLoadResult load_policy(const std::string& path, PolicyLoadOptions options) {
  PolicyLoadResult result = read_and_compile(path, options);
  // Compiling allocates several times what the policy keeps (YAML documents, pack texts, RE2
  // programs built to check each pattern alone). glibc keeps freed memory for reuse; give it
  // back so that a loaded engine's footprint is what it holds.
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  return result;
}

std::string default_policy_path() {
  namespace fs = std::filesystem;
  // The installed layout is <prefix>/lib/libboundary_guard.so and
  // <prefix>/share/boundary_guard/policies/default.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&default_policy_path), &info) != 0 && info.dli_fname) {
    std::error_code ec;
    const fs::path installed = fs::path{info.dli_fname}.parent_path() / ".." / "share" /
                               "boundary_guard" / "policies" / "default";
    if (fs::exists(installed / "pack.yaml", ec)) return installed.lexically_normal().string();
  }
  return std::string{BG_SOURCE_POLICY_DIR} + "/default";
}

}  // namespace bg
