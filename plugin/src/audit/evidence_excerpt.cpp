#include "audit/evidence_excerpt.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace bg {
namespace {

using Range = std::pair<size_t, size_t>;  // in code points, end exclusive

bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

// The byte offset of each code point, plus text.size() at the end.
std::vector<size_t> code_point_offsets(std::string_view text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(text[i]))) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

std::vector<Range> merge(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<Range> out;
  for (const auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().second) {
      out.back().second = std::max(out.back().second, r.second);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

size_t covered(const std::vector<Range>& ranges) {
  size_t n = 0;
  for (const auto& r : ranges) n += r.second - r.first;
  return n;
}

std::vector<Range> widen(const std::vector<Range>& spans, size_t window, size_t length) {
  std::vector<Range> out;
  out.reserve(spans.size());
  for (const auto& [s, e] : spans) {
    out.emplace_back(s > window ? s - window : 0, std::min(length, e + window));
  }
  return merge(std::move(out));
}

}  // namespace

std::vector<Excerpt> evidence_excerpts(std::string_view text, const std::vector<Evidence>& spans,
                                       int window_chars) {
  const auto offsets = code_point_offsets(text);
  const size_t length = offsets.size() - 1;  // in code points
  auto to_index = [&](size_t byte) -> std::optional<size_t> {
    const auto it = std::lower_bound(offsets.begin(), offsets.end(), byte);
    if (it == offsets.end() || *it != byte) return std::nullopt;  // not a character boundary
    return static_cast<size_t>(it - offsets.begin());
  };
  std::vector<Range> matched;
  for (const auto& e : spans) {
    if (e.start >= e.end || e.end > text.size()) continue;
    const auto s = to_index(e.start), t = to_index(e.end);
    if (s && t) matched.emplace_back(*s, *t);
  }
  matched = merge(std::move(matched));
  if (matched.empty()) return {};

  // The largest window (up to window_chars) that keeps at most half of the unmatched text.
  const size_t matched_chars = covered(matched);
  const size_t budget = (length - matched_chars) / 2;
  size_t low = 0, high = static_cast<size_t>(std::max(window_chars, 0));
  while (low < high) {
    const size_t mid = (low + high + 1) / 2;
    if (covered(widen(matched, mid, length)) - matched_chars <= budget) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  // A window edge inside a word moves back to the word's edge (never into a matched span), so
  // no excerpt ends in part of a name.
  auto word_char = [&](size_t index) {
    const auto c = static_cast<unsigned char>(text[offsets[index]]);
    return c >= 0x80 || std::isalnum(c) != 0;
  };
  std::vector<Excerpt> out;
  for (auto [s, e] : widen(matched, low, length)) {
    size_t first_match = e, last_match = s;
    for (const auto& [ms, me] : matched) {
      if (ms >= s && me <= e) {
        first_match = std::min(first_match, ms);
        last_match = std::max(last_match, me);
      }
    }
    while (s > 0 && s < first_match && word_char(s - 1) && word_char(s)) ++s;
    while (e < length && e > last_match && word_char(e - 1) && word_char(e)) --e;
    const size_t from = offsets[s], to = offsets[e];
    out.push_back(Excerpt{from, to, std::string{text.substr(from, to - from)}});
  }
  return out;
}

}  // namespace bg
