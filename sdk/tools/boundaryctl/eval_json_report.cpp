// The JSON rendering of an EvalReport: the same content as the text, for tools and CI gates.
#include <nlohmann/json.hpp>

#include "eval_report.h"

namespace boundaryctl {
namespace {

using nlohmann::ordered_json;

ordered_json scores(const Counts& c) {
  return ordered_json{
      {"support", c.support()},    {"tp", c.tp},          {"fp", c.fp}, {"fn", c.fn},
      {"precision", precision(c)}, {"recall", recall(c)}, {"f1", f1(c)}};
}

ordered_json category_counts(const Scorer& s, const std::map<std::string, size_t>& counts) {
  CategorySet names;
  for (const auto& entry : counts) names.insert(entry.first);
  ordered_json out = ordered_json::object();
  for (const auto& name : s.ordered(names)) out[name] = counts.at(name);
  return out;
}

ordered_json place(const EventPlace& p) {
  return ordered_json{{"id", p.id}, {"file", p.file}, {"line", p.line}, {"type", p.type}};
}

ordered_json categories(const Scorer& s) {
  ordered_json out = ordered_json::array();
  for (const auto& name : s.categories()) {
    ordered_json row{{"category", name}};
    row.update(scores(s.counts(name)));
    out.push_back(std::move(row));
  }
  return out;
}

ordered_json confusion(const Scorer& s) {
  ordered_json out = ordered_json::array();
  for (const auto& name : s.categories()) {
    const Counts c = s.counts(name);
    if (c.support() == 0) continue;
    const Confusion row = s.confusion(name);
    out.push_back(ordered_json{{"labelled", name},
                               {"support", c.support()},
                               {"missed", c.fn},
                               {"missed_alone", row.missed_alone},
                               {"instead", category_counts(s, row.instead)},
                               {"in_addition", category_counts(s, row.in_addition)}});
  }
  return out;
}

ordered_json client_side(const EvalReport& r) {
  ordered_json held = ordered_json::array();
  for (const auto& h : r.client_held) {
    ordered_json event = place(h.place);
    event["decision"] = h.decision;
    held.push_back(std::move(event));
  }
  return ordered_json{{"events", r.client_side_events},
                      {"held_or_blocked", r.client_held.size()},
                      {"held_or_blocked_events", std::move(held)}};
}

ordered_json misclassified(const EvalReport& r) {
  ordered_json events = ordered_json::array();
  for (const auto& m : r.misclassified) {
    ordered_json wrong = ordered_json::array();
    for (const auto& w : m.wrong) {
      ordered_json rules = ordered_json::array();
      for (const auto& fired : w.rules) {
        ordered_json rule{{"rule", fired.rule}};
        if (!fired.suppressed_by.empty()) rule["suppressed_by"] = fired.suppressed_by;
        rules.push_back(std::move(rule));
      }
      wrong.push_back(ordered_json{{"category", w.category},
                                   {"kind", w.missed ? "missed" : "extra"},
                                   {"rules", std::move(rules)}});
    }
    ordered_json event = place(m.place);
    event["expected"] = m.expected;
    event["predicted"] = m.predicted;
    event["note"] = m.note;
    event["wrong"] = std::move(wrong);
    events.push_back(std::move(event));
  }
  return ordered_json{{"total", r.misclassified_total},
                      {"limit", r.misclassified_limit},
                      {"events", std::move(events)}};
}

}  // namespace

std::string render_json(const EvalReport& r) {
  const Scorer& s = r.scorer;
  const Average micro = s.micro();
  const Average macro = s.macro();
  ordered_json micro_json = scores(s.total());
  micro_json.update(
      ordered_json{{"precision", micro.precision}, {"recall", micro.recall}, {"f1", micro.f1}});
  ordered_json out{
      {"corpus", r.corpus},
      {"roster", r.roster},
      {"policy", r.policy.empty() ? ordered_json(nullptr) : ordered_json(r.policy)},
      {"events", ordered_json{{"scored", s.events()},
                              {"with_category", s.events() - s.unlabelled_events()},
                              {"unremarkable", s.unlabelled_events()},
                              {"exact", s.exact()},
                              {"unscored_lines", r.unscored_lines}}},
      {"categories", categories(s)},
      {"micro", std::move(micro_json)},
      {"macro", ordered_json{{"categories", s.macro_category_count()},
                             {"precision", macro.precision},
                             {"recall", macro.recall},
                             {"f1", macro.f1}}},
      {"confusion", confusion(s)},
      {"unremarkable_predicted", category_counts(s, s.unlabelled_predicted())},
      {"client_side", client_side(r)},
  };
  if (r.has_min_f1) {
    out["min_f1"] = ordered_json{{"threshold", r.min_f1}, {"below", r.below_min_f1}};
  }
  out["misclassified"] = misclassified(r);
  return out.dump(2) + "\n";
}

}  // namespace boundaryctl
