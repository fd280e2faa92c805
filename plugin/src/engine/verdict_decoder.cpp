#include "engine/verdict_decoder.h"

#include <nlohmann/json.hpp>

namespace bg {

std::optional<Verdict> decode_verdict_json(std::string_view json) {
  const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  try {
    Verdict v;
    v.event_id = doc.at("event").get<std::string>();
    v.decision = parse_name<Decision>(doc.at("decision").get<std::string>()).value();
    v.notice = doc.value("notice", "");
    v.audit_id = doc.value("audit_id", "");
    v.policy = doc.value("policy", "");
    for (const auto& j : doc.at("findings")) {
      Finding f;
      f.rule = j.at("rule").get<std::string>();
      f.category = parse_name<Category>(j.at("category").get<std::string>()).value();
      f.severity = parse_name<Severity>(j.at("severity").get<std::string>()).value();
      f.decision = parse_name<Decision>(j.at("decision").get<std::string>()).value();
      f.citations = j.value("citations", std::vector<std::string>{});
      f.explanation = j.value("explanation", "");
      f.suppressed_by = j.value("suppressed_by", "");
      for (const auto& e : j.value("evidence", nlohmann::json::array())) {
        f.evidence.push_back(Evidence{e.at("start").get<size_t>(), e.at("end").get<size_t>(),
                                      e.at("text").get<std::string>()});
      }
      v.findings.push_back(std::move(f));
    }
    v.json = std::string{json};
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace bg
