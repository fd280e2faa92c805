#include "text/typo_vocabulary.h"

#include <algorithm>

namespace bg {
namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Only a word without vowels after its first letter, or ending in "in", can be a texting
// shortcut ("wknd", "thinkin").
bool could_be_shortcut(std::string_view word) {
  const bool vowels = word.find_first_of("aeiou", 1) != std::string_view::npos;
  return !vowels || (word.size() >= 2 && word.substr(word.size() - 2) == "in");
}

// Lexicon words shorter than this are not kept: single letters are not words to match.
constexpr size_t kMinWordLength = 2;

// Acronyms of practice messages that look like a word without its vowels: "dbt" is a therapy,
// not "debt"; "cvs" a pharmacy.
constexpr std::string_view kAcronyms[] = {"bpd",  "cbt",  "cpt", "cvs",  "dbt",  "dmv", "emdr",
                                          "lcsw", "lmft", "lpc", "mdd",  "msw",  "nyc", "pcp",
                                          "pdf",  "phq",  "pts", "ptsd", "rsvp", "ssn", "tbd"};

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

// The forms of `word` written without its vowels after the first letter ("weekend" -> "wknd"),
// with its double letters kept and written once ("message" -> "mssg", "msg").
template <typename Visit>
void for_each_skeleton(const std::string& word, Visit visit) {
  std::string kept{word.substr(0, 1)}, single{word.substr(0, 1)};
  for (size_t i = 1; i < word.size(); ++i) {
    if (is_vowel(word[i])) continue;
    kept += word[i];
    if (single.back() != word[i]) single += word[i];
  }
  if (kept.size() == word.size()) return;  // no vowel to leave out
  visit(kept);
  if (single != kept) visit(std::move(single));
}

// Sorts `forms`, keeps one entry per form and drops the forms that stand for two different
// words.
void settle(std::vector<TypoVocabulary::Form>& forms) {
  std::sort(forms.begin(), forms.end());
  size_t kept = 0;
  for (size_t i = 0; i < forms.size();) {
    size_t j = i + 1;
    bool ambiguous = false;
    while (j < forms.size() && forms[j].typed == forms[i].typed) {
      ambiguous |= forms[j].word != forms[i].word;
      ++j;
    }
    if (!ambiguous) {
      if (kept != i) forms[kept] = std::move(forms[i]);  // not onto itself: that empties it
      ++kept;
    }
    i = j;
  }
  forms.resize(kept);
}

// Removes the entries of sorted `forms` typed as `word`.
void remove_typed(std::vector<TypoVocabulary::Form>& forms, const std::string& word) {
  auto it = std::lower_bound(
      forms.begin(), forms.end(), word,
      [](const TypoVocabulary::Form& f, const std::string& w) { return f.typed < w; });
  if (it != forms.end() && it->typed == word) it->word = TypoVocabulary::kRemoved;
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
      if (word.size() >= kMinWordLength && (escaped == 'b' || escaped == 's'))
        words_.push_back(word);
      word.clear();
      ++i;
      continue;
    }
    if (is_letter(c)) {
      word += c;
      continue;
    }
    if (regex && c == '[') {  // a class's letters are not a word: skip to its end
      while (i + 1 < entry.size() && entry[i + 1] != ']')
        i += entry[i + 1] == '\\' ? size_t{2} : size_t{1};
      ++i;
      word.clear();
      continue;
    }
    // A letter run ended by a quantifier, class or group in a regex is only part of a word;
    // one ended by an apostrophe is a contraction.
    const bool partial = (regex && (c == '?' || c == '*' || c == '+' || c == '[' || c == '{' ||
                                    c == '(' || c == '.')) ||
                         c == '\'';
    if (word.size() >= kMinWordLength && !partial) words_.push_back(word);
    word.clear();
  }
}

void TypoVocabulary::finish(std::istream* english) {
  std::sort(words_.begin(), words_.end());
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  slips_.clear();
  shortened_.clear();
  if (english == nullptr) return;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    const std::string& word = words_[w];
    if (word.size() >= kMinLength) {
      for_each_slip(word, [&](std::string slip) {
        if (slip.size() >= kMinLength && !knows(slip)) slips_.push_back({std::move(slip), w});
      });
    }
    auto add_shortened = [&](std::string form) {
      if (form.size() >= kMinShortcutLength && !knows(form)) {
        shortened_.push_back({std::move(form), w});
      }
    };
    for_each_skeleton(word, add_shortened);
    // "goin", "thinkin": the g of -ing dropped.
    if (word.size() >= 5 && word.compare(word.size() - 3, 3, "ing") == 0) {
      add_shortened(word.substr(0, word.size() - 1));
    }
  }
  settle(slips_);
  settle(shortened_);
  // A form that is a word in its own right is not a shortcut. The list is streamed, not kept;
  // "Mrs" and "Ltd" count as words too.
  std::string line;
  while (std::getline(*english, line)) {
    if (line.size() < kMinShortcutLength) continue;
    for (char& c : line) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    remove_typed(slips_, line);
    if (could_be_shortcut(line)) remove_typed(shortened_, line);
  }
  for (const auto acronym : kAcronyms) remove_typed(shortened_, std::string{acronym});
  for (auto* forms : {&slips_, &shortened_}) {
    forms->erase(std::remove_if(forms->begin(), forms->end(),
                                [](const Form& f) { return f.word == kRemoved; }),
                 forms->end());
    forms->shrink_to_fit();
  }
}

bool TypoVocabulary::knows(std::string_view word) const {
  return std::binary_search(words_.begin(), words_.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

std::string_view TypoVocabulary::correction(std::string_view word) const {
  if (word.size() < kMinShortcutLength) return {};
  auto find = [&](const std::vector<Form>& forms) -> std::string_view {
    const auto it = std::lower_bound(
        forms.begin(), forms.end(), word,
        [](const Form& f, std::string_view w) { return std::string_view{f.typed} < w; });
    return it != forms.end() && it->typed == word ? std::string_view{words_[it->word]}
                                                  : std::string_view{};
  };
  if (word.size() >= kMinLength) {
    if (const auto meant = find(slips_); !meant.empty()) return meant;
  }
  return could_be_shortcut(word) ? find(shortened_) : std::string_view{};
}

const char* system_word_list_path() { return kWordListPath; }

}  // namespace bg
