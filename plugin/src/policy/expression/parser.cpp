#include "policy/expression/parser.h"

#include <algorithm>
#include <cstdlib>

#include <re2/re2.h>

#include "policy/expression/lexer.h"
#include "util/decimal_text.h"

namespace bg {
namespace {

struct ParseFailure {
  ExprError error;
};

// The largest RE2 program a `matches` pattern may compile to (docs/policy-reference.md).
constexpr int kMaxRegexProgramSize = 1000;
// The most nodes a condition may have with its macros expanded (macros may share a node many
// times over, e.g. m2 = "m1 and m1", m3 = "m2 and m2", ...).
constexpr size_t kMaxConditionWeight = 10000;

bool is_keyword(const Token& t, std::string_view word) {
  return t.kind == TokenKind::identifier && t.text == word;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, NameResolver& names, size_t max_depth)
      : tokens_(std::move(tokens)), names_(names), max_depth_(max_depth) {}

  Expr parse() {
    // A character the lexer could not read is the first thing to fix, wherever it is.
    for (const auto& t : tokens_) {
      if (t.kind == TokenKind::error) fail("BG-P021", t.offset, t.text);
    }
    Expr root = parse_or();
    checked(root);  // a macro on its own arrives measured against the same limits
    if (peek().kind != TokenKind::end)
      fail("BG-P021", peek().offset, "unexpected '" + peek().text + "' here");
    if (root->type != ValueType::boolean) {
      fail("BG-P022", root->offset,
           "a condition must be true or false, but this is " + std::string{type_name(root->type)});
    }
    return root;
  }

 private:
  [[noreturn]] void fail(const char* code, size_t offset, std::string message) {
    throw ParseFailure{ExprError{code, offset, std::move(message)}};
  }

  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

  void enter(size_t offset) {
    if (++depth_ > max_depth_) {
      fail("BG-P025", offset,
           "the condition is nested more than " + std::to_string(max_depth_) + " levels deep");
    }
  }

  // Sets a composite node's height and weight from its kids (macros arrive measured) and checks
  // them, so that no condition is deeper or larger than evaluation can afford.
  Expr measured(const std::shared_ptr<ExprNode>& n) {
    size_t height = 0, weight = 1;
    for (const auto& kid : n->kids) {
      height = std::max(height, kid->height);
      weight = std::min(weight + kid->weight, kMaxConditionWeight + 1);
    }
    n->height = std::max(n->height, height + 1);
    n->weight = std::max(n->weight, weight);
    return checked(n);
  }
  Expr checked(const Expr& n) {
    if (n->height > max_depth_) {
      fail("BG-P025", n->offset,
           "the condition, with its macros expanded, is nested more than " +
               std::to_string(max_depth_) + " levels deep");
    }
    if (n->weight > kMaxConditionWeight) {
      fail("BG-P025", n->offset,
           "the condition, with its macros expanded, has more than " +
               std::to_string(kMaxConditionWeight) + " parts");
    }
    return n;
  }

  static std::shared_ptr<ExprNode> node(ExprNode::Kind kind, ValueType type, size_t offset) {
    auto n = std::make_shared<ExprNode>();
    n->kind = kind;
    n->type = type;
    n->offset = offset;
    return n;
  }

  void require_boolean(const Expr& e, std::string_view context) {
    if (e->type != ValueType::boolean) {
      fail("BG-P022", e->offset,
           std::string{context} + " needs true or false, but this is " +
               std::string{type_name(e->type)});
    }
  }

  // `a or b or c` is one node with three kids, not a chain as deep as it is long.
  Expr parse_or() {
    Expr left = parse_and();
    std::shared_ptr<ExprNode> chain;
    while (is_keyword(peek(), "or")) {
      const size_t at = next().offset;
      Expr right = parse_and();
      require_boolean(left, "'or'");
      require_boolean(right, "'or'");
      if (!chain) {
        chain = node(ExprNode::Kind::or_, ValueType::boolean, at);
        chain->kids = {left};
      }
      chain->kids.push_back(right);
      left = chain;
    }
    return chain ? measured(chain) : left;
  }

