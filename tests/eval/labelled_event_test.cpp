// Reading a labelled corpus line (sdk/tools/boundaryctl/labelled_event.cpp), compiled in.
#include "labelled_event.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using boundaryctl::CategorySet;
using boundaryctl::read_labelled_event;

TEST(LabelledEvent, ReadsIdTypeLabelAndNote) {
  const auto e = read_labelled_event(
      R"({"type":"message","id":"m-1","from":{"role":"therapist","id":"t"},)"
      R"("to":{"role":"client","id":"c"},"label":{"categories":["off_hours","personal_channel"],)"
      R"("note":"why","sequence":"seq-x","hard_negative_for":["gift_money"]}})");
  EXPECT_EQ(e.type, "message");
  EXPECT_EQ(e.id, "m-1");
  EXPECT_FALSE(e.roster);
  EXPECT_FALSE(e.client_side);
  EXPECT_TRUE(e.labelled);
  EXPECT_EQ(e.expected, (CategorySet{"off_hours", "personal_channel"}));
  EXPECT_EQ(e.note, "why");
}

TEST(LabelledEvent, EmptyCategoriesIsAnUnremarkableLabel) {
  const auto e =
      read_labelled_event(R"({"type":"appointment","id":"a","label":{"categories":[]}})");
  EXPECT_TRUE(e.labelled);
  EXPECT_TRUE(e.expected.empty());
  EXPECT_EQ(e.note, "");
  EXPECT_FALSE(e.client_side);  // appointments are the therapist's side
}

TEST(LabelledEvent, ClientSideIsWhoeverInitiated) {
  EXPECT_TRUE(
      read_labelled_event(R"({"type":"message","from":{"role":"client","id":"c"}})").client_side);
  EXPECT_TRUE(
      read_labelled_event(R"({"type":"social","actor":{"role":"client","id":"c"}})").client_side);
  EXPECT_TRUE(
      read_labelled_event(R"({"type":"payment","from":{"role":"client","id":"c"}})").client_side);
  EXPECT_FALSE(read_labelled_event(
                   R"({"type":"message","from":{"role":"therapist"},"to":{"role":"client"}})")
                   .client_side);
  EXPECT_FALSE(read_labelled_event(
                   R"({"type":"social","actor":{"role":"therapist"},"target":{"role":"client"}})")
                   .client_side);
  EXPECT_FALSE(read_labelled_event(
                   R"({"type":"payment","from":{"role":"therapist"},"to":{"role":"client"}})")
                   .client_side);
}

TEST(LabelledEvent, RosterEventsAreMarkedAndNeedNoLabel) {
  for (const char* type : {"therapist", "client", "boundary_extension"}) {
    const auto e = read_labelled_event(std::string{R"({"type":")"} + type + R"(","id":"x"})");
    EXPECT_TRUE(e.roster) << type;
    EXPECT_FALSE(e.labelled) << type;
    EXPECT_FALSE(e.client_side) << type;
  }
}

TEST(LabelledEvent, MalformedLinesAndLabelsThrow) {
  for (const char* line : {
           "not json",
           "[1,2]",
           R"({"type":"message","label":[]})",
           R"({"type":"message","label":{}})",
           R"({"type":"message","label":{"categories":"off_hours"}})",
           R"({"type":"message","label":{"categories":[1]}})",
           R"({"type":"message","label":{"categories":[""]}})",
           R"({"type":"message","label":{"categories":[],"note":3}})",
       }) {
    EXPECT_THROW(read_labelled_event(line), std::runtime_error) << line;
  }
}

}  // namespace
