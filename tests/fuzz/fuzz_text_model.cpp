// Fuzz target: the text model reader and scorer (plugin/src/text/text_model.h). The input is
// parsed as a model file; when it parses, the same bytes are scored as a message. Parsing must
// end in a model or an error, and scoring in a finite score with evidence inside the text,
// never a crash, a hang or an exception.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/normalized_text.h"
#include "text/text_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input{reinterpret_cast<const char*>(data), size};
  std::string error;
  const auto model = bg::TextModel::parse(input, error);
  if (!model) {
    if (error.empty()) std::abort();
    return 0;
  }
  const bg::NormalizedText text{input};
  const auto reading = model->read(text, input);
  if (!std::isfinite(reading.score)) std::abort();
  if (reading.evidence.size() > bg::kMaxModelEvidence) std::abort();
  for (const auto& e : reading.evidence) {
    if (e.start >= e.end || e.end > input.size()) std::abort();
    if (input.substr(e.start, e.end - e.start) != e.text) std::abort();
  }
  return 0;
}
