#include "engine/rule_evaluator.h"

#include <algorithm>

#include "policy/expression/evaluator.h"
#include "policy/field_vocabulary.h"
#include "policy/message_template.h"

namespace bg {
namespace {

class ContextFacts final : public FactSource {
 public:
  explicit ContextFacts(const EvaluationContext& c) : c_(c) {}

  Value field(int id) const override {
    const auto& spec = field_vocabulary()[static_cast<size_t>(id)];
    // The compiler only lets a rule read fields its events set; exceptions may read any field,
    // and an unset one reads as false, 0 or empty.
    if (!spec.events.test(static_cast<size_t>(c_.event().type()))) {
      switch (spec.type) {
        case ValueType::number:
          return Value::of(0.0);
        case ValueType::string:
          return Value::of(std::string_view{});
        default:
          return Value::of(false);
      }
    }
    if (!c_.time().known && spec.name.rfind("time.", 0) == 0 && spec.name != "time.known") {
      return spec.type == ValueType::boolean  ? Value::of(false)
             : spec.type == ValueType::number ? Value::of(0.0)
                                              : Value::of(std::string_view{});
    }
    return spec.read(c_);
  }

  bool lexicon_matches(int index) const override { return !c_.lexicon_matches(index).empty(); }
  bool classifier_says(int index) const override { return c_.classifier_says(index); }

