// What the plugin exports: one symbol, and the ABI 1 table behind it.
#include <cstdio>
#include <cstring>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

TEST(AbiExports, NmShowsExactlyOneDefinedDynamicSymbol) {
  const std::string command = std::string{BG_NM} + " -D --defined-only '" + plugin_path() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr) << command;
  std::string output;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  ASSERT_EQ(pclose(pipe), 0) << command << "\n" << output;

  std::multiset<std::string> symbols;
  std::istringstream lines{output};
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields{line};
    std::string field, last;
    while (fields >> field) last = field;
    if (!last.empty()) symbols.insert(last);
  }
  EXPECT_EQ(symbols, std::multiset<std::string>{"bg_plugin_get_api"}) << output;
}

TEST(AbiExports, MajorOneGivesTheVersionOneTable) {
  const bg_api* table = get_api_function()(1);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->abi_major, 1u);
  EXPECT_EQ(table->abi_major, BG_ABI_MAJOR);
  EXPECT_GE(table->abi_minor, BG_ABI_MINOR);
  EXPECT_EQ(table->struct_size, sizeof(bg_api));
  // Every 1.0 entry point is present.
  EXPECT_NE(table->version, nullptr);
  EXPECT_NE(table->engine_open, nullptr);
  EXPECT_NE(table->engine_close, nullptr);
  EXPECT_NE(table->last_error, nullptr);
  EXPECT_NE(table->evaluate_json, nullptr);
  EXPECT_NE(table->evaluate_struct, nullptr);
  EXPECT_NE(table->verdict_free, nullptr);
  EXPECT_NE(table->verdict_event_id, nullptr);
  EXPECT_NE(table->verdict_decision, nullptr);
  EXPECT_NE(table->verdict_notice, nullptr);
  EXPECT_NE(table->verdict_audit_id, nullptr);
  EXPECT_NE(table->verdict_finding_count, nullptr);
  EXPECT_NE(table->verdict_finding, nullptr);
  EXPECT_NE(table->verdict_json, nullptr);
  EXPECT_NE(table->record_outcome, nullptr);
  EXPECT_NE(table->reload_policy, nullptr);
  EXPECT_NE(table->flush, nullptr);
}

// Every slot of the table, the pointers of later minors included, is filled: a host that checks
// abi_minor (or struct_size) can call what it finds.
TEST(AbiExports, EverySlotOfTheTableIsSet) {
  const bg_api& table = api();
  ASSERT_GE(table.struct_size, sizeof(bg_api));
  const size_t first = offsetof(bg_api, version);
  ASSERT_EQ((table.struct_size - first) % sizeof(void*), 0u);
  const auto* bytes = reinterpret_cast<const unsigned char*>(&table);
  for (size_t at = first; at < table.struct_size; at += sizeof(void*)) {
    void* slot = nullptr;
    std::memcpy(&slot, bytes + at, sizeof slot);
    EXPECT_NE(slot, nullptr) << "bg_api slot at offset " << at;
  }
}

TEST(AbiExports, OtherMajorsGiveNull) {
  EXPECT_EQ(get_api_function()(0), nullptr);
  EXPECT_EQ(get_api_function()(2), nullptr);
  EXPECT_EQ(get_api_function()(UINT32_MAX), nullptr);
}

TEST(AbiExports, TableIsStaticAndStable) {
  const bg_api* first = get_api_function()(1);
  const bg_api* second = get_api_function()(1);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first, &api());
}

TEST(AbiExports, VersionIsTheProjectVersion) {
  const char* version = api().version();
  ASSERT_NE(version, nullptr);
  EXPECT_STREQ(version, BG_PROJECT_VERSION);
  EXPECT_EQ(api().version(), version) << "static storage";
}

}  // namespace
}  // namespace bgtest
