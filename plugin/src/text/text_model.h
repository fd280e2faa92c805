// A text model: the log-odds that a text belongs to a category, as a bias plus one weight per
// feature (see text_features.h), each occurrence of a feature adding its weight. Naive Bayes,
// logistic regression and their ensemble are all trained into this form by bg_train_model (see
// model_trainer.h); a model file is plain text:
//
//   boundary-guard-text-model 1
//   category personal_content       (what it was trained for; informational)
//   bias -1.2345
//   feature<TAB>weight              (one per line; features unknown to the model weigh 0)
//
// Lines starting '#' are comments. A loaded model is immutable and safe to read from any
// number of threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/evidence.h"
#include "text/normalized_text.h"

namespace bg {

// A sentence shorter than this is read only as part of the whole text.
constexpr size_t kMinSentenceWords = 3;

struct ModelReading {
  double score = 0;  // log-odds: above 0, the category is the likelier reading
  // The spans that weigh most for the category, in text order and not overlapping: words and
  // word pairs without punctuation that have at least one word beyond "the", "to", "i" and the
  // like, weighing kMinEvidenceWeight or more; when none does, the heaviest that weigh for the
  // category at all, so that a reading above 0 always shows one.
  std::vector<Evidence> evidence;
};

class TextModel {
 public:
  // Fails (nullptr, `error` set with the line number) on a malformed model.
  static std::unique_ptr<TextModel> parse(std::string_view text, std::string& error);
  // Reads and parses the file at `path`; fails when it cannot be read or parsed.
  static std::unique_ptr<TextModel> load(const std::string& path, std::string& error);

  const std::string& category() const { return category_; }
  double bias() const { return bias_; }
  size_t size() const { return weights_.size(); }
  // SHA-256 of the file's bytes, so that a policy's hash changes with its models.
  const std::string& digest() const { return digest_; }
  // The feature's weight; 0 when the model does not know it.
  double weight(std::string_view feature) const;
  // The log-odds for a normalized text (NormalizedText::text()), without evidence: the higher of
  // the whole text's and, when it has several sentences, each sentence's of kMinSentenceWords
  // words or more, scored as if it were a message of its own.
  double score(std::string_view normalized) const;

  // Scores `text` as score() does. The evidence comes from the passage that scored, as byte
  // ranges of `original`, the text `text` was made from.
  ModelReading read(const NormalizedText& text, std::string_view original) const;

 private:
  TextModel() = default;
  // The passage that scored highest (the whole text or one sentence): its log-odds and its
  // byte range in the normalized text.
  struct Passage {
    double score;
    size_t start, end;
  };
  // Scores `normalized`, calling visit(feature, weight, start, end) for each known feature.
  template <typename Visit>
  Passage score_features(std::string_view normalized, Visit&& visit) const;

  std::string category_;
  double bias_ = 0;
  std::unordered_map<std::string, double> weights_;
  std::string digest_;
};

// A finding shows at most this many spans from a model, each weighing at least the minimum.
constexpr size_t kMaxModelEvidence = 3;
constexpr double kMinEvidenceWeight = 1.0;

}  // namespace bg
