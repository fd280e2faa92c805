#include "policy/pack_reader.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>

namespace bg {
namespace fs = std::filesystem;

namespace {
constexpr size_t kMaxPolicyFileBytes = size_t{4} << 20;
}  // namespace

std::string SourceFile::line(int number) const {
  if (number < 1) return {};
  size_t start = 0;
  for (int i = 1; i < number; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  const size_t end = text.find('\n', start);
  std::string out = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

void ProblemSink::add(const char* code, bool is_error, const SourceFile& file,
                      const YAML::Mark& mark, std::string item, std::string message,
                      int column_shift) {
  PolicyProblem p;
  p.code = code;
  p.is_error = is_error;
  p.where.file = file.path;
  if (!mark.is_null()) {
    p.where.line = mark.line + 1;
    p.where.column = mark.column + 1 + column_shift;
    p.snippet = file.line(p.where.line);
  }
  p.item = std::move(item);
  p.message = std::move(message);
  out_.push_back(std::move(p));
}

void ProblemSink::error_without_position(const char* code, std::string file, std::string message) {
  PolicyProblem p;
  p.code = code;
  p.where.file = std::move(file);
  p.message = std::move(message);
  out_.push_back(std::move(p));
}

namespace {

std::shared_ptr<SourceFile> read_source(const fs::path& path, ProblemSink& sink) {
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    sink.error_without_position("BG-P001", path.string(), "cannot read this file");
    return nullptr;
  }
  // Read in chunks up to the limit, so that a path such as /dev/zero or /proc/self/pagemap
  // cannot exhaust memory, and a small file costs its own size (a buffer of the limit's size
  // for each file once held 4 MiB per file, 50 MB for the default pack, while loading).
  std::string text;
  std::array<char, 64 * 1024> chunk{};
  while (text.size() <= kMaxPolicyFileBytes) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    text.append(chunk.data(), got);
  }
  if (text.size() > kMaxPolicyFileBytes) {
    sink.error_without_position("BG-P001", path.string(),
                                "this file is over the limit of " +
                                    std::to_string(kMaxPolicyFileBytes >> 20) +
                                    " MiB for a policy file");
    return nullptr;
  }
  auto file = std::make_shared<SourceFile>();
  file->path = path.string();
  file->text = std::move(text);
  try {
    file->root = YAML::Load(file->text);
  } catch (const YAML::Exception& e) {
    sink.add("BG-P002", true, *file, e.mark, "", "not valid YAML: " + e.msg);
    return nullptr;
  }
  if (file->root.IsNull()) file->root = YAML::Node(YAML::NodeType::Map);
  if (!file->root.IsMap()) {
    sink.error(*file, file->root, "BG-P003", "",
               "a policy file must be a mapping of keys such as pack, settings and rules");
    return nullptr;
  }
  return file;
}

std::string scalar_or_empty(const YAML::Node& node) {
  return node && node.IsScalar() ? node.Scalar() : std::string{};
}

}  // namespace

std::optional<RawPack> read_pack(const std::string& path, ProblemSink& sink) {
  std::error_code ec;
  fs::path head = path;
  std::vector<fs::path> fragments;
  if (fs::is_directory(head, ec)) {
    const fs::path folder = head;
    head = folder / "pack.yaml";
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const auto& p = entry.path();
      if (entry.is_regular_file() && p.extension() == ".yaml" && p.filename() != "pack.yaml") {
        fragments.push_back(p);
      }
    }
    std::sort(fragments.begin(), fragments.end());
  }
  auto head_file = read_source(head, sink);
  if (!head_file) return std::nullopt;
  RawPack pack;
  pack.directory = head.parent_path().string();
  const YAML::Node& root = head_file->root;
  pack.name = scalar_or_empty(root["pack"]);
  if (pack.name.empty()) {
    sink.error(*head_file, root, "BG-P005", "", "the pack needs a name: \"pack: <name>\"");
  }
  pack.version = scalar_or_empty(root["version"]);
  if (pack.version.empty()) pack.version = "0";
  pack.description = scalar_or_empty(root["description"]);
  if (const YAML::Node extends = root["extends"]) {
    if (extends.IsScalar()) {
      pack.extends.push_back({extends.Scalar(), head_file, extends});
    } else if (extends.IsSequence()) {
      for (const auto& item : extends) {
        if (item.IsScalar()) {
          pack.extends.push_back({item.Scalar(), head_file, item});
        } else {
          sink.error(*head_file, item, "BG-P003", "extends",
                     "each entry of extends is a pack name");
        }
      }
    } else {
      sink.error(*head_file, extends, "BG-P003", "extends",
                 "extends is a pack name or a list of them");
    }
  }
  pack.files.push_back(std::move(head_file));
  for (const auto& fragment : fragments) {
    auto file = read_source(fragment, sink);
    if (!file) continue;
    for (const char* key : {"pack", "extends", "version"}) {
      if (file->root[key]) {
        sink.error(*file, file->root[key], "BG-P003", "",
                   std::string{"\""} + key + "\" belongs in pack.yaml, not in a fragment");
      }
    }
    pack.files.push_back(std::move(file));
  }
  return pack;
}

std::string resolve_pack(const std::string& name, const std::string& directory) {
  std::error_code ec;
  const fs::path dir{directory};
  std::vector<fs::path> candidates;
  if (name.find('/') != std::string::npos || fs::path{name}.extension() == ".yaml") {
    candidates.push_back(dir / name);
  } else {
    candidates = {dir / ".." / name, dir / name, dir / (name + ".yaml"),
                  dir / ".." / (name + ".yaml")};
  }
  for (const auto& candidate : candidates) {
    if (fs::is_directory(candidate, ec) && fs::exists(candidate / "pack.yaml", ec)) {
      return candidate.lexically_normal().string();
    }
    if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
  }
  return {};
}

}  // namespace bg
