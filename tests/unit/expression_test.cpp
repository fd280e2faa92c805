#include <gtest/gtest.h>

#include <map>

#include "policy/expression/evaluator.h"
#include "policy/expression/parser.h"

namespace bg {
namespace {

// A small vocabulary: two text fields (one enumerated), a number, a boolean, a list, a macro.
class Names final : public NameResolver {
 public:
  std::optional<Field> field(std::string_view name) const override {
    if (name == "channel") return Field{0, ValueType::string, &channels_};
    if (name == "text") return Field{1, ValueType::string, nullptr};
    if (name == "amount") return Field{2, ValueType::number, nullptr};
    if (name == "in_hours") return Field{3, ValueType::boolean, nullptr};
    return std::nullopt;
  }
  std::shared_ptr<const StringSet> list(std::string_view name) override {
    if (name == "personal")
      return std::make_shared<StringSet>(StringSet{"personal_sms", "personal_email"});
    return nullptr;
  }
  int lexicon(std::string_view name) override { return name == "romance" ? 0 : -1; }
  int classifier(std::string_view name) override { return name == "flirt" ? 0 : -1; }
  std::optional<Expr> macro(std::string_view name, std::string& error) override {
    if (name != "late" && name != "loop") return std::nullopt;
    if (name == "loop") {
      error = "macro \"loop\" uses itself";
      return std::nullopt;
    }
    ExprError e;
    return parse_condition("not in_hours", *this, e);
  }
  std::vector<std::string> known_names() const override {
    return {"channel",  "text", "amount",          "in_hours",
            "personal", "late", "lexicon.romance", "classifier.flirt"};
  }

