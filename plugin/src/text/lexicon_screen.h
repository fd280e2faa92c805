// One pass over a text that tells which of a policy's lexicons can match it at all: the
// lexicons' patterns in a few RE2::Sets (one per ~48 KB of pattern, to bound the memory a
// compile takes). A message matches few lexicons, so running each lexicon's
// own search (which finds the spans) only where the screen says it may match saves most of the
// cost of reading the text once per lexicon.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace bg {

class Lexicon;

class LexiconScreen {
 public:
  // `lexicons` in the policy's index order; they must outlive the screen. An empty screen
  // (build failed, e.g. over RE2's memory budget) answers "may match" for every lexicon.
  explicit LexiconScreen(const std::vector<std::unique_ptr<Lexicon>>& lexicons);
  ~LexiconScreen();
  LexiconScreen(const LexiconScreen&) = delete;
  LexiconScreen& operator=(const LexiconScreen&) = delete;

  // One flag per lexicon: true when it may match `normalized` (text folded as NormalizedText
  // folds it), false when it certainly does not. When the set cannot answer (its DFA ran out of
  // memory on this text) every flag is true. Thread-safe.
  std::vector<bool> candidates(std::string_view normalized) const;

  bool active() const { return !sets_.empty(); }

 private:
  struct Set;
  size_t lexicon_count_ = 0;
  std::vector<std::unique_ptr<Set>> sets_;
  std::vector<int> always_;  // lexicons no set could take: always candidates
};

}  // namespace bg
