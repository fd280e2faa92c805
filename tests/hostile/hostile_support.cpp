#include "hostile_support.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

namespace bghostile {

using bgtest::api;

std::string data_path(const std::string& name) {
  return std::string{BG_HOSTILE_DATA_DIR} + "/" + name;
}

std::vector<HostileCase> read_cases(const std::string& tsv_path) {
  std::ifstream in{tsv_path, std::ios::binary};
  const std::string all{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::vector<HostileCase> out;
  size_t start = 0, number = 0;
  while (start < all.size()) {
    size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    const std::string line = all.substr(start, end - start);
    ++number;
    start = end + 1;
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << tsv_path << ":" << number << ": no tab between expectation and event";
      continue;
    }
    out.push_back({std::filesystem::path{tsv_path}.filename().string(), number, line.substr(0, tab),
                   line.substr(tab + 1)});
  }
  return out;
}

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(data_path("events"))) {
    if (entry.path().extension() == ".tsv") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bgtest::Json late_message(const std::string& id, const std::string& text) {
  return bgtest::message(id, "2026-03-04T23:15:00-06:00", bgtest::therapist_party("t-ana"),
                         bgtest::client_party("c-042"), "practice_sms", text.c_str());
}

void expect_still_serving(bg_engine* engine, bool flagged) {
  static std::atomic<int> counter{0};
  const auto r = bgtest::evaluate(
      engine, late_message("serving-" + std::to_string(++counter), "can't sleep, thinking of you"));
  ASSERT_EQ(r.status, BG_OK) << "the engine stopped serving: " << r.error;
  ASSERT_NE(r.verdict, nullptr);
  if (!flagged) return;
  EXPECT_GE(api().verdict_finding_count(r.verdict.get()), 1u)
      << "a late personal text is no longer flagged: " << bgtest::verdict_json(r.verdict.get());
}

std::string write_pack(const bgtest::TempDir& dir, const std::string& name,
                       const std::string& body) {
  const std::string path = dir.file(name + ".yaml");
  std::ofstream out{path, std::ios::binary};
  out << "pack: " << name << "\nversion: \"1\"\n" << body;
  return path;
}

}  // namespace bghostile
