#include "codec/utf8.h"

#include <gtest/gtest.h>

namespace bg {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("caf\xC3\xA9 \xE2\x9D\xA4\xEF\xB8\x8F \xF0\x9F\x98\x98"),
            std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(std::string_view{"a\0b", 3}), std::string_view::npos);
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ok\xE2\x9D"), 2u);        // truncated
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);              // lone continuation
}

}  // namespace
}  // namespace bg
