#include "text/content_classifier.h"

namespace bg {

ContentReading classify_content(const Policy& policy, std::string_view text) {
  ContentReading reading;
  if (text.empty()) return reading;
  const std::pair<const Lexicon*, ContentClass> order[] = {
      {policy.crisis.get(), ContentClass::crisis},
      {policy.personal.get(), ContentClass::personal},
      {policy.administrative.get(), ContentClass::administrative}};
  for (const auto& [lexicon, content] : order) {
    if (lexicon != nullptr && lexicon->find_all(text, reading.evidence) > 0) {
      reading.content = content;
      return reading;
    }
  }
  return reading;
}

}  // namespace bg
