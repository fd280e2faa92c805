#include "policy/policy_compiler.h"

#include <fstream>

#include <map>
#include <set>

#include "policy/classifier_reader.h"
#include "policy/field_vocabulary.h"
#include "policy/message_template.h"
#include "policy/settings_reader.h"
#include "time/timestamp.h"

namespace bg {
namespace {

// A YAML value and the file it was written in.
struct Located {
  const SourceFile* file = nullptr;
  YAML::Node node;
};

// A rule as written, key by key, with overrides applied: later packs replace a key or append to
// a list-valued key.
struct RawRule {
  std::string id;
  std::string pack;
  Located head;  // the rule's mapping
  std::map<std::string, Located> keys;
  std::map<std::string, std::vector<Located>> appended;
  std::vector<SourcePosition> overridden_at;
};

struct RawList {
  Located head;
  std::vector<std::string> items;
  bool used = false;
  bool negatable = false;  // lexicons only
};

struct RawMacro {
  Located head;
  std::string text;
  bool used = false;
  bool compiling = false;
  bool failed = false;
  Expr compiled;
};

const std::vector<std::string_view> kRuleKeys = {"id",       "description", "events",   "when",
                                                 "category", "severity",    "decision", "citations",
                                                 "notice",   "explanation", "tags",     "enabled"};
const std::vector<std::string_view> kListValuedRuleKeys = {"events", "citations", "tags"};

SourcePosition position(const Located& at) {
  const auto mark = at.node.Mark();
  return {at.file->path, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
}

// How deep macros may use macros while one condition compiles.
constexpr size_t kMaxMacroNesting = 64;

class Compiler final : public NameResolver {
 public:
  Compiler(ProblemSink& sink, bool text_models) : sink_(sink), text_models_(text_models) {}

  std::shared_ptr<Policy> run(const std::vector<RawPack>& packs) {
    policy_ = std::make_shared<Policy>();
    policy_->settings = default_settings();
    for (const auto& pack : packs) {
      policy_->packs.push_back(pack.name);
      for (const auto& file : pack.files) merge_file_or_report(pack, *file);
    }
    if (!packs.empty()) {
      policy_->name = packs.back().name;
      policy_->version = packs.back().version;
    }
    build_lists();
    build_lexicons();
    build_classifiers();
    if (!policy_->lexicons.empty())
      policy_->lexicon_screen = std::make_unique<LexiconScreen>(policy_->lexicons);
    for (auto& [name, macro] : macros_) policy_->macros[name] = macro.text;
    for (const auto& id : rule_order_) compile_rule(rules_.at(id));
    for (const auto& raw : exception_nodes_) compile_exception(raw);
    // Macros no condition uses are still checked, so their mistakes show before first use.
    for (auto& [name, macro] : macros_) {
      if (!macro.compiled && !macro.failed) compile_macro(name, macro);
    }
    warn_unused();
    for (const auto& rule : policy_->rules) {
      if (!rule.enabled) continue;
      for (size_t t = 0; t < rule.events.size(); ++t) {
        if (rule.events.test(t)) policy_->rules_by_event[t].push_back(&rule);
      }
    }
    return policy_;
  }

  // NameResolver ----------------------------------------------------------------------------
  std::optional<Field> field(std::string_view name) const override {
    const int id = find_field(name);
    if (id < 0) return std::nullopt;
    const auto& spec = field_vocabulary()[static_cast<size_t>(id)];
    return Field{id, spec.type, spec.allowed.empty() ? nullptr : &spec.allowed};
  }

  std::shared_ptr<const StringSet> list(std::string_view name) override {
    const auto it = lists_.find(std::string{name});
    if (it == lists_.end()) return nullptr;
    it->second.used = true;
    return policy_->lists.at(it->first);
  }

  int lexicon(std::string_view name) override {
    const auto it = policy_->lexicon_index.find(std::string{name});
    if (it == policy_->lexicon_index.end()) {
      const auto raw = lexicons_.find(std::string{name});
      if (raw == lexicons_.end()) return -1;
      raw->second.used = true;
      return kLexiconDoesNotCompile;
    }
    lexicons_.at(it->first).used = true;
    return it->second;
  }

  int classifier(std::string_view name) override {
    const auto raw = classifiers_.find(std::string{name});
    if (raw == classifiers_.end()) return -1;
    raw->second.used = true;
    const auto it = policy_->classifier_index.find(raw->first);
    return it == policy_->classifier_index.end() ? kLexiconDoesNotCompile : it->second;
  }

  std::optional<Expr> macro(std::string_view name, std::string& error) override {
    const auto it = macros_.find(std::string{name});
    if (it == macros_.end()) return std::nullopt;
    RawMacro& m = it->second;
    m.used = true;
    if (m.compiling) {
      error = "macro \"" + it->first + "\" uses itself (through " + macro_stack_text() + ")";
      return std::nullopt;
    }
    if (!m.compiled && !m.failed && macro_stack_.size() >= kMaxMacroNesting) {
      // Compiling it here would recurse once more per level of a chain of any length.
      YamlFields yaml{*m.head.file, sink_};
      yaml.error(m.head.node, "BG-P025", "macro " + it->first,
                 "macros are nested more than " + std::to_string(kMaxMacroNesting) + " deep (" +
                     macro_stack_text() + " -> " + it->first + "); flatten them");
      m.failed = true;
    }
    if (!m.compiled && !m.failed) compile_macro(it->first, m);
    if (m.failed) return constant_false();  // its own problem is already reported
    return m.compiled;
  }

  std::vector<std::string> known_names() const override {
    std::vector<std::string> out;
    for (const auto& f : field_vocabulary()) out.push_back(f.name);
    for (const auto& [name, _] : lists_) out.push_back(name);
    for (const auto& [name, _] : macros_) out.push_back(name);
    for (const auto& [name, _] : lexicons_) out.push_back("lexicon." + name);
    for (const auto& [name, _] : classifiers_) out.push_back("classifier." + name);
    return out;
  }

 private:
  static Expr constant_false() {
    auto n = std::make_shared<ExprNode>();
    n->constant = Value::of(false);
    return n;
  }

  std::string macro_stack_text() const {
    std::string out;
    for (const auto& name : macro_stack_) out += (out.empty() ? "" : " -> ") + name;
    return out;
  }

  // Merging ---------------------------------------------------------------------------------
  // A yaml-cpp exception here means a shape the readers did not foresee; it becomes a problem at
  // its position rather than escaping the loader.
  void merge_file_or_report(const RawPack& pack, const SourceFile& file) {
    try {
      merge_file(pack, file);
    } catch (const YAML::Exception& e) {
      sink_.add("BG-P003", true, file, e.mark, "pack " + pack.name,
                "this value has a shape that cannot be read here: " + e.msg);
    }
  }

  void merge_file(const RawPack& pack, const SourceFile& file) {
    YamlFields yaml{file, sink_};
    const YAML::Node& root = file.root;
    yaml.check_keys(root,
                    {"pack", "version", "description", "extends", "settings", "lists", "macros",
                     "lexicons", "classifiers", "rules", "exceptions", "overrides"},
                    "pack " + pack.name);
    if (root["settings"]) read_settings(yaml, root["settings"], policy_->settings);
    if (root["lists"]) read_named_lists(yaml, root["lists"], lists_, "list");
    if (root["lexicons"]) read_named_lists(yaml, root["lexicons"], lexicons_, "lexicon");
    if (root["classifiers"])
      read_classifiers(yaml, root["classifiers"], classifiers_, text_models_);
    if (root["macros"]) read_macros(yaml, root["macros"]);
    if (const auto rules = root["rules"]) {
      if (!rules.IsSequence()) {
        yaml.error(rules, "BG-P003", "rules", "rules must be a list");
      } else {
        for (const auto& rule : rules) read_rule(yaml, pack, rule);
      }
    }
    if (const auto exceptions = root["exceptions"]) {
      if (!exceptions.IsSequence()) {
        yaml.error(exceptions, "BG-P003", "exceptions", "exceptions must be a list");
      } else {
        for (const auto& e : exceptions) exception_nodes_.push_back({&file, e});
      }
    }
    if (root["overrides"]) read_overrides(yaml, root["overrides"]);
  }

  void read_named_lists(YamlFields& yaml, const YAML::Node& node,
                        std::map<std::string, RawList>& into, const char* what) {
    if (!node.IsMap()) {
      yaml.error(node, "BG-P003", std::string{what} + "s",
                 std::string{what} + "s map a name to a list");
      return;
    }
    for (const auto& kv : node) {
      const std::string name = kv.first.as<std::string>("");
      const std::string item = std::string{what} + " " + name;
      if (into.count(name) != 0) {
        yaml.error(kv.first, "BG-P008", item,
                   std::string{what} + " \"" + name + "\" is already defined (in " +
                       into[name].head.file->path + "); use overrides to change it");
        continue;
      }
      RawList list{{&yaml.file(), kv.first}, {}, false, false};
      // A lexicon may be written {negatable: true, phrases: [...]}. The phrases node is bound
      // once, never assigned: yaml-cpp's Node::operator= rewrites the node it refers to, and
      // throws when the right side is a missing key.
      const bool long_form = std::string{what} == "lexicon" && kv.second.IsMap();
      const YAML::Node items = long_form ? kv.second["phrases"] : kv.second;
      if (long_form) {
        yaml.check_keys(kv.second, {"negatable", "phrases"}, item);
        if (kv.second["negatable"])
          yaml.boolean(kv.second["negatable"], list.negatable, item, "negatable");
        if (!items) {
          yaml.error(kv.second, "BG-P005", item, "the lexicon needs \"phrases\"");
          continue;
        }
      }
      if (yaml.string_list(items, list.items, item, what)) into[name] = std::move(list);
    }
  }

  void read_macros(YamlFields& yaml, const YAML::Node& node) {
    if (!node.IsMap()) {
      yaml.error(node, "BG-P003", "macros", "macros map a name to a condition");
      return;
    }
    for (const auto& kv : node) {
      const std::string name = kv.first.as<std::string>("");
      if (macros_.count(name) != 0 || find_field(name) >= 0) {
        yaml.error(kv.first, "BG-P008", "macro " + name,
                   "\"" + name + "\" is already defined; use overrides to change a macro");
        continue;
      }
      RawMacro macro;
      macro.head = {&yaml.file(), kv.second};
      if (yaml.scalar(kv.second, macro.text, "macro " + name, "a macro"))
        macros_[name] = std::move(macro);
    }
  }

  void read_rule(YamlFields& yaml, const RawPack& pack, const YAML::Node& node) {
    if (!node.IsMap()) {
      yaml.error(node, "BG-P003", "rules", "each rule is a mapping with id, events, when, ...");
      return;
    }
    std::string id;
    if (!node["id"] || !yaml.scalar(node["id"], id, "rule", "id") || id.empty()) {
      if (!node["id"]) yaml.error(node, "BG-P005", "rule", "the rule needs an \"id\"");
      return;
    }
    const std::string item = "rule " + id;
    if (rules_.count(id) != 0) {
      yaml.error(node["id"], "BG-P008", item,
                 "rule \"" + id + "\" is already defined (pack " + rules_[id].pack + ", " +
                     position(rules_[id].head).file + ":" +
                     std::to_string(position(rules_[id].head).line) +
                     "); use overrides to change it");
      return;
    }
    yaml.check_keys(node, kRuleKeys, item);
    RawRule rule;
    rule.id = id;
    rule.pack = pack.name;
    rule.head = {&yaml.file(), node};
    for (const auto& kv : node) rule.keys[kv.first.as<std::string>("")] = {&yaml.file(), kv.second};
    rules_[id] = std::move(rule);
    rule_order_.push_back(id);
  }

  void read_overrides(YamlFields& yaml, const YAML::Node& node) {
    if (!node.IsMap()) {
      yaml.error(node, "BG-P003", "overrides",
                 "overrides has rules, lists, lexicons, classifiers and macros sections");
      return;
    }
    yaml.check_keys(node, {"rules", "lists", "lexicons", "classifiers", "macros"}, "overrides");
    if (const auto classifiers = node["classifiers"])
      override_classifiers(yaml, classifiers, classifiers_);
    if (const auto rules = node["rules"]) {
      for (const auto& kv : rules) override_rule(yaml, kv.first, kv.second);
    }
    for (const char* section : {"lists", "lexicons"}) {
      if (const auto lists = node[section]) {
        auto& into = std::string{section} == "lists" ? lists_ : lexicons_;
        for (const auto& kv : lists) override_list(yaml, kv.first, kv.second, into, section);
      }
    }
    if (const auto macros = node["macros"]) {
      for (const auto& kv : macros) {
        const std::string name = kv.first.as<std::string>("");
        const auto it = macros_.find(name);
        if (it == macros_.end()) {
          yaml.error(kv.first, "BG-P030", "overrides.macros",
                     "no macro \"" + name + "\" to override");
          continue;
        }
        std::string text;
        if (yaml.scalar(kv.second, text, "macro " + name, "a macro")) {
          it->second.text = text;
          it->second.head = {&yaml.file(), kv.second};
        }
      }
    }
  }

  void override_rule(YamlFields& yaml, const YAML::Node& key, const YAML::Node& changes) {
    const std::string id = key.as<std::string>("");
    const std::string item = "rule " + id;
    const auto it = rules_.find(id);
    if (it == rules_.end()) {
      std::vector<std::string> ids(rule_order_.begin(), rule_order_.end());
      std::string message = "no rule \"" + id + "\" to override";
      if (auto guess = closest_name(id, ids)) message += "; did you mean \"" + *guess + "\"?";
      yaml.error(key, "BG-P030", item, message);
      return;
    }
    if (!changes.IsMap()) {
      yaml.error(changes, "BG-P003", item, "a rule override maps keys to new values");
      return;
    }
    yaml.check_keys(changes, kRuleKeys, item);
    RawRule& rule = it->second;
    rule.overridden_at.push_back({yaml.file().path, key.Mark().line + 1, key.Mark().column + 1});
    for (const auto& kv : changes) {
      const std::string name = kv.first.as<std::string>("");
      if (name == "id") {
        yaml.error(kv.first, "BG-P003", item, "a rule's id cannot be overridden");
        continue;
      }
      const bool list_valued = std::find(kListValuedRuleKeys.begin(), kListValuedRuleKeys.end(),
                                         name) != kListValuedRuleKeys.end();
      if (list_valued && kv.second.IsMap()) {
        yaml.check_keys(kv.second, {"append", "replace"}, item);
        if (kv.second["replace"]) {
          rule.keys[name] = {&yaml.file(), kv.second["replace"]};
          rule.appended.erase(name);
        }
        if (kv.second["append"]) rule.appended[name].push_back({&yaml.file(), kv.second["append"]});
      } else {
        rule.keys[name] = {&yaml.file(), kv.second};
        rule.appended.erase(name);
      }
    }
  }

  void override_list(YamlFields& yaml, const YAML::Node& key, const YAML::Node& change,
                     std::map<std::string, RawList>& into, const std::string& section) {
    const std::string name = key.as<std::string>("");
    const auto it = into.find(name);
    if (it == into.end()) {
      yaml.error(key, "BG-P030", "overrides." + section,
                 "no " + section.substr(0, section.size() - 1) + " \"" + name + "\" to override");
      return;
    }
    const std::string item = section.substr(0, section.size() - 1) + " " + name;
    if (change.IsSequence()) {
      it->second.items.clear();
      yaml.string_list(change, it->second.items, item, "a list");
      return;
    }
    if (!change.IsMap()) {
      yaml.error(change, "BG-P003", item,
                 "override a list with {append: [...]} or {replace: [...]}");
      return;
    }
    yaml.check_keys(change, {"append", "replace", "remove"}, item);
    if (change["replace"]) {
      it->second.items.clear();
      yaml.string_list(change["replace"], it->second.items, item, "a list");
    }
    if (change["append"]) yaml.string_list(change["append"], it->second.items, item, "a list");
    if (change["remove"]) {
      std::vector<std::string> remove;
      yaml.string_list(change["remove"], remove, item, "a list");
      auto& items = it->second.items;
      items.erase(std::remove_if(items.begin(), items.end(),
                                 [&](const std::string& s) {
                                   return std::find(remove.begin(), remove.end(), s) !=
                                          remove.end();
                                 }),
                  items.end());
    }
  }

  // Building --------------------------------------------------------------------------------
  void build_lists() {
    for (const auto& [name, raw] : lists_) {
      policy_->lists[name] = std::make_shared<const StringSet>(raw.items.begin(), raw.items.end());
    }
  }

  void build_lexicons() {
    for (auto& [name, raw] : lexicons_) {
      std::string why;
      auto lexicon = Lexicon::compile(name, raw.items, LexiconOptions{raw.negatable}, why);
      if (!lexicon) {
        sink_.error(*raw.head.file, raw.head.node, "BG-P009", "lexicon " + name,
                    "the phrases do not compile: " + why);
        continue;
      }
      for (const auto& entry : raw.items) policy_->typo_vocabulary.add_words_from(entry);
      const int index = static_cast<int>(policy_->lexicons.size());
      policy_->lexicons.push_back(std::move(lexicon));
      policy_->lexicon_index[name] = index;
    }
    std::ifstream english{system_word_list_path()};
    policy_->typo_vocabulary.finish(english.is_open() ? &english : nullptr);
    // The content classifier's lexicons count as used.
    for (const auto& [name, slot] :
         {std::pair<const char*, int*>{"crisis", &policy_->crisis_lexicon},
          {"administrative", &policy_->administrative_lexicon},
          {"personal", &policy_->personal_lexicon}}) {
      const auto it = policy_->lexicon_index.find(name);
      if (it != policy_->lexicon_index.end()) {
        *slot = it->second;
        lexicons_[name].used = true;
      }
    }
  }

  void build_classifiers() {
    for (const auto& [name, declared] : classifiers_) {
      if (!declared.model) continue;
      const int index = static_cast<int>(policy_->classifiers.size());
      int slot = index;
      for (const auto& other : policy_->classifiers) {
        if (other.model == declared.model) {
          slot = other.model_slot;
          break;
        }
      }
      policy_->classifier_index[name] = index;
      policy_->classifiers.push_back(
          {name, declared.model_path, declared.model, declared.threshold, slot});
    }
  }

  void compile_macro(const std::string& name, RawMacro& m) {
    m.compiling = true;
    macro_stack_.push_back(name);
    m.compiled = compile_condition(m.head, m.text, "macro " + name);
    macro_stack_.pop_back();
    m.compiling = false;
    if (!m.compiled) m.failed = true;
  }

  // Parses a condition written at `at`, reporting problems at the right column.
  Expr compile_condition(const Located& at, const std::string& text, const std::string& item) {
    ExprError error;
    Expr expr = parse_condition(text, *this, error);
    if (!expr) {
      YamlFields yaml{*at.file, sink_};
      const auto [line, column] = yaml.position_in_scalar(at.node, error.offset);
      PolicyProblem p;
      p.code = error.code;
      p.where = {at.file->path, line, column};
      p.item = item;
      p.message = error.message;
      p.snippet = at.file->line(line);
      sink_.problems().push_back(std::move(p));
    }
    return expr;
  }

  // Reads rule key `name`, with any appended values, as a list of strings.
  bool rule_list(YamlFields& yaml, const RawRule& raw, const char* name,
                 std::vector<std::string>& out, const std::string& item) {
    bool ok = true;
    if (const auto it = raw.keys.find(name); it != raw.keys.end()) {
      YamlFields at{*it->second.file, sink_};
      ok &= at.string_list(it->second.node, out, item, name);
    }
    if (const auto it = raw.appended.find(name); it != raw.appended.end()) {
      for (const auto& more : it->second) {
        YamlFields at{*more.file, sink_};
        ok &= at.string_list(more.node, out, item, name);
      }
    }
    (void)yaml;
    return ok;
  }

  void compile_rule(const RawRule& raw) {
    const std::string item = "rule " + raw.id;
    YamlFields head{*raw.head.file, sink_};
    Rule rule;
    rule.id = raw.id;
    rule.pack = raw.pack;
    rule.origin = position(raw.head);
    rule.overridden_at = raw.overridden_at;
    bool ok = true;
    for (const char* required : {"events", "when", "category", "severity", "decision", "notice"}) {
      if (raw.keys.count(required) == 0) {
        head.error(raw.head.node, "BG-P005", item,
                   std::string{"the rule needs \""} + required + "\"");
        ok = false;
      }
    }
    if (!ok) return;
    auto key = [&](const char* name) -> const Located& { return raw.keys.at(name); };
    auto fields = [&](const char* name) { return YamlFields{*key(name).file, sink_}; };
    if (raw.keys.count("description"))
      fields("description").scalar(key("description").node, rule.description, item, "description");
    ok &= fields("category").name(key("category").node, rule.category, item, "category");
    ok &= fields("severity").name(key("severity").node, rule.severity, item, "severity");
    ok &= fields("decision").name(key("decision").node, rule.decision, item, "decision");
    ok &= fields("notice").scalar(key("notice").node, rule.notice, item, "notice");
    if (raw.keys.count("explanation"))
      ok &= fields("explanation")
                .scalar(key("explanation").node, rule.explanation, item, "explanation");
    if (raw.keys.count("enabled"))
      ok &= fields("enabled").boolean(key("enabled").node, rule.enabled, item, "enabled");
    ok &= rule_list(head, raw, "citations", rule.citations, item);
    ok &= rule_list(head, raw, "tags", rule.tags, item);
    std::vector<std::string> events;
    ok &= rule_list(head, raw, "events", events, item);
    for (size_t i = 0; i < events.size(); ++i) {
      const auto type = parse_name<EventType>(events[i]);
      if (!type || *type == EventType::therapist || *type == EventType::client ||
          *type == EventType::boundary_extension) {
        fields("events").error(
            key("events").node, "BG-P006", item,
            "\"" + events[i] +
                "\" is not an observed event type (message, appointment, social, payment)");
        ok = false;
      } else {
        rule.events.set(static_cast<size_t>(*type));
      }
    }
    if (ok && rule.events.none()) {
      fields("events").error(key("events").node, "BG-P005", item,
                             "the rule applies to no event type");
      ok = false;
    }
    for (const auto& [name, text] :
         {std::pair<const char*, const std::string*>{"notice", &rule.notice},
          {"explanation", &rule.explanation}}) {
      std::string why;
      if (!text->empty() && !check_template(*text, why)) {
        fields(name).error(key(name).node, "BG-P034", item, why);
        ok = false;
      }
    }
    const Located& when = key("when");
    if (!fields("when").scalar(when.node, rule.when_text, item, "when")) return;
    rule.when = compile_condition(when, rule.when_text, item);
    if (!rule.when || !ok) return;
    if (!check_fields_set(*rule.when, rule.events, when, item)) return;
    collect_positive_lexicons(*rule.when, rule.evidence_lexicons);
    collect_positive_classifiers(*rule.when, rule.evidence_classifiers);
    collect_evidence_fields(*rule.when, rule.evidence_fields);
    policy_->rules.push_back(std::move(rule));
  }

  // Fields that carry spans, read outside any `not`.
  static void collect_evidence_fields(const ExprNode& e, std::vector<int>& out) {
    if (e.kind == ExprNode::Kind::not_) return;
    if (e.kind == ExprNode::Kind::field &&
        field_vocabulary()[static_cast<size_t>(e.field)].evidence != nullptr &&
        std::find(out.begin(), out.end(), e.field) == out.end()) {
      out.push_back(e.field);
    }
    for (const auto& kid : e.kids) collect_evidence_fields(*kid, out);
  }

  bool check_fields_set(const ExprNode& e, const EventTypeSet& events, const Located& at,
                        const std::string& item) {
    if (e.kind == ExprNode::Kind::field) {
      const auto& spec = field_vocabulary()[static_cast<size_t>(e.field)];
      const EventTypeSet missing = events & ~spec.events;
      if (missing.any()) {
        std::string types;
        for (size_t t = 0; t < missing.size(); ++t) {
          if (missing.test(t))
            types += (types.empty() ? "" : ", ") + std::string{Names<EventType>::kAll[t]};
        }
        YamlFields yaml{*at.file, sink_};
        yaml.error(at.node, "BG-P031", item,
                   "\"" + spec.name + "\" is never set for " + types +
                       " events; narrow the rule's events or the condition");
        return false;
      }
    }
    for (const auto& kid : e.kids) {
      if (!check_fields_set(*kid, events, at, item)) return false;
    }
    return true;
  }

  void compile_exception(const Located& raw) {
    YamlFields yaml{*raw.file, sink_};
    const YAML::Node& node = raw.node;
    if (!node.IsMap()) {
      yaml.error(node, "BG-P003", "exceptions", "each exception is a mapping");
      return;
    }
    PolicyException e;
    e.origin = position(raw);
    if (node["id"]) yaml.scalar(node["id"], e.id, "exception", "id");
    const std::string item = "exception " + e.id;
    yaml.check_keys(node, {"id", "rules", "categories", "when", "reason", "owner", "expires"},
                    item);
    bool ok = true;
    for (const char* required : {"id", "reason", "owner", "expires"}) {
      if (!node[required]) {
        yaml.error(node, "BG-P005", item, std::string{"an exception needs \""} + required + "\"");
        ok = false;
      }
    }
    if (!ok) return;
    if (!seen_exceptions_.insert(e.id).second) {
      yaml.error(node["id"], "BG-P008", item, "exception \"" + e.id + "\" is defined twice");
      return;
    }
    ok &= yaml.scalar(node["reason"], e.reason, item, "reason");
    ok &= yaml.scalar(node["owner"], e.owner, item, "owner");
    std::string expires;
    if (yaml.scalar(node["expires"], expires, item, "expires")) {
      if (const auto day = parse_date(expires)) {
        e.expires = *day;
        const auto today = date::floor<date::days>(std::chrono::system_clock::now());
        if (date::sys_days{*day} < today) {
          sink_.warning(*raw.file, node["expires"], "BG-P033", item,
                        "expired on " + expires + "; it no longer suppresses anything");
        }
      } else {
        yaml.error(node["expires"], "BG-P007", item,
                   "\"" + expires + "\" is not a date such as 2026-12-31");
        ok = false;
      }
    }
    if (node["rules"]) {
      std::vector<std::string> ids;
      yaml.string_list(node["rules"], ids, item, "rules");
      for (const auto& id : ids) {
        if (rules_.count(id) == 0) {
          yaml.error(node["rules"], "BG-P030", item, "no rule \"" + id + "\" for this exception");
          ok = false;
        }
        e.rules.insert(id);
      }
    }
    if (node["categories"]) {
      if (!node["categories"].IsSequence()) {
        yaml.error(node["categories"], "BG-P003", item, "categories must be a list");
        ok = false;
      } else {
        for (const auto& c : node["categories"]) {
          Category category{};
          if (yaml.name(c, category, item, "category")) e.categories.insert(category);
        }
      }
    }
    if (node["when"]) {
      if (!yaml.scalar(node["when"], e.when_text, item, "when")) return;
      e.when = compile_condition({raw.file, node["when"]}, e.when_text, item);
      if (!e.when) return;
    }
    if (ok) policy_->exceptions.push_back(std::move(e));
  }

  void warn_unused() {
    for (const auto& [name, list] : lists_) {
      if (!list.used)
        sink_.warning(*list.head.file, list.head.node, "BG-P032", "list " + name,
                      "list \"" + name + "\" is never used");
    }
    for (const auto& [name, lexicon] : lexicons_) {
      if (!lexicon.used)
        sink_.warning(*lexicon.head.file, lexicon.head.node, "BG-P032", "lexicon " + name,
                      "lexicon \"" + name + "\" is never used");
    }
    for (const auto& [name, classifier] : classifiers_) {
      if (!classifier.used)
        sink_.warning(*classifier.file, classifier.head, "BG-P032", "classifier " + name,
                      "classifier \"" + name + "\" is never used");
    }
    for (const auto& [name, macro] : macros_) {
      if (!macro.used)
        sink_.warning(*macro.head.file, macro.head.node, "BG-P032", "macro " + name,
                      "macro \"" + name + "\" is never used");
    }
  }

  ProblemSink& sink_;
  std::shared_ptr<Policy> policy_;
  std::map<std::string, RawList> lists_;
  std::map<std::string, RawList> lexicons_;
  std::map<std::string, DeclaredClassifier> classifiers_;
  bool text_models_ = true;
  std::map<std::string, RawMacro> macros_;
  std::vector<std::string> macro_stack_;
  std::map<std::string, RawRule> rules_;
  std::vector<std::string> rule_order_;
  std::vector<Located> exception_nodes_;
  std::set<std::string> seen_exceptions_;
};

}  // namespace

std::shared_ptr<Policy> compile_policy(const std::vector<RawPack>& packs, ProblemSink& sink,
                                       bool text_models) {
  Compiler compiler{sink, text_models};
  return compiler.run(packs);
}

}  // namespace bg
