// Fuzz target: the condition language (plugin/src/policy/expression) through its real resolver,
// the policy compiler. Each input becomes the `when` of one rule in a small in-memory pack with
// lists, lexicons and macros; the first byte picks the rule's event type. The pack must compile
// or report a problem, never crash, hang or throw; a condition that compiles is then evaluated
// against fixed facts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "policy/expression/evaluator.h"
#include "policy/field_vocabulary.h"
#include "policy/policy_compiler.h"
#include "policy/policy_problem.h"

namespace {

constexpr const char* kEventTypes[] = {"message", "appointment", "social", "payment"};

// The pack around the condition, emitted with yaml-cpp so any bytes are quoted correctly.
std::string pack_text(const char* event_type, const std::string& condition) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "pack" << YAML::Value << "fuzz";
  out << YAML::Key << "version" << YAML::Value << "1";
  out << YAML::Key << "lists" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "venues" << YAML::Value << YAML::Flow
      << std::vector<std::string>{"park", "bar", "cafe"};
  out << YAML::EndMap;
  out << YAML::Key << "lexicons" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "crisis" << YAML::Value << YAML::Flow
      << std::vector<std::string>{"988", "crisis line", "feel unsafe"};
  out << YAML::Key << "personal" << YAML::Value << YAML::Flow
      << std::vector<std::string>{"can't sleep", "miss you", ":)"};
  out << YAML::Key << "administrative" << YAML::Value << YAML::Flow
      << std::vector<std::string>{"appointment", "invoice"};
  out << YAML::EndMap;
  out << YAML::Key << "macros" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "therapist_sends" << YAML::Value << "sender.role == 'therapist'";
  out << YAML::Key << "off_hours" << YAML::Value << "time.known and not time.in_hours";
  out << YAML::EndMap;
  out << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << "fuzz-rule";
  out << YAML::Key << "events" << YAML::Value << YAML::Flow << std::vector<std::string>{event_type};
  out << YAML::Key << "when" << YAML::Value << YAML::DoubleQuoted << condition;
  out << YAML::Key << "category" << YAML::Value << "personal_content";
  out << YAML::Key << "severity" << YAML::Value << "low";
  out << YAML::Key << "decision" << YAML::Value << "warn";
  out << YAML::Key << "notice" << YAML::Value << "fuzz {rule}";
  out << YAML::EndMap << YAML::EndSeq;
  out << YAML::EndMap;
  return out.good() ? std::string{out.c_str()} : std::string{};
}

// Fixed facts of every type: booleans alternate, numbers and texts vary by field.
class FixedFacts final : public bg::FactSource {
 public:
  bg::Value field(int id) const override {
    const auto& spec = bg::field_vocabulary().at(static_cast<size_t>(id));
    switch (spec.type) {
      case bg::ValueType::boolean:
        return bg::Value::of(id % 2 == 0);
      case bg::ValueType::number:
        return bg::Value::of(static_cast<double>(id) * 1.5);
      case bg::ValueType::string:
        return bg::Value::of(
            spec.allowed.empty()
                ? std::string_view{"Can't sleep at the park :)"}
                : std::string_view{spec.allowed[static_cast<size_t>(id) % spec.allowed.size()]});
      case bg::ValueType::list:
        break;
    }
    return bg::Value::of(false);
  }
  bool lexicon_matches(int index) const override { return index % 2 == 0; }
  bool classifier_says(int index) const override { return index % 2 == 1; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* event_type = kEventTypes[data[0] % 4];
  const std::string condition{reinterpret_cast<const char*>(data + 1), size - 1};
  const std::string text = pack_text(event_type, condition);
  if (text.empty()) return 0;  // yaml-cpp cannot write these bytes: not a policy anyone can write

  auto file = std::make_shared<bg::SourceFile>();
  file->path = "fuzz.yaml";
  file->text = text;
  try {
    file->root = YAML::Load(file->text);
  } catch (const YAML::Exception&) {
    return 0;  // the emitter and the parser disagree: a yaml-cpp matter, not ours
  }
  bg::RawPack pack;
  pack.name = "fuzz";
  pack.version = "1";
  pack.directory = "/nonexistent";
  pack.files.push_back(file);

  std::vector<bg::PolicyProblem> problems;
  bg::ProblemSink sink{problems};
  const auto policy = bg::compile_policy({pack}, sink);
  (void)bg::render_problems_text(problems);
  if (policy == nullptr || bg::has_errors(problems)) return 0;
  const bg::Rule* rule = policy->rule("fuzz-rule");
  if (rule == nullptr || rule->when == nullptr) std::abort();  // loaded without its rule
  const FixedFacts facts;
  (void)bg::evaluate_condition(*rule->when, facts);
  return 0;
}
