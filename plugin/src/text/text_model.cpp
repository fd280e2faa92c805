#include "text/text_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "text/text_features.h"
#include "util/decimal_text.h"

namespace bg {
namespace {

constexpr std::string_view kMagic = "boundary-guard-text-model 1";
constexpr double kMaxWeight = 1000;

// Weights are log-odds: beyond +-1,000 a value is a mistake, and bounding them keeps every
// score finite (at most kMaxModelTokens x 2 features of 1,000 each).
bool parse_weight(std::string_view text, double& out) {
  return parse_decimal(text, out) && std::fabs(out) <= kMaxWeight;
}

// Words too common to show a reader why a message scored as it did ("than i", "that i").
constexpr std::string_view kFunctionWords[] = {
    "a",    "about", "am",   "an",     "and", "are",  "as",   "at",    "be",    "been",
    "but",  "by",    "can",  "could",  "did", "do",   "for",  "from",  "had",   "has",
    "have", "he",    "her",  "him",    "his", "how",  "i",    "i'm",   "if",    "in",
    "is",   "it",    "it's", "just",   "me",  "my",   "no",   "not",   "of",    "on",
    "or",   "our",   "she",  "should", "so",  "than", "that", "the",   "their", "them",
    "then", "there", "they", "this",   "to",  "too",  "up",   "us",    "was",   "we",
    "were", "what",  "when", "which",  "who", "will", "with", "would", "you",   "your"};

bool is_function_word(std::string_view word) {
  for (const auto w : kFunctionWords) {
    if (w == word) return true;
  }
  return false;
}

// Evidence is shown to people: a feature qualifies when it has no punctuation and at least one
// word that carries meaning on its own.
bool readable_evidence(std::string_view feature) {
  bool meaningful = false;
  size_t start = 0;
  while (start <= feature.size()) {
    size_t end = feature.find(' ', start);
    if (end == std::string_view::npos) end = feature.size();
    const std::string_view word = feature.substr(start, end - start);
    const auto first = word.empty() ? '\0' : word.front();
    const bool is_word = word == "<n>" || first == '\'' || first == '_' ||
                         (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9') ||
                         static_cast<unsigned char>(first) >= 0x80;
    if (!is_word) return false;
    if (!is_function_word(word) && word != "<n>") meaningful = true;
    start = end + 1;
  }
  return meaningful;
}

std::string_view trim_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::unique_ptr<TextModel> TextModel::parse(std::string_view text, std::string& error) {
  std::unique_ptr<TextModel> model{new TextModel};
  size_t line_no = 0;
  bool magic = false, bias = false;
  size_t pos = 0;
  const auto fail = [&](const std::string& why) {
    error = "line " + std::to_string(line_no) + ": " + why;
    return nullptr;
  };
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = trim_cr(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (!magic) {
      if (line != kMagic)
        return fail("not a text model (expected \"" + std::string{kMagic} + "\")");
      magic = true;
      continue;
    }
    // A comment has no tab: "#<TAB>weight" is the feature "#" (a hash sign in messages).
    const size_t tab = line.find('\t');
    if (line.empty() || (line.front() == '#' && tab == std::string_view::npos)) continue;
    if (tab == std::string_view::npos) {
      const size_t space = line.find(' ');
      const std::string_view key = line.substr(0, space);
      const std::string_view value =
          space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
      if (key == "category") {
        model->category_ = std::string{value};
      } else if (key == "bias") {
        if (!parse_weight(value, model->bias_))
          return fail("the bias is not a number from -1000 to 1000");
        bias = true;
      } else {
        return fail("expected \"feature<TAB>weight\", \"bias N\" or \"category NAME\"");
      }
      continue;
    }
    const std::string_view feature = line.substr(0, tab);
    double weight = 0;
    if (feature.empty()) return fail("a feature is empty");
    if (!parse_weight(line.substr(tab + 1), weight))
      return fail("the weight is not a number from -1000 to 1000");
    if (!model->weights_.emplace(std::string{feature}, weight).second)
      return fail("feature \"" + std::string{feature} + "\" is listed twice");
  }
  if (!magic) return fail("the model is empty");
  if (!bias) return fail("the model has no \"bias\" line");
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(text.data(), text.size());
  model->digest_ = Poco::DigestEngine::digestToHex(sha.digest());
  return model;
}

std::unique_ptr<TextModel> TextModel::load(const std::string& path, std::string& error) {
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    error = "cannot read " + path;
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + path;
    return nullptr;
  }
  return parse(text.str(), error);
}

double TextModel::weight(std::string_view feature) const {
  const auto it = weights_.find(std::string{feature});
  return it == weights_.end() ? 0.0 : it->second;
}

template <typename Visit>
TextModel::Passage TextModel::score_features(std::string_view normalized, Visit&& visit) const {
  const auto tokens = model_tokens(normalized);
  const auto sentences = model_sentences(tokens);
  std::vector<double> sentence_scores(sentences.size(), bias_);
  double whole = bias_;
  size_t sentence = 0;
  std::string pair, key;
  for_each_feature(tokens, pair, [&](std::string_view feature, size_t start, size_t end) {
    // A pair that spans a sentence end counts in the sentence it starts in.
    while (sentence + 1 < sentences.size() && start >= sentences[sentence + 1].start) ++sentence;
    key.assign(feature);
    const auto it = weights_.find(key);
    if (it == weights_.end()) return;
    whole += it->second;
    sentence_scores[sentence] += it->second;  // a feature always has a sentence
    visit(feature, it->second, start, end);
  });
  Passage best{whole, 0, normalized.size()};
  if (sentences.size() < 2) return best;  // one sentence is the whole text
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (sentences[i].words >= kMinSentenceWords && sentence_scores[i] > best.score)
      best = {sentence_scores[i], sentences[i].start, sentences[i].end};
  }
  return best;
}

double TextModel::score(std::string_view normalized) const {
  return score_features(normalized, [](std::string_view, double, size_t, size_t) {}).score;
}

ModelReading TextModel::read(const NormalizedText& text, std::string_view original) const {
  struct Candidate {
    double weight;
    bool readable;
    size_t start, end;  // in `original`
    size_t normalized_start;
  };
  ModelReading reading;
  std::vector<Candidate> positive;
  const Passage passage = score_features(
      text.text(), [&](std::string_view feature, double weight, size_t start, size_t end) {
        if (weight <= 0) return;
        const auto [from, to] = text.original_span(start, end);
        if (from < to && to <= original.size())
          positive.push_back({weight, readable_evidence(feature), from, to, start});
      });
  reading.score = passage.score;
  // Evidence comes from the passage that scored: the sentence, when one outweighed the whole.
  positive.erase(std::remove_if(positive.begin(), positive.end(),
                                [&](const Candidate& c) {
                                  return c.normalized_start < passage.start ||
                                         c.normalized_start >= passage.end;
                                }),
                 positive.end());
  // The heaviest readable spans of at least the minimum weight; failing those, the heaviest
  // readable ones, then the heaviest of any kind, so that a finding always shows something.
  const auto rank = [](const Candidate& c) {
    return c.readable && c.weight >= kMinEvidenceWeight ? 2 : c.readable ? 1 : 0;
  };
  std::stable_sort(positive.begin(), positive.end(), [&](const Candidate& a, const Candidate& b) {
    return rank(a) != rank(b) ? rank(a) > rank(b) : a.weight > b.weight;
  });
  std::vector<Candidate> chosen;
  for (const auto& c : positive) {
    if (chosen.size() == kMaxModelEvidence || (!chosen.empty() && rank(c) < rank(chosen[0]))) break;
    // Compared in the original text: folding can map two features onto overlapping bytes.
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate& o) {
      return c.start < o.end && o.start < c.end;
    });
    if (!overlaps) chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Candidate& a, const Candidate& b) { return a.start < b.start; });
  for (const auto& c : chosen)
    reading.evidence.push_back(
        {c.start, c.end, std::string{original.substr(c.start, c.end - c.start)}});
  return reading;
}

}  // namespace bg
