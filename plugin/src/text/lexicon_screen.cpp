#include "text/lexicon_screen.h"

#include <re2/re2.h>
#include <re2/set.h>

#include "text/lexicon.h"

namespace bg {

struct LexiconScreen::Set {
  explicit Set(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

namespace {

// Lexicons compile with these options (lexicon.cpp); the set must read the text the same way.
// The budget is larger than one lexicon's because the set holds them all.
RE2::Options screen_options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

}  // namespace

LexiconScreen::LexiconScreen(const std::vector<std::unique_ptr<Lexicon>>& lexicons)
    : lexicon_count_(lexicons.size()) {
  auto set = std::make_unique<Set>(screen_options());
  for (size_t i = 0; i < lexicons.size(); ++i) {
    const re2::RE2* pattern = lexicons[i]->pattern();
    if (pattern == nullptr) continue;  // an empty lexicon matches nothing
    if (set->set.Add(pattern->pattern(), nullptr) < 0) return;
    lexicon_of_entry_.push_back(static_cast<int>(i));
  }
  if (lexicon_of_entry_.empty() || !set->set.Compile()) return;
  set_ = std::move(set);
}

LexiconScreen::~LexiconScreen() = default;

std::vector<bool> LexiconScreen::candidates(std::string_view normalized) const {
  if (!set_) return std::vector<bool>(lexicon_count_, true);
  std::vector<bool> out(lexicon_count_, false);
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  if (!set_->set.Match(re2::StringPiece(normalized.data(), normalized.size()), &hits, &error) &&
      error.kind != RE2::Set::kNoError) {
    return std::vector<bool>(lexicon_count_, true);
  }
  for (const int entry : hits)
    out[static_cast<size_t>(lexicon_of_entry_[static_cast<size_t>(entry)])] = true;
  return out;
}

}  // namespace bg
