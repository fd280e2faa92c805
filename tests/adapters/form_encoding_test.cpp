// application/x-www-form-urlencoded decoding, as webhooks post it.
#include <gtest/gtest.h>

#include "adapters/form_encoding.h"

namespace bg::adapters {
namespace {

TEST(FormEncoding, DecodesPlusAndPercentEscapes) {
  std::string why;
  const auto fields =
      parse_form("Body=Are+you+free%3F+%F0%9F%99%82&From=%2B13035550142&Empty=&Flag", why);
  ASSERT_TRUE(fields) << why;
  const FormFields expected{{"Body", "Are you free? \xF0\x9F\x99\x82"},
                            {"From", "+13035550142"},
                            {"Empty", ""},
                            {"Flag", ""}};
  EXPECT_EQ(*fields, expected);
}

TEST(FormEncoding, KeepsOrderAndRepeats) {
  std::string why;
  const auto fields = parse_form("b=2&a=1&b=3&&", why);
  ASSERT_TRUE(fields);
  EXPECT_EQ(*fields, (FormFields{{"b", "2"}, {"a", "1"}, {"b", "3"}}));
}

TEST(FormEncoding, MalformedEscapesAreErrorsNamingTheByte) {
  std::string why;
  EXPECT_FALSE(parse_form("a=1&Body=100%", why));
  EXPECT_EQ(why, "a malformed percent escape in the form field at byte 4");
  EXPECT_FALSE(parse_form("a=%zz", why));
  EXPECT_FALSE(parse_form("%4", why));
  EXPECT_EQ(form_decode("%41%62"), "Ab");
  EXPECT_FALSE(form_decode("%G1"));
}

TEST(FormEncoding, EmptyBodyHasNoFields) {
  std::string why;
  const auto fields = parse_form("", why);
  ASSERT_TRUE(fields);
  EXPECT_TRUE(fields->empty());
}

}  // namespace
}  // namespace bg::adapters
