// What the audit log keeps of an event's text under the policy's `evidence: window` setting:
// every matched span widened by a short window on each side, but never the whole text. The
// window is cut down until at most half of the characters that no finding matched are kept, so
// a text is only ever stored whole when every part of it was matched evidence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/evidence.h"

namespace bg {

struct Excerpt {
  size_t start = 0;  // byte offsets into the text, end exclusive, on UTF-8 character boundaries
  size_t end = 0;
  std::string text;
};

// Excerpts around `spans` (byte offsets into `text`; spans that do not fit are ignored), each
// side at most `window_chars` characters (Unicode code points), merged where they touch, in text
// order; a window that would end inside a word stops before it. No spans: no excerpts.
std::vector<Excerpt> evidence_excerpts(std::string_view text, const std::vector<Evidence>& spans,
                                       int window_chars);

}  // namespace bg
