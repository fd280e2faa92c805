#include "text/typo_vocabulary.h"

#include <iterator>

namespace bg {
namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

constexpr const char* kWordListPath = "/usr/share/dict/words";

// Every one-slip variant of `word`: an inner letter left out, two inner neighbours swapped
// (the last letter stays), an inner letter doubled.
template <typename Visit>
void for_each_slip(const std::string& word, Visit visit) {
  const size_t n = word.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    if (word[i] == word[i - 1]) continue;  // the same variant as leaving out its twin
    visit(word.substr(0, i) + word.substr(i + 1));
  }
  for (size_t i = 1; i + 2 < n; ++i) {
    if (word[i] == word[i + 1]) continue;
    std::string swapped = word;
    std::swap(swapped[i], swapped[i + 1]);
    visit(std::move(swapped));
  }
  for (size_t i = 1; i + 1 < n; ++i) {
    if (word[i] == word[i - 1]) continue;  // "dinner": doubling either n gives "dinnner"
    visit(word.substr(0, i + 1) + word.substr(i));
  }
}

}  // namespace

void TypoVocabulary::add_words_from(std::string_view entry) {
  const bool regex = entry.rfind("re:", 0) == 0;
  if (regex) entry.remove_prefix(3);
  std::string word;
  for (size_t i = 0; i <= entry.size(); ++i) {
    char c = i < entry.size() ? entry[i] : ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // In a regex, "\b", "\s", "\w" are escapes, not letters of a word; a word ends at a
    // boundary or a space, and is only part of one before "\w" or "\d".
    if (regex && c == '\\') {
      const char escaped = i + 1 < entry.size() ? entry[i + 1] : ' ';
      if (word.size() >= kMinLength && (escaped == 'b' || escaped == 's')) words_.insert(word);
      word.clear();
      ++i;
      continue;
    }
    if (is_letter(c)) {
      word += c;
      continue;
    }
    // A letter run ended by a quantifier, class or group in a regex is only part of a word;
    // one ended by an apostrophe is a contraction.
    const bool partial = (regex && (c == '?' || c == '*' || c == '+' || c == '[' || c == '{' ||
                                    c == '(' || c == '.')) ||
                         c == '\'';
    if (word.size() >= kMinLength && !partial) words_.insert(word);
    word.clear();
  }
}

void TypoVocabulary::finish(std::istream* english) {
  slips_.clear();
  if (english == nullptr) return;
  for (const auto& word : words_) {
    for_each_slip(word, [&](std::string slip) {
      if (slip.size() < kMinLength || words_.count(slip) != 0) return;
      const auto [it, inserted] = slips_.emplace(std::move(slip), word);
      if (!inserted && it->second != word) it->second.clear();
    });
  }
  // A slip that is a word in its own right is not a slip. The list is streamed, not kept.
  std::string line;
  while (std::getline(*english, line)) {
    if (line.size() >= kMinLength) slips_.erase(line);
  }
  for (auto it = slips_.begin(); it != slips_.end();) {
    it = it->second.empty() ? slips_.erase(it) : std::next(it);
  }
}

std::string_view TypoVocabulary::correction(std::string_view word) const {
  if (word.size() < kMinLength || slips_.empty()) return {};
  thread_local std::string key;
  key.assign(word);
  const auto it = slips_.find(key);
  return it == slips_.end() ? std::string_view{} : std::string_view{it->second};
}

const char* system_word_list_path() { return kWordListPath; }

}  // namespace bg
