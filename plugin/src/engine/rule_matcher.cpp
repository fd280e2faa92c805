#include "engine/rule_matcher.h"

namespace bg {

std::string render_notice(const std::string& text, const std::vector<TemplateVar>& vars,
                          const std::vector<std::string>& citations) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.append(text, i, open - i);
    const std::string_view key{text.data() + open + 1, close - open - 1};
    bool replaced = false;
    if (key == "citations") {
      for (size_t k = 0; k < citations.size(); ++k) {
        if (k > 0) out += ", ";
        out += citations[k];
      }
      replaced = true;
    } else {
      for (const auto& var : vars) {
        if (var.name == key) {
          out += var.value;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.append(text, open, close - open + 1);
    i = close + 1;
  }
  out.append(text, i, std::string::npos);
  return out;
}

namespace {

bool after_the_fact(EventType type) {
  return type == EventType::social || type == EventType::payment;
}

// The day the event happened on in the therapist's zone, for extension date ranges.
std::optional<date::local_days> therapist_day(const EvaluationContext& c) {
  if (c.therapist_zone() == nullptr) return std::nullopt;
  return local_view(c.when(), *c.therapist_zone()).day;
}

}  // namespace

void match_rules(const EvaluationContext& c, const Roster& roster,
                 const std::vector<Signal>& signals, std::vector<Finding>& out) {
  const auto& policy = c.policy();
  const bool from_client = c.initiator() == Role::client;
  const bool capped = after_the_fact(c.event().type());
  const auto day = therapist_day(c);
  for (const auto& signal : signals) {
    for (const Rule* rule : policy.rules_by_signal[static_cast<size_t>(signal.kind)]) {
      if (!rule->matches(signal)) continue;
      Finding f;
      f.rule = rule->id;
      f.category = rule->category;
      f.severity = rule->severity;
      f.decision = rule->decision;
      if (from_client) {
        // Principle 1: context for the therapist, never a mark against the client.
        f.severity =
            std::min(f.severity, Severity::low, [](Severity a, Severity b) { return a < b; });
        f.decision = Decision::allow;
      }
      if (capped) {
        f.decision =
            std::min(f.decision, Decision::warn, [](Decision a, Decision b) { return a < b; });
      }
      f.citations = rule->citations;
      f.explanation = signal.explanation;
      f.evidence = signal.evidence;
      f.notice = render_notice(rule->notice, signal.vars, rule->citations);
      if (day && !c.therapist_id().empty()) {
        if (const auto* ext =
                roster.extension_covering(c.therapist_id(), c.client_id(), f.category, *day)) {
          f.suppressed_by = *ext;
        }
      }
      out.push_back(std::move(f));
    }
  }
}

}  // namespace bg
