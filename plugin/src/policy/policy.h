// A compiled policy: the effective settings, lists, lexicons, rules and exceptions after every
// `extends` and override. Immutable once compiled; engines share it through
// shared_ptr<const Policy> and swap it whole.
#pragma once

#include <array>
#include <bitset>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "model/vocabulary.h"
#include "policy/expression/expression.h"
#include "text/lexicon.h"
#include "text/lexicon_screen.h"
#include "text/text_model.h"
#include "text/typo_vocabulary.h"
#include "time/weekly_hours.h"

namespace bg {

struct SourcePosition {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
};

using EventTypeSet = std::bitset<Names<EventType>::kAll.size()>;

struct Rule {
  std::string id;
  std::string description;
  EventTypeSet events;
  std::string when_text;
  Expr when;
  Category category{};
  Severity severity{};
  Decision decision{};
  std::vector<std::string> citations;
  std::string notice;       // template with {placeholders}
  std::string explanation;  // template; empty: the description
  std::vector<std::string> tags;
  bool enabled = true;
  std::string pack;  // the pack that defined it
  SourcePosition origin;
  std::vector<SourcePosition> overridden_at;  // later packs that changed it

  // Filled at compile time: where a finding's evidence comes from (lexicons and fields that
  // carry spans, used outside any `not`).
  std::vector<int> evidence_lexicons;
  std::vector<int> evidence_classifiers;
  std::vector<int> evidence_fields;
};

struct PolicyException {
  std::string id;
  std::set<std::string> rules;  // rule ids; empty with categories empty: every rule
  std::set<Category> categories;
  std::string when_text;
  Expr when;  // null: always
  std::string reason;
  std::string owner;
  date::year_month_day expires{};
  SourcePosition origin;
};

enum class EvidenceMode { window, spans, full };

template <>
struct Names<EvidenceMode> {
  static constexpr std::array<std::string_view, 3> kAll{{"window", "spans", "full"}};
};

struct PolicySettings {
  // Places a therapist who is not on the roster; null: such events get no time findings.
  const date::time_zone* practice_time_zone = nullptr;
  WeeklyHours default_hours;
  DailyWindow client_quiet_hours{21 * 60, 8 * 60};
  std::array<bool, Names<Channel>::kAll.size()> personal_channel{};
  std::array<bool, Names<LocationKind>::kAll.size()> approved_setting{};
  std::set<date::year_month_day> holidays;
  // Numbers and domains that are never personal: crisis lines and the practice's own.
  std::vector<std::string> crisis_numbers{"988", "911", "741741", "18002738255", "8002738255"};
  std::vector<std::string> practice_numbers;
  std::vector<std::string> practice_email_domains;
  // A pair with this many flagged events (unsuppressed, severity >= pattern_min_severity)
  // within pattern_window_days has a pattern.
  int pattern_threshold = 3;
  int pattern_window_days = 30;
  Severity pattern_min_severity = Severity::medium;
  double gift_threshold = 25;
  std::string gift_currency = "USD";
  int former_client_years = 0;  // 0: no limit
  EvidenceMode evidence = EvidenceMode::window;
  int evidence_window_chars = 40;
  int retention_years = 6;
};

struct Policy {
  std::string name;
  std::string version;
  std::string source_path;
  std::string sha256;              // over every file of every pack, in load order
  std::vector<std::string> packs;  // the extends chain, base first
  std::vector<std::string> files;  // every file read, so that they can be watched

  PolicySettings settings;
  std::map<std::string, std::shared_ptr<const StringSet>> lists;
  std::vector<std::unique_ptr<Lexicon>> lexicons;
  std::map<std::string, int> lexicon_index;
  // Every lexicon in one set: which of them can match a text at all (null without lexicons).
  std::unique_ptr<LexiconScreen> lexicon_screen;
  // The words the lexicons are written with: a mistyped one is read as the word meant.
  TypoVocabulary typo_vocabulary;
  std::map<std::string, std::string> macros;  // name -> condition text, for explain
  // Text models and the score above which each says yes (`classifier.NAME`).
  struct Classifier {
    std::string name;
    std::string model_path;
    std::shared_ptr<const TextModel> model;
    double threshold = 0;
    // The first classifier with the same model: per event, a model is scored once.
    int model_slot = 0;
  };
  std::vector<Classifier> classifiers;
  std::map<std::string, int> classifier_index;

  // Lexicons the content classifier reads (-1 when the policy has none of that name).
  int crisis_lexicon = -1;
  int administrative_lexicon = -1;
  int personal_lexicon = -1;

  std::vector<Rule> rules;
  std::vector<PolicyException> exceptions;
  // Enabled rules per event type, in policy order.
  std::array<std::vector<const Rule*>, Names<EventType>::kAll.size()> rules_by_event;

  bool is_personal(Channel c) const { return settings.personal_channel[static_cast<size_t>(c)]; }
  bool is_approved(LocationKind k) const {
    return settings.approved_setting[static_cast<size_t>(k)];
  }
  const Rule* rule(const std::string& id) const;
  // "default@1#3bac4b8e94e6": short enough for a finding, enough to find the files.
  std::string label() const;
};

}  // namespace bg