  Expr parse_and() {
    Expr left = parse_unary();
    std::shared_ptr<ExprNode> chain;
    while (is_keyword(peek(), "and")) {
      const size_t at = next().offset;
      Expr right = parse_unary();
      require_boolean(left, "'and'");
      require_boolean(right, "'and'");
      if (!chain) {
        chain = node(ExprNode::Kind::and_, ValueType::boolean, at);
        chain->kids = {left};
      }
      chain->kids.push_back(right);
      left = chain;
    }
    return chain ? measured(chain) : left;
  }

  Expr parse_unary() {
    if (is_keyword(peek(), "not")) {
      const size_t at = next().offset;
      enter(at);
      Expr inner = parse_unary();
      --depth_;
      require_boolean(inner, "'not'");
      auto n = node(ExprNode::Kind::not_, ValueType::boolean, at);
      n->kids = {inner};
      return measured(n);
    }
    return parse_compare();
  }

  // Checks a text constant against an enumerated field's values.
  void check_allowed(const Expr& field, const Expr& constant) {
    if (field->kind != ExprNode::Kind::field || constant->kind != ExprNode::Kind::constant) return;
    const auto* allowed =
        allowed_values_.count(field.get()) ? allowed_values_[field.get()] : nullptr;
    if (allowed == nullptr || constant->type != ValueType::string) return;
    const std::string value{constant->constant.text};
    if (std::find(allowed->begin(), allowed->end(), value) != allowed->end()) return;
    std::string message = "'" + value + "' is never a value of this field";
    if (auto guess = closest_name(value, *allowed)) message += "; did you mean '" + *guess + "'?";
    fail("BG-P023", constant->offset, message);
  }

  Expr parse_compare() {
    Expr left = parse_operand();
    const Token& t = peek();
    if (t.kind == TokenKind::op) {
      const std::string op = next().text;
      Expr right = parse_operand();
      const bool ordering = op != "==" && op != "!=";
      if (left->type != right->type) {
        fail("BG-P022", right->offset,
             "cannot compare " + std::string{type_name(left->type)} + " with " +
                 std::string{type_name(right->type)});
      }
      if (ordering && left->type != ValueType::number) {
        fail("BG-P022", t.offset,
             "'" + op + "' compares numbers; this is " + std::string{type_name(left->type)});
      }
      if (left->type == ValueType::list)
        fail("BG-P022", t.offset, "lists cannot be compared; use 'in'");
      check_allowed(left, right);
      check_allowed(right, left);
      auto n = node(ExprNode::Kind::compare, ValueType::boolean, t.offset);
      n->op = op;
      n->kids = {left, right};
      return measured(n);
    }
    bool negated = false;
    if (is_keyword(t, "not") && pos_ + 1 < tokens_.size() && is_keyword(tokens_[pos_ + 1], "in")) {
      next();
      negated = true;
    }
    if (is_keyword(peek(), "in")) {
      const size_t at = next().offset;
      if (left->type != ValueType::string) {
        fail("BG-P022", left->offset,
             "'in' tests text, but this is " + std::string{type_name(left->type)});
      }
      auto n = node(ExprNode::Kind::in_list, ValueType::boolean, at);
      n->negated = negated;
      n->list = parse_list();
      if (left->kind == ExprNode::Kind::field && allowed_values_.count(left.get())) {
        for (const auto& item : *n->list) {
          const auto* allowed = allowed_values_[left.get()];
          if (std::find(allowed->begin(), allowed->end(), item) == allowed->end()) {
            std::string message = "'" + item + "' is never a value of this field";
            if (auto guess = closest_name(item, *allowed))
              message += "; did you mean '" + *guess + "'?";
            fail("BG-P023", at, message);
          }
        }
      }
      n->kids = {left};
      return measured(n);
    }
    if (is_keyword(peek(), "contains") || is_keyword(peek(), "matches")) {
      const Token& op = next();
      const bool matches = op.text == "matches";
      if (left->type != ValueType::string) {
        fail("BG-P022", left->offset,
             "'" + op.text + "' reads text, but this is " + std::string{type_name(left->type)});
      }
      const Token& lit = next();
      if (lit.kind != TokenKind::string)
        fail("BG-P021", lit.offset, "'" + op.text + "' needs quoted text after it");
      auto n = node(matches ? ExprNode::Kind::matches : ExprNode::Kind::contains,
                    ValueType::boolean, op.offset);
      n->kids = {left};
      n->constant_text = lit.text;
      if (matches) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_max_mem(4 << 20);
        auto re = std::make_shared<RE2>(lit.text, options);
        if (!re->ok()) fail("BG-P024", lit.offset, "not a valid RE2 pattern: " + re->error());
        // RE2 is linear in the text, but when its DFA runs out of states it falls back to a
        // scan costing text length x program size: capping the program bounds every match.
        if (re->ProgramSize() > kMaxRegexProgramSize) {
          fail("BG-P024", lit.offset,
               "this pattern compiles to " + std::to_string(re->ProgramSize()) +
                   " RE2 instructions, over the limit of " + std::to_string(kMaxRegexProgramSize) +
                   " (large counted repeats such as {500} or many \\pL classes); simplify it");
        }
        n->regex = std::move(re);
      } else {
        std::transform(n->constant_text.begin(), n->constant_text.end(), n->constant_text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      }
      return measured(n);
    }
    return left;
  }

