// What `boundaryctl eval` found, and its two renderings (text for people, JSON for tools) with
// the same content.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "metrics.h"

namespace boundaryctl {

// A rule that reported a finding in the category.
struct FiredRule {
  std::string rule;
  std::string suppressed_by;  // "" when the finding counted
};

// A category the prediction got wrong on one event.
struct WrongCategory {
  std::string category;
  bool missed = false;  // labelled and not predicted; else predicted and not labelled
  // Predicted: the unsuppressed rules behind it. Missed: rules that found it but were
  // suppressed (usually none: no rule fired).
  std::vector<FiredRule> rules;
};

// Where an event is: the corpus file and its 1-based line.
struct EventPlace {
  std::string file;
  uint64_t line = 0;
  std::string id;
  std::string type;
};

struct Misclassified {
  EventPlace place;
  std::vector<std::string> expected;   // in category order
  std::vector<std::string> predicted;  // in category order
  std::string note;
  std::vector<WrongCategory> wrong;
};

struct HeldClientEvent {
  EventPlace place;
  std::string decision;  // "hold" or "block"
};

struct EvalReport {
  explicit EvalReport(std::vector<std::string> categories) : scorer(std::move(categories)) {}

  std::vector<std::string> corpus;  // the files, in the order replayed
  std::string roster;
  std::string policy;  // "" : the plugin's bundled default pack
  Scorer scorer;
  size_t client_side_events = 0;
  std::vector<HeldClientEvent> client_held;  // client-side events held or blocked (must be none)
  size_t misclassified_total = 0;
  size_t misclassified_limit = 0;
  std::vector<Misclassified> misclassified;  // the first misclassified_limit of them
  bool has_min_f1 = false;
  double min_f1 = 0;
  std::vector<std::string> below_min_f1;  // categories with support and F1 < min_f1
  size_t unscored_lines = 0;              // lines that could not be scored (listed on stderr)
};

std::string render_text(const EvalReport& report);
// One JSON object, indented, ending with a newline.
std::string render_json(const EvalReport& report);

}  // namespace boundaryctl
