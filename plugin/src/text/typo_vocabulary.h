// The words a policy's lexicons are written with, for reading a mistyped word as the word the
// writer meant: "landord" -> "landlord", "weekned" -> "weekend", "dinnner" -> "dinner". Only
// the slips people make most when typing fast are undone, one per word: two neighbouring inner
// letters swapped, one inner letter left out, one inner letter doubled (first and last letters
// right). A slip is undone only when the word typed has 5 letters or more, is neither a lexicon
// word nor an English word, and is one slip from exactly one lexicon word: "though" is never
// read as "through", nor "takes" as "takers".
//
// English words come from the system word list (/usr/share/dict/words, Debian package
// wamerican). Without it nothing is corrected: a slip map that cannot tell a real word from a
// mistyped one would invent flags.
//
// Built once with the policy; const use is thread-safe.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace bg {

class TypoVocabulary {
 public:
  static constexpr size_t kMinLength = 5;

  // Adds the plain words of a lexicon entry: a phrase, or the literal words inside a regex.
  void add_words_from(std::string_view entry);
  // Builds the slips of every word added, leaving out those that are English words in
  // `english` (one word per line). Null (no word list): nothing will be corrected.
  void finish(std::istream* english);

  size_t words() const { return words_.size(); }
  size_t slips() const { return slips_.size(); }

  // The word `word` (lowercase ASCII letters) was meant to be, or empty.
  std::string_view correction(std::string_view word) const;

 private:
  std::unordered_set<std::string> words_;
  // One slip of a word -> the word; empty when it is a slip of two different words.
  std::unordered_map<std::string, std::string> slips_;
};

// Where the system word list is: /usr/share/dict/words.
const char* system_word_list_path();

}  // namespace bg
