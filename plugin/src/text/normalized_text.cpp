#include "text/normalized_text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "text/reported_asks.h"
#include "text/reported_speech.h"
#include "text/text_speak.h"
#include "text/typo_vocabulary.h"

namespace bg {
namespace {

struct EmojiWord {
  UChar32 code;
  const char* word;
};

// Emoji that carry meaning for boundary questions, as words the lexicons can name.
constexpr EmojiWord kEmoji[] = {
    {0x2764, "emoji_heart"},       {0x1F495, "emoji_heart"},      {0x1F496, "emoji_heart"},
    {0x1F497, "emoji_heart"},      {0x1F498, "emoji_heart"},      {0x1F499, "emoji_heart"},
    {0x1F49A, "emoji_heart"},      {0x1F49B, "emoji_heart"},      {0x1F49C, "emoji_heart"},
    {0x1F90D, "emoji_heart"},      {0x1F5A4, "emoji_heart"},      {0x1F493, "emoji_heart"},
    {0x1F49E, "emoji_heart"},      {0x1F49D, "emoji_heart"},      {0x2763, "emoji_heart"},
    {0x1F618, "emoji_kiss"},       {0x1F617, "emoji_kiss"},       {0x1F619, "emoji_kiss"},
    {0x1F61A, "emoji_kiss"},       {0x1F48B, "emoji_kiss"},       {0x1F60D, "emoji_heart_eyes"},
    {0x1F970, "emoji_heart_eyes"}, {0x1F63B, "emoji_heart_eyes"}, {0x1F609, "emoji_wink"},
    {0x1F60F, "emoji_smirk"},      {0x1F381, "emoji_gift"},       {0x1F490, "emoji_flowers"},
    {0x1F339, "emoji_rose"},       {0x1F377, "emoji_wine"},       {0x1F37A, "emoji_beer"},
    {0x1F37B, "emoji_beer"},       {0x1F378, "emoji_cocktail"},   {0x1F942, "emoji_cheers"},
    {0x1F525, "emoji_fire"},       {0x1F4B5, "emoji_money"},      {0x1F4B0, "emoji_money"},
    {0x1F4B8, "emoji_money"},      {0x1F4F8, "emoji_camera"},     {0x1F4F1, "emoji_phone"},
    {0x1F440, "emoji_eyes"},       {0x1F648, "emoji_monkey"},     {0x1F633, "emoji_flushed"},
    {0x1F61B, "emoji_tongue"},     {0x1F61C, "emoji_tongue"},     {0x1F61D, "emoji_tongue"},
    {0x1F351, "emoji_peach"},      {0x1F346, "emoji_eggplant"},   {0x1F975, "emoji_hot"},
};

const char* emoji_word(UChar32 c) {
  for (const auto& e : kEmoji) {
    if (e.code == c) return e.word;
  }
  return nullptr;
}

bool invisible(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164 ||
         c == 0xFFA0;
}

// ICU services shared by every thread; each is safe for concurrent const use.
struct Unicode {
  const icu::Normalizer2* casefold = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  USpoofChecker* spoof = nullptr;
  Unicode() {
    UErrorCode status = U_ZERO_ERROR;
    casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    status = U_ZERO_ERROR;
    nfd = icu::Normalizer2::getNFDInstance(status);
    status = U_ZERO_ERROR;
    spoof = uspoof_open(&status);
    if (U_FAILURE(status)) spoof = nullptr;
  }
  // Runs when the plugin is unloaded: ICU stays loaded in the host, so this is ours to free.
  ~Unicode() {
    if (spoof != nullptr) uspoof_close(spoof);
  }
  Unicode(const Unicode&) = delete;
  Unicode& operator=(const Unicode&) = delete;
};

const Unicode& unicode() {
  static const Unicode instance;
  return instance;
}

// The folded form of one non-ASCII code point, as UTF-8.
std::string fold_code_point(UChar32 c) {
  const Unicode& u = unicode();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded =
      u.casefold ? u.casefold->normalize(icu::UnicodeString(c), status) : icu::UnicodeString(c);
  if (U_FAILURE(status)) folded = icu::UnicodeString(c);
  // Look-alikes from other scripts: their confusable skeleton, when it is plain ASCII.
  if (u.spoof != nullptr && folded.length() > 0 && folded.char32At(0) > 0x7F) {
    UChar skeleton[16];
    status = U_ZERO_ERROR;
    const int32_t n =
        uspoof_getSkeleton(u.spoof, 0, folded.getBuffer(), folded.length(), skeleton, 16, &status);
    if (U_SUCCESS(status) && n > 0) {
      bool ascii = true;
      for (int32_t i = 0; i < n; ++i) ascii &= skeleton[i] < 0x80;
      if (ascii) {
        icu::UnicodeString s{skeleton, n};
        status = U_ZERO_ERROR;
        folded = u.casefold ? u.casefold->normalize(s, status) : s;
      }
    }
  }
  // Accents: decompose and drop the marks.
  status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = u.nfd ? u.nfd->normalize(folded, status) : folded;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 ch = decomposed.char32At(i);
    if (!invisible(ch)) bare.append(ch);
    i += U16_LENGTH(ch);
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

bool is_ascii_word(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

NormalizedText::NormalizedText(std::string_view original, const TypoVocabulary* vocabulary,
                               QuoteWriter writer) {
  fold(original);
  shorten_elongations(vocabulary);  // "plzzz" and "uuu" are text-speak too
  expand_text_speak();  // before leetspeak: "b4" and "some1" are text-speak, not digits for letters
  undo_leetspeak();
  rejoin_spelled_out();
  if (vocabulary != nullptr && vocabulary->corrections() != 0) correct_typos(*vocabulary);
  blank_reported_speech(original, writer);
  find_word_boundaries();
}

void NormalizedText::fold(std::string_view original) {
  text_.reserve(original.size());
  from_.reserve(original.size());
  to_.reserve(original.size());
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());
  int32_t i = 0;
  auto emit = [this](std::string_view bytes, int32_t start, int32_t end) {
    for (const char b : bytes) {
      text_ += b;
      from_.push_back(static_cast<uint32_t>(start));
      to_.push_back(static_cast<uint32_t>(end));
    }
  };
  while (i < length) {
    const int32_t start = i;
    if (s[i] < 0x80) {
      const char c = static_cast<char>(s[i]);
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
      emit(std::string_view{&lower, 1}, start, i);
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;  // invalid bytes cannot occur after validation; skip defensively
    if (const char* word = emoji_word(c)) {
      emit(" ", start, i);
      emit(word, start, i);
      emit(" ", start, i);
      continue;
    }
    if (invisible(c)) continue;
    if (u_isUWhiteSpace(c)) {
      emit(" ", start, i);
      continue;
    }
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {  // typographic apostrophes
      emit("'", start, i);
      continue;
    }
    emit(fold_code_point(c), start, i);
  }
}

namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Characters that join a word to a handle, address, path, contraction or compound.
bool is_joiner(char c) {
  return c == '_' || c == '\'' || c == '@' || c == '#' || c == '&' || c == '/' || c == '-';
}

}  // namespace

std::vector<NormalizedText::Word> NormalizedText::standalone_words() const {
  std::vector<Word> words;
  const size_t n = text_.size();
  for (size_t i = 0; i < n;) {
    if (!is_alnum(text_[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && is_alnum(text_[j])) ++j;
    Word w{i, j, false};
    // "u-haul", "u.s.", "@ur", "ur'", "www.site": part of something else.
    if (i > 0) {
      const char c = text_[i - 1];
      w.joined = is_joiner(c) || (c == '.' && i >= 2 && is_alnum(text_[i - 2]));
    }
    if (j < n && !w.joined) {
      const char c = text_[j];
      w.joined = is_joiner(c) || (c == '.' && j + 1 < n && is_alnum(text_[j + 1]));
    }
    words.push_back(w);
    i = j;
  }
  return words;
}

void NormalizedText::replace(const std::vector<Replacement>& replacements) {
  if (replacements.empty()) return;
  std::string text;
  std::vector<uint32_t> from, to;
  text.reserve(text_.size() + 32);
  from.reserve(text_.size() + 32);
  to.reserve(text_.size() + 32);
  size_t copied = 0;  // text_ bytes before this are in the new arrays
  auto copy_until = [&](size_t end) {
    text.append(text_, copied, end - copied);
    from.insert(from.end(), from_.begin() + static_cast<std::ptrdiff_t>(copied),
                from_.begin() + static_cast<std::ptrdiff_t>(end));
    to.insert(to.end(), to_.begin() + static_cast<std::ptrdiff_t>(copied),
              to_.begin() + static_cast<std::ptrdiff_t>(end));
    copied = end;
  };
  for (const auto& r : replacements) {
    copy_until(r.start);
    text += r.with;
    from.insert(from.end(), r.with.size(), from_[r.start]);
    to.insert(to.end(), r.with.size(), to_[r.end - 1]);
    copied = r.end;
  }
  copy_until(text_.size());
  text_ = std::move(text);
  from_ = std::move(from);
  to_ = std::move(to);
}

void NormalizedText::shorten_elongations(const TypoVocabulary* vocabulary) {
  struct Shortened {
    size_t start, end;
    std::string word;
  };
  auto has_triple = [](std::string_view s) {
    for (size_t i = 2; i < s.size(); ++i) {
      if (s[i] == s[i - 1] && s[i] == s[i - 2] && s[i] >= 'a' && s[i] <= 'z' && s[i] != 'x') {
        return true;
      }
    }
    return false;
  };
  if (!has_triple(text_)) return;  // most messages: nothing held
  std::vector<Shortened> found;
  for (const Word& w : standalone_words()) {
    if (w.joined) continue;
    const std::string_view word{text_.data() + w.start, w.end - w.start};
    if (!has_triple(word)) continue;
    // Each run of one letter; a run of three or more is an elongation, except of "x", where
    // "xxx" are kisses.
    std::string once, twice;
    bool letters = true, english_doubles = true;
    for (size_t i = 0; i < word.size();) {
      size_t j = i;
      while (j < word.size() && word[j] == word[i]) ++j;
      const char c = word[i];
      const size_t run = j - i;
      letters &= c >= 'a' && c <= 'z';
      if (run >= 3 && c != 'x') {
        english_doubles &= std::string_view{"eolsftprnm"}.find(c) != std::string_view::npos;
        once += c;
        twice.append(2, c);
      } else {
        once.append(run, c);
        twice.append(run, c);
      }
      i = j;
    }
    if (!letters) continue;
    // "missss" is "miss" and "sooo" is "so": the form the policy's words know; otherwise a
    // letter English often doubles stays double ("sweeeet", "soooon").
    bool keep_double = english_doubles;
    if (vocabulary != nullptr && vocabulary->knows(twice))
      keep_double = true;
    else if (vocabulary != nullptr && vocabulary->knows(once))
      keep_double = false;
    found.push_back({w.start, w.end, keep_double ? std::move(twice) : std::move(once)});
  }
  std::vector<Replacement> out;
  out.reserve(found.size());
  for (const auto& f : found) out.push_back({f.start, f.end, f.word});
  replace(out);
}

void NormalizedText::expand_text_speak() {
  const std::vector<Word> words = standalone_words();
  auto view = [&](size_t k) {
    return k < words.size()
               ? std::string_view{text_.data() + words[k].start, words[k].end - words[k].start}
               : std::string_view{};
  };
  const size_t n = text_.size();
  std::vector<Replacement> out;
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    const std::string_view word = view(k);
    // "w/" and "w/o" for with and without.
    const bool joined_before =
        w.start > 0 && (is_joiner(text_[w.start - 1]) || text_[w.start - 1] == '.');
    if (word == "w" && !joined_before && w.end < n && text_[w.end] == '/') {
      const size_t after = w.end + 1;
      if (after < n && text_[after] == 'o' && (after + 1 >= n || !is_alnum(text_[after + 1]))) {
        out.push_back({w.start, after + 1, "without"});
      } else if (after >= n || !is_alnum(text_[after])) {
        out.push_back({w.start, after, "with"});
      } else if (text_[after] >= 'a') {
        out.push_back({w.start, after, "with "});
      }
      continue;
    }
    if (w.joined) continue;
    const std::string_view expansion =
        text_speak_expansion(k > 0 ? view(k - 1) : std::string_view{}, word, view(k + 1));
    if (!expansion.empty()) out.push_back({w.start, w.end, expansion});
  }
  replace(out);
}

void NormalizedText::correct_typos(const TypoVocabulary& vocabulary) {
  std::vector<Replacement> out;
  for (const Word& w : standalone_words()) {
    if (w.joined || w.end - w.start < TypoVocabulary::kMinShortcutLength) continue;
    const std::string_view word{text_.data() + w.start, w.end - w.start};
    bool letters = true;
    for (const char c : word) letters &= c >= 'a' && c <= 'z';
    if (!letters) continue;
    const std::string_view meant = vocabulary.correction(word);
    if (!meant.empty()) out.push_back({w.start, w.end, meant});
  }
  replace(out);
}

void NormalizedText::undo_leetspeak() {
  // Inside a word that has a letter, digits and symbols standing for letters are
  // read as those letters. Pure numbers, times ("4pm") and ordinals ("2nd") stay as they are.
  size_t i = 0;
  const size_t n = text_.size();
  while (i < n) {
    if (!(is_ascii_word(text_[i]) || text_[i] == '@' || text_[i] == '$')) {
      ++i;
      continue;
    }
    size_t j = i;
    size_t letters = 0, leet = 0;
    while (j < n && (is_ascii_word(text_[j]) || text_[j] == '@' || text_[j] == '$')) {
      const char c = text_[j];
      if (c >= 'a' && c <= 'z') ++letters;
      if (c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7' || c == '$' ||
          (c == '@' && j > i)) {
        ++leet;
      }
      ++j;
    }
    const std::string_view word{text_.data() + i, j - i};
    const bool starts_with_digit = word[0] >= '0' && word[0] <= '9';
    // A number with a unit or ordinal ("4pm", "2nd", "10k", "30min") is not leetspeak.
    bool digits_then_suffix = false;
    if (starts_with_digit) {
      const size_t cut = word.find_first_not_of("0123456789");
      if (cut != std::string_view::npos) {
        static constexpr std::string_view kSuffixes[] = {
            "st", "nd", "rd",  "th",  "am",   "pm", "s",   "k", "x", "m",
            "h",  "hr", "hrs", "min", "mins", "yo", "ish", "d", "w", "mo"};
        const std::string_view suffix = word.substr(cut);
        for (const auto& known : kSuffixes) digits_then_suffix |= suffix == known;
      }
    }
    if (letters >= 1 && word.size() >= 2 && leet > 0 && leet <= letters * 3 &&
        !digits_then_suffix) {
      for (size_t k = i; k < j; ++k) {
        char& c = text_[k];
        switch (c) {
          case '0':
            c = 'o';
            break;
          case '1':
            c = 'i';
            break;
          case '3':
            c = 'e';
            break;
          case '4':
            c = 'a';
            break;
          case '5':
            c = 's';
            break;
          case '7':
            c = 't';
            break;
          case '$':
            c = 's';
            break;
          case '@':
            if (k > i) c = 'a';
            break;
          default:
            break;
        }
      }
    }
    i = j;
  }
}

void NormalizedText::rejoin_spelled_out() {
  // Three or more single letters separated by one space, dot, dash, underscore or asterisk
  // are one word: "i n s t a" -> "insta", "c.a.r.a" -> "cara".
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_separator = [](char c) {
    return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
  };
  std::vector<bool> drop(text_.size(), false);
  const size_t n = text_.size();
  size_t i = 0;
  while (i < n) {
    const bool starts = is_letter(text_[i]) && (i == 0 || !is_letter(text_[i - 1]));
    if (!starts) {
      ++i;
      continue;
    }
    size_t letters = 1, j = i;
    while (j + 2 < n && is_separator(text_[j + 1]) && is_letter(text_[j + 2]) &&
           (j + 3 >= n || !is_letter(text_[j + 3]))) {
      j += 2;
      ++letters;
    }
    if (letters >= 3 && (j + 1 >= n || !is_letter(text_[j + 1]))) {
      for (size_t k = i + 1; k < j; k += 2) drop[k] = true;
      i = j + 1;
    } else {
      ++i;
    }
  }
  size_t out = 0;
  for (size_t k = 0; k < n; ++k) {
    if (drop[k]) continue;
    text_[out] = text_[k];
    from_[out] = from_[k];
    to_[out] = to_[k];
    ++out;
  }
  text_.resize(out);
  from_.resize(out);
  to_.resize(out);
}

void NormalizedText::blank_reported_speech(std::string_view original, QuoteWriter writer) {
  const auto capitalized = [&](size_t pos) {
    const auto* s = reinterpret_cast<const uint8_t*>(original.data());
    auto i = static_cast<int32_t>(from_[pos]);
    UChar32 c = 0;
    U8_NEXT(s, i, static_cast<int32_t>(original.size()), c);
    return c > 0 && u_isupper(c);
  };
  auto spans = find_reported_quotes(text_, capitalized, writer);
  if (writer == QuoteWriter::therapist) {
    const auto asks = find_reported_asks(text_);
    spans.insert(spans.end(), asks.begin(), asks.end());
    std::sort(spans.begin(), spans.end());
  }
  std::vector<Replacement> blanks;
  size_t blanked_to = 0;
  for (const auto& [start, end] : spans) {
    if (start < blanked_to) continue;  // a request inside a quote, or the reverse
    blanks.push_back({start, end, " "});
    blanked_to = end;
  }
  replace(blanks);
}

void NormalizedText::find_word_boundaries() {
  boundary_.assign(text_.size() + 1, false);
  bool ascii = true;
  for (const char c : text_) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (size_t i = 0; i <= text_.size(); ++i) {
      const bool before = i > 0 && is_ascii_word(text_[i - 1]);
      const bool after = i < text_.size() && is_ascii_word(text_[i]);
      boundary_[i] = before != after;
    }
    return;
  }
  // Other scripts: ICU's word rules. A BreakIterator is not thread-safe: one per thread.
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it{
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)};
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  if (!words) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text_.data(), static_cast<int64_t>(text_.size()), &status);
  if (U_FAILURE(status)) return;
  words->setText(ut, status);
  for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
    if (b >= 0 && static_cast<size_t>(b) <= text_.size()) boundary_[static_cast<size_t>(b)] = true;
  }
  utext_close(ut);
  // Between two ASCII characters the rule is the ASCII one above, so an emoji elsewhere in the
  // message does not change how "cell's" splits (ICU keeps "cell's" one word; "my cell" must
  // still match it).
  for (size_t i = 1; i < text_.size(); ++i) {
    const auto a = static_cast<unsigned char>(text_[i - 1]);
    const auto b = static_cast<unsigned char>(text_[i]);
    if (a < 0x80 && b < 0x80) boundary_[i] = is_ascii_word(text_[i - 1]) != is_ascii_word(text_[i]);
  }
}

std::pair<size_t, size_t> NormalizedText::original_span(size_t start, size_t end) const {
  if (start >= end || end > text_.size()) return {0, 0};
  return {from_[start], to_[end - 1]};
}

bool NormalizedText::is_word_boundary(size_t pos) const {
  return pos < boundary_.size() && boundary_[pos];
}

}  // namespace bg
