#include "text/lexicon_screen.h"

#include <re2/re2.h>
#include <re2/set.h>

#include "text/lexicon.h"

namespace bg {

struct LexiconScreen::Set {
  explicit Set(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<int> lexicon_of_entry;  // set entry -> lexicon index
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
  // Compiling one set of every pattern takes memory in proportion to all of them at once
  // (28 MB for the default pack); sets of about kChunkBytes of pattern each keep that peak
  // small for one extra pass over the text per set.
  constexpr size_t kChunkBytes = 48 * 1024;
  std::unique_ptr<Set> set;
  size_t bytes = 0;
  auto finish = [&] {
    if (!set) return;
    if (set->set.Compile()) {
      sets_.push_back(std::move(set));
    } else {
      always_.insert(always_.end(), set->lexicon_of_entry.begin(), set->lexicon_of_entry.end());
    }
    set.reset();
    bytes = 0;
  };
  for (size_t i = 0; i < lexicons.size(); ++i) {
    const re2::RE2* pattern = lexicons[i]->pattern();
    if (pattern == nullptr) continue;  // an empty lexicon matches nothing
    if (set && bytes + pattern->pattern().size() > kChunkBytes) finish();
    if (!set) set = std::make_unique<Set>(screen_options());
    if (set->set.Add(pattern->pattern(), nullptr) < 0) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    set->lexicon_of_entry.push_back(static_cast<int>(i));
    bytes += pattern->pattern().size();
  }
  if (set && set->lexicon_of_entry.empty()) set.reset();
  finish();
}

LexiconScreen::~LexiconScreen() = default;

std::vector<bool> LexiconScreen::candidates(std::string_view normalized) const {
  if (sets_.empty()) return std::vector<bool>(lexicon_count_, true);
  std::vector<bool> out(lexicon_count_, false);
  for (const int lexicon : always_) out[static_cast<size_t>(lexicon)] = true;
  std::vector<int> hits;
  const re2::StringPiece text(normalized.data(), normalized.size());
  for (const auto& set : sets_) {
    hits.clear();
    RE2::Set::ErrorInfo error{};
    const bool matched = set->set.Match(text, &hits, &error);
    if (!matched && error.kind != RE2::Set::kNoError) {
      // Out of DFA memory on this text: every lexicon of this set may match.
      for (const int lexicon : set->lexicon_of_entry) out[static_cast<size_t>(lexicon)] = true;
      continue;
    }
    for (const int entry : hits)
      out[static_cast<size_t>(set->lexicon_of_entry[static_cast<size_t>(entry)])] = true;
  }
  return out;
}

}  // namespace bg
