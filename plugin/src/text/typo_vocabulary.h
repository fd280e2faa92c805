// The words a policy's lexicons are written with, for reading a word typed in a hurry as the
// word the writer meant. Two kinds of shortcut are undone, one per word:
// - one slip of the kind people make most when typing fast: two neighbouring inner letters
//   swapped, one inner letter left out, one inner letter doubled (first and last letters
//   right): "landord" -> "landlord", "weekned" -> "weekend", "dinnner" -> "dinner". Only for a
//   typed word of 5 letters or more;
// - the shortcuts of texting: the vowels left out after the first letter ("wknd" -> "weekend",
//   "thnkng" -> "thinking", "bby" -> "baby"; a double letter may also be written once: "msg"),
//   or the g of -ing ("thinkin" -> "thinking"). Only for a typed word of 3 letters or more.
// A word is corrected only when it is neither a lexicon word nor an English word and stands for
// exactly one lexicon word: "though" is never read as "through", nor "takes" as "takers", and
// "thnk" (think or thank) is left alone.
//
// English words come from the system word list (/usr/share/dict/words, Debian package
// wamerican). Without it nothing is corrected: a map that cannot tell a real word from a
// shortened one would invent flags.
//
// Built once with the policy; const use is thread-safe.
#pragma once

#include <cstdint>
#include <istream>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace bg {

class TypoVocabulary {
 public:
  static constexpr size_t kMinLength = 5;          // a typed word with a slip
  static constexpr size_t kMinShortcutLength = 3;  // a typed texting shortcut

  // Adds the plain words of a lexicon entry: a phrase, or the literal words inside a regex.
  void add_words_from(std::string_view entry);
  // Builds the slips and texting shortcuts of every word added, leaving out those that are
  // English words in `english` (one word per line, any case). Null (no word list): nothing will
  // be corrected.
  void finish(std::istream* english);

  size_t words() const { return words_.size(); }
  // How many typed forms can be corrected (slips and texting shortcuts).
  size_t corrections() const { return slips_.size() + shortened_.size(); }
  // Whether `word` (lowercase ASCII) is a word of the policy's lexicons (2 letters or more).
  // After finish().
  bool knows(std::string_view word) const;

  // The word `word` (lowercase ASCII letters) was meant to be, or empty.
  std::string_view correction(std::string_view word) const;

  // A typed form and the index of the word in words_ it stands for. Sorted vectors rather than
  // hash maps: a policy has tens of thousands of forms, and one allocation per form made the
  // policy load slow.
  struct Form {
    std::string typed;
    uint32_t word;
    bool operator<(const Form& o) const {
      return std::tie(typed, word) < std::tie(o.typed, o.word);
    }
  };
  static constexpr uint32_t kRemoved = std::numeric_limits<uint32_t>::max();

 private:
  std::vector<std::string> words_;  // sorted and unique after finish()
  std::vector<Form> slips_;         // one slip of a word
  std::vector<Form> shortened_;     // a word without its vowels or its final g
};

// Where the system word list is: /usr/share/dict/words.
const char* system_word_list_path();

}  // namespace bg
