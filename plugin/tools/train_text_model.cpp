// bg_train_model: trains a policy's text model from labelled corpora (JSON Lines in the format
// of tests/data/corpus/, or policy test files whose cases expect exact categories) and prints
// its cross-validated precision and recall per threshold.
// The text is normalized as the plugin normalizes it under that policy (its typo vocabulary and
// the system word list); a practice policy with other lexicon words folds a few typos
// differently.
// See docs/detection.md, "Round 6: text models", and scripts/train-models.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "model/vocabulary.h"
#include "policy/policy_loader.h"
#include "text/normalized_text.h"
#include "tools/model_trainer.h"

namespace {

// The label's categories; none when the event has no label.
std::vector<std::string> label_categories(const nlohmann::json& event) {
  std::vector<std::string> out;
  const auto label = event.find("label");
  if (label == event.end() || !label->is_object()) return out;
  const auto categories = label->find("categories");
  if (categories == label->end() || !categories->is_array()) return out;
  for (const auto& c : *categories) {
    if (c.is_string()) out.push_back(c.get<std::string>());
  }
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string sender_role(const nlohmann::json& event) {
  const auto from = event.find("from");
  if (from == event.end() || !from->is_object()) return "";
  const auto role = from->find("role");
  return role != from->end() && role->is_string() ? role->get<std::string>() : "";
}

struct LabelledText {
  std::string text;
  std::string sender;
  std::vector<std::string> categories;  // every category the label gives (or its rules')
  bool counted = true;  // cross-validation counts it (--score-from, --score-corpus, --score-with)
};

// Reads labelled messages from JSON Lines; false (with a message printed) on a malformed line.
bool read_json_lines(const std::string& path, std::vector<LabelledText>& out) {
  std::ifstream in{path};
  if (!in) {
    std::cerr << "bg_train_model: cannot read " << path << "\n";
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const auto event = nlohmann::json::parse(line, nullptr, false);
    if (event.is_discarded() || !event.is_object()) {
      std::cerr << "bg_train_model: " << path << ":" << line_no << ": not a JSON object\n";
      return false;
    }
    const auto type = event.find("type");
    const auto text = event.find("text");
    if (type == event.end() || !type->is_string() || type->get<std::string>() != "message" ||
        text == event.end() || !text->is_string())
      continue;
    out.push_back({text->get<std::string>(), sender_role(event), label_categories(event)});
  }
  return true;
}

// Reads the message cases of a policy test file that expect an exact list of categories, or of
// rules (each rule's category in `policy` counts then).
bool read_policy_tests(const std::string& path, const bg::Policy& policy,
                       std::vector<LabelledText>& out) {
  try {
    const YAML::Node root = YAML::LoadFile(path);
    const YAML::Node cases = root["cases"];
    for (const auto& c : cases) {
      // yaml-cpp throws when asked the type of a missing key: test each one exists first.
      const YAML::Node event = c["event"];
      const YAML::Node expect = c["expect"];
      if (!event || !event.IsMap() || !expect || !expect.IsMap()) continue;
      const YAML::Node categories = expect["categories"];
      const YAML::Node rules = expect["rules"];
      const YAML::Node type = event["type"];
      const YAML::Node text = event["text"];
      const bool by_category = categories && categories.IsSequence();
      const bool by_rule = rules && rules.IsSequence();
      if ((!by_category && !by_rule) || !text || !text.IsScalar() || !type ||
          type.as<std::string>("") != "message")
        continue;
      std::vector<std::string> labelled;
      for (const auto& e : by_category ? categories : rules) {
        const std::string name = e.as<std::string>("");
        if (by_category) {
          labelled.push_back(name);
        } else if (const bg::Rule* rule = policy.rule(name)) {
          labelled.emplace_back(bg::name_of(rule->category));
        }
      }
      const YAML::Node sender = event["from"];
      const YAML::Node role = sender && sender.IsMap() ? sender["role"] : YAML::Node{};
      out.push_back(
          {text.as<std::string>(""), role ? role.as<std::string>("") : "", std::move(labelled)});
    }
    return true;
  } catch (const YAML::Exception& e) {
    std::cerr << "bg_train_model: " << path << ": " << e.what() << "\n";
    return false;
  }
}

// "FROM:TO:STEP" into the thresholds FROM, FROM+STEP, ... up to TO.
bool parse_thresholds(const std::string& text, std::vector<double>& out) {
  double from = 0, to = 0, step = 0;
  char end = 0;
  if (std::sscanf(text.c_str(), "%lf:%lf:%lf%c", &from, &to, &step, &end) != 3 ||
      !std::isfinite(from) || !std::isfinite(to) || !std::isfinite(step) || step <= 0 ||
      from > to || (to - from) / step > 1000)
    return false;
  // Counted in steps, so that 0.1 steps do not drift past TO, and rounded, so that the step
  // through 0 prints as 0.
  const int steps = static_cast<int>(std::floor((to - from) / step + 1e-9));
  for (int i = 0; i <= steps; ++i) {
    const double t = std::round((from + i * step) * 1e6) / 1e6;
    out.push_back(t == 0 ? 0.0 : t);  // not -0
  }
  return true;
}

bool is_yaml(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot != std::string::npos && (path.substr(dot) == ".yaml" || path.substr(dot) == ".yml");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train a Boundary Guard text model from labelled corpora"};
  std::string policy_path, category, from = "any", score_from = "any", out_path;
  std::vector<std::string> corpora;
  std::string score_corpus, thresholds_text = "-2:24:2";
  std::vector<std::string> score_with;
  int folds = 0;
  bg::TrainingOptions options;
  app.add_option("--policy", policy_path, "Policy whose vocabulary normalizes the text")
      ->required();
  std::vector<std::string> category_names;
  for (const auto name : bg::Names<bg::Category>::kAll) category_names.emplace_back(name);
  app.add_option("--category", category, "The category the model scores")
      ->required()
      ->check(CLI::IsMember(category_names));
  app.add_option("--from", from, "Train on messages from: therapist, client or any")
      ->check(CLI::IsMember({"therapist", "client", "any"}));
  app.add_option("--score-from", score_from,
                 "Cross-validation counts only messages from: therapist, client or any")
      ->check(CLI::IsMember({"therapist", "client", "any"}));
  app.add_option("--min-count", options.min_count, "Leave out features seen fewer times");
  app.add_option("--alpha", options.alpha, "Add-alpha smoothing of the feature counts (above 0)")
      ->check(CLI::PositiveNumber);
  app.add_option("--method", options.method,
                 "naive-bayes, logistic or ensemble (see model_trainer.h)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, bg::TrainingMethod>{
              {"naive-bayes", bg::TrainingMethod::naive_bayes},
              {"logistic", bg::TrainingMethod::logistic},
              {"ensemble", bg::TrainingMethod::ensemble}},
          CLI::ignore_case));
  app.add_option("--l2", options.l2, "Logistic: L2 penalty on the weights")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--learning-rate", options.learning_rate, "Logistic: AdaGrad's base step")
      ->check(CLI::PositiveNumber);
  app.add_option("--epochs", options.epochs, "Logistic: passes over the examples")
      ->check(CLI::PositiveNumber);
  app.add_option("--orders", options.orders,
                 "Logistic: train once per random order of the examples and average (default 1)")
      ->check(CLI::Range(1, 100));
  app.add_option("--seed", options.seed, "Logistic: the first order's random seed");
  app.add_option("--bayes-share", options.bayes_share,
                 "Ensemble: naive Bayes' share added to the logistic regression")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--folds", folds, "Also print k-fold cross-validation per threshold");
  app.add_option("--thresholds", thresholds_text,
                 "Cross-validation thresholds as FROM:TO:STEP (default -2:24:2)");
  app.add_option("--score-corpus", score_corpus,
                 "Cross-validation counts only this corpus's messages (all are trained on)");
  app.add_option("--score-with", score_with,
                 "Cross-validation counts only messages labelled with one of these categories "
                 "too (comma-separated)")
      ->allow_extra_args(false)
      ->delimiter(',')
      // "a, b" reads as "a" and "b".
      ->transform([](std::string name) {
        name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
        return name;
      })
      ->check(CLI::IsMember(category_names));
  app.add_option("--out", out_path, "Write the model here");
  app.add_option("corpus", corpora, "Labelled JSON Lines files and policy test files (.yaml)")
      ->required();
  CLI11_PARSE(app, argc, argv);