  std::shared_ptr<const StringSet> parse_list() {
    const Token& t = next();
    if (t.kind == TokenKind::lbracket) {
      auto set = std::make_shared<StringSet>();
      if (peek().kind == TokenKind::rbracket) {
        next();
        return set;
      }
      while (true) {
        const Token& item = next();
        if (item.kind != TokenKind::string)
          fail("BG-P021", item.offset, "a list holds quoted text such as 'office'");
        set->insert(item.text);
        const Token& sep = next();
        if (sep.kind == TokenKind::rbracket) break;
        if (sep.kind != TokenKind::comma)
          fail("BG-P021", sep.offset, "expected ',' or ']' in the list");
      }
      return set;
    }
    if (t.kind == TokenKind::identifier) {
      if (auto list = names_.list(t.text)) return list;
      std::string message = "no list is named '" + t.text + "'";
      if (auto guess = closest_name(t.text, names_.known_names()))
        message += "; did you mean '" + *guess + "'?";
      fail("BG-P020", t.offset, message);
    }
    fail("BG-P021", t.offset, "'in' needs a list: [ 'a', 'b' ] or the name of a list");
  }

  Expr parse_operand() {
    const Token& t = next();
    switch (t.kind) {
      case TokenKind::lparen: {
        enter(t.offset);
        Expr inner = parse_or();
        --depth_;
        if (next().kind != TokenKind::rparen) fail("BG-P021", t.offset, "this '(' is never closed");
        return inner;
      }
      case TokenKind::string: {
        auto n = node(ExprNode::Kind::constant, ValueType::string, t.offset);
        n->constant_text = t.text;
        n->constant = Value::of(std::string_view{n->constant_text});
        return n;
      }
      case TokenKind::number: {
        double value = 0;
        if (!parse_decimal(t.text, value))
          fail("BG-P021", t.offset, "'" + t.text + "' is not a number");
        auto n = node(ExprNode::Kind::constant, ValueType::number, t.offset);
        n->constant = Value::of(value);
        return n;
      }
      case TokenKind::identifier:
        return resolve(t);
      case TokenKind::lbracket:
        fail("BG-P021", t.offset, "a list can only follow 'in'");
      case TokenKind::error:
        fail("BG-P021", t.offset, t.text);
      case TokenKind::end:
        fail("BG-P021", t.offset, "the condition ends too early");
      default:
        fail("BG-P021", t.offset, "unexpected '" + t.text + "'");
    }
  }

