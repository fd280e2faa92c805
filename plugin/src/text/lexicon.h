// A named list of words and phrases (or RE2 patterns written "re:..."), compiled into one
// case-insensitive pattern over normalized text (see normalized_text.h), so that "INSTA",
// "іnstа" and "i n s t a" all match "insta". Matches are reported as spans of the original.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/evidence.h"
#include "text/normalized_text.h"

namespace re2 {
class RE2;
}

namespace bg {

struct LexiconOptions {
  // Drop a match when one of the three words before it, in the same sentence, negates it
  // ("not", "never", "can't", "don't", ...): "I can't accept gifts" is no gift offer.
  bool negatable = false;
};

class Lexicon {
 public:
  // Phrases: a space matches any white space, an apostrophe matches ' or nothing. Entries
  // starting "re:" are RE2 patterns over the normalized (lower-case) text. Fails (nullptr,
  // `error` set) when RE2 rejects the result.
  static std::unique_ptr<Lexicon> compile(std::string name, const std::vector<std::string>& entries,
                                          LexiconOptions options, std::string& error);
  static std::unique_ptr<Lexicon> compile(std::string name, const std::vector<std::string>& entries,
                                          std::string& error) {
    return compile(std::move(name), entries, LexiconOptions{}, error);
  }
  ~Lexicon();

  const std::string& name() const { return name_; }
  size_t size() const { return size_; }
  // The compiled pattern (null when the lexicon is empty), for baselines in tests/bench.
  const re2::RE2* pattern() const { return pattern_.get(); }

  // Appends every non-overlapping match as a span of `original`; returns how many it found.
  size_t find_all(const NormalizedText& text, std::string_view original,
                  std::vector<Evidence>& out) const;
  // For callers without a NormalizedText at hand.
  size_t find_all(std::string_view original, std::vector<Evidence>& out) const;

 private:
  Lexicon() = default;
  bool negated(const std::string& text, size_t start) const;

  std::string name_;
  size_t size_ = 0;
  LexiconOptions options_;
  std::unique_ptr<re2::RE2> pattern_;
};

// At most this many matches are kept per lexicon and event (a bound on hostile input).
constexpr size_t kMaxMatchesPerLexicon = 64;

}  // namespace bg
