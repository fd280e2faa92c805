// A folded copy of a text for matching, with every byte mapped back to the original. Folding:
// Unicode NFKC case folding (fullwidth and "math bold" letters become plain ones), accents
// removed, look-alike letters from other scripts replaced by their Latin skeleton (Cyrillic
// "і" -> "i"), zero-width and other invisible characters dropped, common leetspeak inside
// words undone ("f0ll0w" -> "follow"), text-speak read as words ("u" -> "you", "tmrw" ->
// "tomorrow"; see text_speak.h), letters spaced or dotted out rejoined ("i n s t a",
// "c.a.r.a"), emoji kept as words ("❤" -> " emoji_heart "), letters held for effect shortened
// ("sooo" -> "so", "missss" -> "miss"), and, given a policy's vocabulary, one-slip typos and
// vowel-less forms of its words undone ("landord" -> "landlord", "wknd" -> "weekend"; see
// typo_vocabulary.h). Speech the writer quotes from someone else ("When he texted 'love you
// too.' what did you feel?") is blanked out, so that it is not read as the writer's own words
// (reported_speech.h), and so is a client's request that a therapist tells back and declines
// ("You asked whether we could be friends. I won't be able to"; reported_asks.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/reported_speech.h"

namespace bg {

class TypoVocabulary;

class NormalizedText {
 public:
  // `vocabulary` may be null (no typo correction); it is only read during construction.
  // `writer` says whose quotes stay read (reported_speech.h): a client's "you said '...'" quotes
  // the therapist.
  explicit NormalizedText(std::string_view original, const TypoVocabulary* vocabulary = nullptr,
                          QuoteWriter writer = QuoteWriter::therapist);

  const std::string& text() const { return text_; }
  // The original byte range [start, end) that normalized bytes [start, end) came from.
  std::pair<size_t, size_t> original_span(size_t start, size_t end) const;
  // Whether a word starts or ends at normalized byte `pos` (Unicode word boundaries; for
  // ASCII-only text, transitions between letters/digits and anything else).
  bool is_word_boundary(size_t pos) const;

 private:
  void fold(std::string_view original);
  struct Word {
    size_t start, end;
    bool joined;  // attached to a handle, address, path or compound
  };
  struct Replacement {
    size_t start, end;
    std::string_view with;
  };
  std::vector<Word> standalone_words() const;
  // Replaces byte ranges (in order, not overlapping); the new bytes map to the range replaced.
  void replace(const std::vector<Replacement>& replacements);
  // Letters held for effect ("sooo", "youuu", "missss") written as the word they stretch.
  void shorten_elongations(const TypoVocabulary* vocabulary);
  void expand_text_speak();
  void correct_typos(const TypoVocabulary& vocabulary);
  void undo_leetspeak();
  void rejoin_spelled_out();
  // Speech quoted from someone else ("you said 'I love you'") blanked out (reported_speech.h), and
  // in a therapist's message the client's request told back ("you asked if we could be friends";
  // reported_asks.h).
  void blank_reported_speech(std::string_view original, QuoteWriter writer);
  void find_word_boundaries();

  std::string text_;
  std::vector<uint32_t> from_;  // per byte of text_: original start
  std::vector<uint32_t> to_;    // per byte of text_: original end
  std::vector<bool> boundary_;  // size text_.size() + 1
};

}  // namespace bg