  Expr resolve(const Token& t) {
    if (t.text == "true" || t.text == "false") {
      auto n = node(ExprNode::Kind::constant, ValueType::boolean, t.offset);
      n->constant = Value::of(t.text == "true");
      return n;
    }
    for (const char* keyword : {"and", "or", "not", "in", "contains", "matches"}) {
      if (t.text == keyword)
        fail("BG-P021", t.offset, "'" + t.text + "' needs something before it");
    }
    const bool is_lexicon = t.text.rfind("lexicon.", 0) == 0;
    const bool is_classifier = t.text.rfind("classifier.", 0) == 0;
    if (is_lexicon || is_classifier) {
      const int index =
          is_lexicon ? names_.lexicon(t.text.substr(8)) : names_.classifier(t.text.substr(11));
      if (index == kLexiconDoesNotCompile) {
        // One error per mistake: the lexicon's BG-P009 or the classifier's BG-P035 says what is
        // wrong.
        auto n = node(ExprNode::Kind::constant, ValueType::boolean, t.offset);
        n->constant = Value::of(false);
        return n;
      }
      if (index >= 0) {
        auto n = node(is_lexicon ? ExprNode::Kind::lexicon : ExprNode::Kind::classifier,
                      ValueType::boolean, t.offset);
        (is_lexicon ? n->lexicon : n->classifier) = index;
        return n;
      }
    }
    if (const auto field = names_.field(t.text)) {
      auto n = node(ExprNode::Kind::field, field->type, t.offset);
      n->field = field->id;
      if (field->allowed != nullptr) allowed_values_[n.get()] = field->allowed;
      return n;
    }
    std::string cycle;
    if (auto macro = names_.macro(t.text, cycle)) return *macro;
    if (!cycle.empty()) fail("BG-P026", t.offset, cycle);
    std::string message = "unknown name '" + t.text + "'";
    if (auto guess = closest_name(t.text, names_.known_names())) {
      message += "; did you mean '" + *guess + "'?";
    } else {
      message += " (text values are quoted: '" + t.text + "')";
    }
    fail("BG-P020", t.offset, message);
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  NameResolver& names_;
  size_t max_depth_;
  size_t depth_ = 0;
  std::unordered_map<const ExprNode*, const std::vector<std::string>*> allowed_values_;
};

}  // namespace

Expr parse_condition(std::string_view text, NameResolver& names, ExprError& error,
                     size_t max_depth) {
  try {
    Parser parser{tokenize(text), names, max_depth};
    return parser.parse();
  } catch (const ParseFailure& failure) {
    error = failure.error;
    return nullptr;
  }
}

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
  size_t best = std::string::npos;
  const std::string* choice = nullptr;
  for (const auto& candidate : candidates) {
    // Levenshtein distance, one row at a time.
    std::vector<size_t> row(candidate.size() + 1);
    for (size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= name.size(); ++i) {
      size_t diagonal = row[0];
      row[0] = i;
      for (size_t j = 1; j <= candidate.size(); ++j) {
        const size_t up = row[j];
        row[j] = std::min(
            {row[j] + 1, row[j - 1] + 1, diagonal + (name[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    if (row[candidate.size()] < best) {
      best = row[candidate.size()];
      choice = &candidate;
    }
  }
  if (choice == nullptr || best > std::max<size_t>(2, name.size() / 3)) return std::nullopt;
  return *choice;
}

void collect_positive_lexicons(const ExprNode& expr, std::vector<int>& out) {
  if (expr.kind == ExprNode::Kind::not_) return;
  if (expr.kind == ExprNode::Kind::lexicon) out.push_back(expr.lexicon);
  for (const auto& kid : expr.kids) collect_positive_lexicons(*kid, out);
}

void collect_positive_classifiers(const ExprNode& expr, std::vector<int>& out) {
  if (expr.kind == ExprNode::Kind::not_) return;
  if (expr.kind == ExprNode::Kind::classifier) out.push_back(expr.classifier);
  for (const auto& kid : expr.kids) collect_positive_classifiers(*kid, out);
}

}  // namespace bg