  // The policy gives the typo vocabulary and the rules' categories; its own models are not
  // read, so that a missing or stale model can always be retrained.
  bg::PolicyLoadOptions load_options;
  load_options.text_models = false;
  const auto loaded = bg::load_policy(policy_path, load_options);
  if (!loaded.policy) {
    std::cerr << "bg_train_model: the policy at " << policy_path << " does not load\n";
    return 2;
  }
  // A category named twice counts once.
  std::vector<std::string> unique_score_with;
  for (const auto& name : score_with) {
    if (!contains(unique_score_with, name)) unique_score_with.push_back(name);
  }
  score_with.swap(unique_score_with);
  std::vector<double> thresholds;
  if (!parse_thresholds(thresholds_text, thresholds)) {
    std::cerr
        << "bg_train_model: --thresholds wants FROM:TO:STEP, finite numbers with FROM <= TO and "
           "STEP > 0\n";
    return 2;
  }
  if (!score_corpus.empty() &&
      std::find(corpora.begin(), corpora.end(), score_corpus) == corpora.end()) {
    std::cerr << "bg_train_model: --score-corpus " << score_corpus << " is not a corpus given\n";
    return 2;
  }
  std::vector<LabelledText> labelled;
  for (const auto& path : corpora) {
    const size_t first = labelled.size();
    const bool ok = is_yaml(path) ? read_policy_tests(path, *loaded.policy, labelled)
                                  : read_json_lines(path, labelled);
    if (!ok) return 2;
    for (size_t i = first; i < labelled.size(); ++i) {
      auto& l = labelled[i];
      l.counted = (score_corpus.empty() || path == score_corpus) &&
                  (score_from == "any" || l.sender == score_from) &&
                  (score_with.empty() ||
                   std::any_of(score_with.begin(), score_with.end(),
                               [&](const auto& c) { return contains(l.categories, c); }));
    }
  }
  std::vector<bg::TrainingExample> examples;
  for (const auto& l : labelled) {
    if (from != "any" && l.sender != from) continue;
    // Quotes are read as the plugin reads them for this sender (reported_speech.h).
    const bg::NormalizedText text{
        l.text, &loaded.policy->typo_vocabulary,
        l.sender == "client" ? bg::QuoteWriter::client : bg::QuoteWriter::therapist};
    examples.push_back({text.text(), contains(l.categories, category), l.counted});
  }
  options.category = category;
  size_t positives = 0, scored = 0;
  for (const auto& e : examples) {
    positives += e.positive ? 1 : 0;
    scored += e.scored ? 1 : 0;
  }
  std::printf("%s: %zu messages, %zu in the category\n", category.c_str(), examples.size(),
              positives);
  const bool filtered = score_from != "any" || !score_corpus.empty() || !score_with.empty();
  if (filtered) {
    std::printf("cross-validation counts the %zu messages", scored);
    if (score_from != "any") std::printf(" from the %s", score_from.c_str());
    if (!score_corpus.empty()) std::printf(" of %s", score_corpus.c_str());
    for (size_t i = 0; i < score_with.size(); ++i)
      std::printf("%s%s", i == 0 ? " labelled " : " or ", score_with[i].c_str());
    std::printf("\n");
  }
  if (folds > 1 && scored == 0) {
    std::cerr << "bg_train_model: no message is left for cross-validation to count\n";
    return 2;
  }
  if (folds > 1) {
    std::printf("%d-fold cross-validation\n threshold  precision  recall   F1\n", folds);
    for (const auto& s : bg::cross_validate(examples, options, folds, thresholds)) {
      std::printf(" %9.4g  %9.3f  %6.3f  %5.3f\n", s.threshold, s.precision(), s.recall(), s.f1());
    }
  }
  if (!out_path.empty()) {
    std::ofstream out{out_path, std::ios::binary | std::ios::trunc};
    out << bg::train_text_model(examples, options);
    if (!out) {
      std::cerr << "bg_train_model: cannot write " << out_path << "\n";
      return 2;
    }
  }
  return 0;
}
