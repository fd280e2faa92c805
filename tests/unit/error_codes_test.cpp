// One table holds each policy error code's texts: every code is used by the loader, explained,
// and documented in docs/policy-reference.md; and the reference lists every vocabulary field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "policy/error_codes.h"
#include "policy/field_vocabulary.h"

namespace bg {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in{path};
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string policy_sources() {
  std::string all;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path{BG_PLUGIN_SOURCE_DIR} / "policy")) {
    if (entry.path().filename() != "error_codes.cpp" && entry.is_regular_file())
      all += read_all(entry.path());
  }
  return all;
}

TEST(ErrorCodes, EveryCodeIsUsedExplainedAndDocumented) {
  const std::string sources = policy_sources();
  const std::string reference = read_all(fs::path{BG_DOCS_DIR} / "policy-reference.md");
  std::set<std::string_view> seen;
  for (const auto& info : policy_error_codes()) {
    EXPECT_TRUE(seen.insert(info.code).second) << info.code << " twice";
    EXPECT_FALSE(info.summary.empty()) << info.code;
    EXPECT_GT(info.explanation.size(), 30u) << info.code;
    EXPECT_NE(sources.find("\"" + std::string{info.code} + "\""), std::string::npos)
        << info.code << " is never used by the loader";
    EXPECT_NE(reference.find(std::string{info.code}), std::string::npos)
        << info.code << " is missing from docs/policy-reference.md";
  }
}

TEST(Vocabulary, TheReferenceListsEveryFieldAndNoOthers) {
  const std::string reference = read_all(fs::path{BG_DOCS_DIR} / "policy-reference.md");
  for (const auto& field : field_vocabulary()) {
    EXPECT_NE(reference.find("| `" + field.name + "` |"), std::string::npos)
        << field.name << " is missing from the field table in docs/policy-reference.md";
  }
  // Every row of the field table names a real field.
  std::istringstream lines{reference};
  std::string line;
  bool in_fields = false;
  while (std::getline(lines, line)) {
    if (line.rfind("## Fields", 0) == 0)
      in_fields = true;
    else if (line.rfind("## ", 0) == 0)
      in_fields = false;
    if (!in_fields || line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    const std::string name = line.substr(3, end - 3);
    EXPECT_GE(find_field(name), 0) << "docs/policy-reference.md lists unknown field " << name;
  }
}

}  // namespace
}  // namespace bg
