// A compiled policy: settings, lexicons and the rules that turn detector signals into findings.
// Immutable once loaded; engines share it through shared_ptr<const Policy> and swap it whole.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "detectors/signal.h"
#include "model/vocabulary.h"
#include "text/lexicon.h"
#include "time/weekly_hours.h"

namespace bg {

struct SourcePosition {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
};

struct Rule {
  std::string id;
  std::string description;
  SignalKind signal{};
  std::vector<ContentClass> content;  // empty: any content
  Category category{};
  Severity severity{};
  Decision decision{};
  std::vector<std::string> citations;
  std::string notice;  // template with {placeholders}
  bool enabled = true;
  SourcePosition origin;

  bool matches(const Signal& s) const;
};

struct Policy {
  std::string name;
  std::string version;
  std::string source_path;
  std::string sha256;  // of the policy file's bytes

  WeeklyHours default_hours;
  DailyWindow client_quiet_hours{21 * 60, 8 * 60};
  std::array<bool, Names<Channel>::kAll.size()> personal_channel{};

  // Lexicons used to classify a message's content; any may be absent.
  std::unique_ptr<Lexicon> crisis;
  std::unique_ptr<Lexicon> administrative;
  std::unique_ptr<Lexicon> personal;

  std::vector<Rule> rules;
  // Enabled rules per signal kind, in file order.
  std::array<std::vector<const Rule*>, Names<SignalKind>::kAll.size()> rules_by_signal;

  bool is_personal(Channel c) const { return personal_channel[static_cast<size_t>(c)]; }
  // "default 1 (sha256 1a2b3c4d5e6f)": short enough for a finding, enough to find the file.
  std::string label() const;
};

}  // namespace bg