 private:
  std::vector<std::string> channels_{"portal", "personal_sms", "personal_email"};
};

class Facts final : public FactSource {
 public:
  std::string channel = "personal_sms", text = "Let's get DINNER sometime";
  double amount = 40;
  bool in_hours = false, romance = true, flirt = false;
  Value field(int id) const override {
    switch (id) {
      case 0:
        return Value::of(std::string_view{channel});
      case 1:
        return Value::of(std::string_view{text});
      case 2:
        return Value::of(amount);
      default:
        return Value::of(in_hours);
    }
  }
  bool lexicon_matches(int) const override { return romance; }
  bool classifier_says(int) const override { return flirt; }
};

bool eval(const std::string& condition, const Facts& facts = Facts{}) {
  Names names;
  ExprError error;
  const Expr expr = parse_condition(condition, names, error);
  EXPECT_TRUE(expr) << condition << ": " << error.code << " at " << error.offset << ": "
                    << error.message;
  return expr && evaluate_condition(*expr, facts);
}

ExprError reject(const std::string& condition) {
  Names names;
  ExprError error;
  EXPECT_FALSE(parse_condition(condition, names, error)) << condition;
  return error;
}

TEST(Expression, EvaluatesOperatorsAndPrecedence) {
  EXPECT_TRUE(eval("channel == 'personal_sms'"));
  EXPECT_FALSE(eval("channel != 'personal_sms'"));
  EXPECT_TRUE(eval("amount > 25 and amount <= 40"));
  EXPECT_FALSE(eval("amount < 40"));
  EXPECT_TRUE(eval("amount >= 40.0"));
  EXPECT_TRUE(eval("channel in personal"));
  EXPECT_TRUE(eval("channel in ['portal', 'personal_sms']"));
  EXPECT_FALSE(eval("channel not in personal"));
  EXPECT_TRUE(eval("text contains 'dinner'"));  // case-insensitive
  EXPECT_TRUE(eval("text matches '(?i)get\\\\s+dinner'"));
  EXPECT_FALSE(eval("text matches '^dinner'"));
  EXPECT_TRUE(eval("late"));  // a macro
  EXPECT_TRUE(eval("lexicon.romance"));
  // not binds tighter than and, and tighter than or.
  EXPECT_TRUE(eval("not in_hours and amount == 40"));
  EXPECT_TRUE(eval("in_hours and amount == 1 or amount == 40"));
  EXPECT_FALSE(eval("in_hours and (amount == 1 or amount == 40)"));
  EXPECT_TRUE(eval("true"));
  EXPECT_FALSE(eval("not not false"));
}

TEST(Expression, ReportsUnknownNamesWithASuggestion) {
  const auto e = reject("chanel == 'portal'");
  EXPECT_EQ(e.code, "BG-P020");
  EXPECT_EQ(e.offset, 0u);
  EXPECT_NE(e.message.find("did you mean 'channel'"), std::string::npos);
  const auto bare = reject("channel == therapist");
  EXPECT_EQ(bare.offset, 11u);
  EXPECT_NE(bare.message.find("quoted"), std::string::npos);
  EXPECT_EQ(reject("channel in personl").code, "BG-P020");
}

TEST(Expression, ChecksTypes) {
  EXPECT_EQ(reject("amount == 'forty'").code, "BG-P022");
  EXPECT_EQ(reject("channel > 'a'").code, "BG-P022");
  EXPECT_EQ(reject("amount").code, "BG-P022");
  EXPECT_EQ(reject("amount and in_hours").code, "BG-P022");
  EXPECT_EQ(reject("amount contains 'x'").code, "BG-P022");
  EXPECT_EQ(reject("amount in personal").code, "BG-P022");
  EXPECT_EQ(reject("not amount").code, "BG-P022");
}

TEST(Expression, CatchesImpossibleEnumeratedValues) {
  const auto e = reject("channel == 'personal_smss'");
  EXPECT_EQ(e.code, "BG-P023");
  EXPECT_NE(e.message.find("did you mean 'personal_sms'"), std::string::npos);
  EXPECT_EQ(reject("channel in ['portal', 'pager']").code, "BG-P023");
}

TEST(Expression, ReportsSyntaxErrorsWithOffsets) {
  EXPECT_EQ(reject("channel = 'portal'").code, "BG-P021");
  EXPECT_EQ(reject("(in_hours").code, "BG-P021");
  EXPECT_EQ(reject("in_hours and").code, "BG-P021");
  EXPECT_EQ(reject("text contains").code, "BG-P021");
  EXPECT_EQ(reject("text == 'open").code, "BG-P021");
  EXPECT_EQ(reject("in_hours in_hours").code, "BG-P021");
  EXPECT_EQ(reject("and in_hours").code, "BG-P021");
  const auto e = reject("in_hours and channel @ 'x'");
  EXPECT_EQ(e.offset, 21u);
}

TEST(Expression, RejectsBadRegexAndDeepNesting) {
  EXPECT_EQ(reject("text matches '(open'").code, "BG-P024");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "(";
  deep += "in_hours";
  for (int i = 0; i < 100; ++i) deep += ")";
  EXPECT_EQ(reject(deep).code, "BG-P025");
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "not ";
  EXPECT_EQ(reject(nots + "in_hours").code, "BG-P025");
}

TEST(Expression, ReportsMacroCycles) { EXPECT_EQ(reject("loop and in_hours").code, "BG-P026"); }

TEST(Expression, EvidenceComesFromPositiveLexiconsOnly) {
  Names names;
  ExprError error;
  const Expr with = parse_condition("lexicon.romance and in_hours", names, error);
  const Expr negated = parse_condition("not lexicon.romance", names, error);
  std::vector<int> a, b;
  collect_positive_lexicons(*with, a);
  collect_positive_lexicons(*negated, b);
  EXPECT_EQ(a, std::vector<int>{0});
  EXPECT_TRUE(b.empty());
}

TEST(Expression, ReadsClassifiersAsBooleansWithEvidence) {
  Facts facts;
  EXPECT_FALSE(eval("classifier.flirt", facts));
  facts.flirt = true;
  EXPECT_TRUE(eval("classifier.flirt and not in_hours", facts));
  EXPECT_EQ(reject("classifier.flirty").code, "BG-P020");
  Names names;
  ExprError error;
  const Expr with = parse_condition("classifier.flirt or lexicon.romance", names, error);
  const Expr negated = parse_condition("not classifier.flirt", names, error);
  std::vector<int> a, b;
  collect_positive_classifiers(*with, a);
  collect_positive_classifiers(*negated, b);
  EXPECT_EQ(a, std::vector<int>{0});
  EXPECT_TRUE(b.empty());
}

TEST(ClosestName, SuggestsOnlyNearNames) {
  EXPECT_EQ(closest_name("chanel", {"channel", "text"}), "channel");
  EXPECT_EQ(closest_name("zzzzzz", {"channel", "text"}), std::nullopt);
}

}  // namespace
}  // namespace bg
