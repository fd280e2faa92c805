// Fuzz target: text normalisation (plugin/src/text/normalized_text.h) with its reading of quoted
// speech (reported_speech.h) and of requests told back (reported_asks.h). The first byte chooses
// the writer (therapist or client); the rest, when it is valid UTF-8 as every event's text is after
// decoding, is normalised. Every folded byte must map back inside the original, in order, and the
// reported quotes and requests must each be in order, apart and inside the folded text; never a
// crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/utf8.h"
#include "text/normalized_text.h"
#include "text/reported_asks.h"
#include "text/reported_speech.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto writer = (data[0] & 1) != 0 ? bg::QuoteWriter::client : bg::QuoteWriter::therapist;
  const std::string_view input{reinterpret_cast<const char*>(data) + 1, size - 1};
  if (bg::find_invalid_utf8(input) != std::string_view::npos) return 0;
  const bg::NormalizedText text{input, nullptr, writer};
  const std::string_view folded = text.text();
  size_t previous_start = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    const auto [start, end] = text.original_span(i, i + 1);
    if (start > end || end > input.size() || start < previous_start) std::abort();
    previous_start = start;
  }
  const auto [all_start, all_end] = text.original_span(0, folded.size());
  if (!folded.empty() && (all_start > all_end || all_end > input.size())) std::abort();
  const auto check_spans = [&](const std::vector<std::pair<size_t, size_t>>& spans) {
    size_t last_end = 0;
    for (const auto& [start, end] : spans) {
      if (start < last_end || start >= end || end > folded.size()) std::abort();
      last_end = end;
    }
  };
  check_spans(bg::find_reported_quotes(
      folded, [](size_t) { return true; }, writer));
  check_spans(bg::find_reported_asks(folded));
  return 0;
}
