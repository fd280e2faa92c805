#include "text/content_classifier.h"

namespace bg {

ContentReading classify_content(const EvaluationContext& c) {
  ContentReading reading;
  if (c.text().empty()) return reading;
  const auto& policy = c.policy();
  const std::pair<int, ContentClass> order[] = {
      {policy.crisis_lexicon, ContentClass::crisis},
      {policy.personal_lexicon, ContentClass::personal},
      {policy.administrative_lexicon, ContentClass::administrative}};
  for (const auto& [index, content] : order) {
    if (index < 0) continue;
    const auto& matches = c.lexicon_matches(index);
    if (!matches.empty()) {
      reading.content = content;
      reading.evidence = matches;
      return reading;
    }
  }
  return reading;
}

}  // namespace bg