 private:
  const EvaluationContext& c_;
};

std::string quiet_hours_text(const DailyWindow& w) {
  return format_clock(w.start) + "-" + format_clock(w.end);
}

// "Wed 09:00-17:00" or "Sat: not a working day".
std::string hours_of_day(const EvaluationContext& c, int weekday) {
  const auto& hours = c.therapist_hours();
  const std::string label{kWeekdayLabels[static_cast<size_t>(weekday)]};
  return label + (hours.day(weekday).empty() ? ": " : " ") + hours.describe_day(weekday);
}

std::string quoted_evidence(const std::vector<Evidence>& evidence) {
  std::string out;
  for (const auto& e : evidence) {
    if (out.find("'" + e.text + "'") != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += "'" + e.text + "'";
  }
  return out;
}

std::optional<std::string> display_value(const EvaluationContext& c, const Rule& rule,
                                         const Finding& f, const FactSource& facts,
                                         std::string_view name) {
  const auto& t = c.time();
  if (name == "therapist") return c.therapist_id();
  if (name == "client") return c.client_id();
  if (name == "rule") return rule.id;
  if (name == "category") return std::string{name_of(rule.category)};
  if (name == "citations") {
    std::string out;
    for (const auto& citation : rule.citations) out += (out.empty() ? "" : ", ") + citation;
    return out;
  }
  if (name == "evidence") return quoted_evidence(f.evidence);
  if (name == "pattern_entries") {
    std::string out;
    for (const auto& entry : c.pair_history().entries) out += (out.empty() ? "" : ", ") + entry;
    return out;
  }
  if (name == "quiet_hours") return quiet_hours_text(c.policy().settings.client_quiet_hours);
  if (const auto* m = std::get_if<MessageEvent>(&c.event().body); m && name == "channel") {
    return std::string{name_of(m->channel)};
  }
  if (const auto* a = std::get_if<AppointmentEvent>(&c.event().body)) {
    if (name == "setting") {
      return a->location.name.empty()
                 ? std::string{name_of(a->location.kind)}
                 : a->location.name + " (" + std::string{name_of(a->location.kind)} + ")";
    }
  }
  if (const auto* p = std::get_if<PaymentEvent>(&c.event().body);
      p && name == "amount" && p->amount) {
    return format_value(Value::of(p->amount->value)) + " " + p->amount->currency;
  }
  if (t.known) {
    if (name == "therapist_time") return t.therapist.label();
    if (name == "therapist_zone") return std::string{c.therapist_zone()->name()};
    if (name == "client_time") return t.client.label();
    if (name == "client_zone") return std::string{c.client_zone()->name()};
    if (name == "hours") return hours_of_day(c, t.therapist.weekday);
    if (const auto* a = std::get_if<AppointmentEvent>(&c.event().body);
        a && name == "session_end") {
      return local_view(a->end, *c.therapist_zone()).label();
    }
  }
  const int field = find_field(name);
  if (field >= 0) return format_value(facts.field(field));
  return std::nullopt;
}

void add_evidence(const std::vector<Evidence>& from, std::vector<Evidence>& to) {
  for (const auto& e : from) {
    const bool seen = std::any_of(to.begin(), to.end(), [&](const Evidence& x) {
      return x.start == e.start && x.end == e.end;
    });
    if (!seen) to.push_back(e);
  }
}

// The id of an extension or policy exception that covers the finding, or "".
std::string suppression(const EvaluationContext& c, const Rule& rule, const FactSource& facts) {
  const auto& t = c.time();
  if (!t.known || c.therapist_id().empty()) return {};
  if (const auto* ext = c.roster().extension_covering(c.therapist_id(), c.client_id(),
                                                      rule.category, t.therapist.day)) {
    return *ext;
  }
  const date::year_month_day today{date::sys_days{t.therapist.day.time_since_epoch()}};
  for (const auto& e : c.policy().exceptions) {
    if (today > e.expires) continue;
    const bool rule_match = e.rules.empty() || e.rules.count(rule.id) != 0;
    const bool category_match = e.categories.empty() || e.categories.count(rule.category) != 0;
    if (!(rule_match && category_match)) continue;
    if (e.when && !evaluate_condition(*e.when, facts)) continue;
    return e.id;
  }
  return {};
}

}  // namespace

void evaluate_rules(const EvaluationContext& c, RulePass pass, std::vector<Finding>& out) {
  const auto& rules = c.policy().rules_by_event[static_cast<size_t>(c.event().type())];
  if (rules.empty()) return;
  const ContextFacts facts{c};
  const bool from_client = c.initiator() == Role::client;
  const bool after_the_fact =
      c.event().type() == EventType::social || c.event().type() == EventType::payment;
  for (const Rule* rule : rules) {
    if ((rule->category == Category::pattern) != (pass == RulePass::pattern)) continue;
    if (!evaluate_condition(*rule->when, facts)) continue;
    Finding f;
    f.rule = rule->id;
    f.category = rule->category;
    f.severity = rule->severity;
    f.decision = rule->decision;
    if (pass == RulePass::pattern) {
      const auto highest = c.pair_history().highest;
      const auto raised = highest == Severity::critical
                              ? highest
                              : static_cast<Severity>(static_cast<int>(highest) + 1);
      f.severity = std::max(f.severity, raised);
    }
    if (from_client) {
      // Principle 1: context for the therapist, never a mark against the client.
      f.severity = std::min(f.severity, Severity::low);
      f.decision = Decision::allow;
    }
    if (after_the_fact) f.decision = std::min(f.decision, Decision::warn);
    f.citations = rule->citations;
    for (int index : rule->evidence_lexicons) add_evidence(c.lexicon_matches(index), f.evidence);
    // A model's words are evidence only when no lexicon phrase matched: a matched phrase says
    // more than the words that weighed most. (Field evidence is added below either way.)
    if (f.evidence.empty()) {
      for (int index : rule->evidence_classifiers) {
        if (c.classifier_says(index))
          add_evidence(c.classifier_reading(index).evidence, f.evidence);
      }
    }
    for (int field : rule->evidence_fields) {
      add_evidence(field_vocabulary()[static_cast<size_t>(field)].evidence(c), f.evidence);
    }
    std::sort(f.evidence.begin(), f.evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.start < b.start; });
    const auto lookup = [&](std::string_view name) {
      return display_value(c, *rule, f, facts, name);
    };
    f.explanation =
        render_template(rule->explanation.empty() ? rule->description : rule->explanation, lookup);
    f.notice = render_template(rule->notice, lookup);
    f.suppressed_by = suppression(c, *rule, facts);
    out.push_back(std::move(f));
  }
}

}  // namespace bg
