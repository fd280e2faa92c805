#include "util/decimal_text.h"

#include <gtest/gtest.h>

#include <clocale>
#include <string>
#include <utility>
#include <vector>

namespace bg::test {
namespace {

TEST(DecimalText, ReadsOneFiniteNumberAndNothingElse) {
  double v = 0;
  for (const auto& [text, value] : std::vector<std::pair<std::string, double>>{
           {"8", 8}, {"-1.5", -1.5}, {".5", 0.5}, {"2.5e-3", 0.0025}, {"0", 0}}) {
    ASSERT_TRUE(parse_decimal(text, v)) << text;
    EXPECT_DOUBLE_EQ(v, value) << text;
  }
  for (const char* bad : {"", "-", "+1", " 1", "1 ", "1,5", "inf", "nan", "0x10", "1e999", "8x"})
    EXPECT_FALSE(parse_decimal(bad, v)) << bad;
}

// A host may set a locale whose decimal mark is a comma; policies and models still read "2.5".
TEST(DecimalText, IgnoresTheHostsLocale) {
  const std::string before = std::setlocale(LC_NUMERIC, nullptr);
  const char* comma = nullptr;
  for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR"}) {
    if ((comma = std::setlocale(LC_NUMERIC, name)) != nullptr) break;
  }
  if (comma == nullptr) GTEST_SKIP() << "no locale with a decimal comma is installed";
  double v = 0;
  const bool read = parse_decimal("2.5", v);
  std::setlocale(LC_NUMERIC, before.c_str());
  ASSERT_TRUE(read);
  EXPECT_DOUBLE_EQ(v, 2.5);
}

}  // namespace
}  // namespace bg::test
