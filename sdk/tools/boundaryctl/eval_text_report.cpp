// The text rendering of an EvalReport: a table per category, the averages, the confusion
// between categories, the client-side check and the misclassified events.
#include <iomanip>
#include <map>
#include <sstream>

#include "eval_report.h"

namespace boundaryctl {
namespace {

constexpr int kNameWidth = 24;
constexpr int kCountWidth = 8;
constexpr int kScoreWidth = 11;

std::string join(const std::vector<std::string>& items, const char* empty) {
  if (items.empty()) return empty;
  std::string out;
  for (const auto& item : items) out.append(out.empty() ? "" : ", ").append(item);
  return out;
}

// "a 3, b 1" in the scorer's category order.
std::string counted(const Scorer& scorer, const std::map<std::string, size_t>& counts) {
  CategorySet names;
  for (const auto& entry : counts) names.insert(entry.first);
  std::vector<std::string> items;
  for (const auto& name : scorer.ordered(names)) {
    items.push_back(name + " " + std::to_string(counts.at(name)));
  }
  return join(items, "none");
}

void score_columns(std::ostream& out, const Average& a) {
  out << std::setw(kScoreWidth) << a.precision << std::setw(kScoreWidth) << a.recall
      << std::setw(kScoreWidth) << a.f1;
}

void count_columns(std::ostream& out, const Counts& c) {
  out << std::setw(kCountWidth) << c.support() << std::setw(kCountWidth) << c.tp
      << std::setw(kCountWidth) << c.fp << std::setw(kCountWidth) << c.fn;
}

void write_header(std::ostream& out, const EvalReport& r) {
  const Scorer& s = r.scorer;
  out << "Detection measured on " << join(r.corpus, "nothing") << "\n"
      << "Roster: " << r.roster << "\n"
      << "Policy: " << (r.policy.empty() ? "the plugin's bundled default pack" : r.policy) << "\n"
      << "Events: " << s.events() << " scored (" << s.events() - s.unlabelled_events()
      << " with a category, " << s.unlabelled_events() << " unremarkable), " << s.exact()
      << " exactly right\n";
  if (r.unscored_lines > 0) {
    out << "Lines not scored: " << r.unscored_lines << " (listed on stderr)\n";
  }
}

void write_table(std::ostream& out, const Scorer& s) {
  out << "\n"
      << std::left << std::setw(kNameWidth) << "CATEGORY" << std::right << std::setw(kCountWidth)
      << "SUPPORT" << std::setw(kCountWidth) << "TP" << std::setw(kCountWidth) << "FP"
      << std::setw(kCountWidth) << "FN" << std::setw(kScoreWidth) << "PRECISION"
      << std::setw(kScoreWidth) << "RECALL" << std::setw(kScoreWidth) << "F1"
      << "\n";
  out << std::fixed << std::setprecision(3);
  for (const auto& name : s.categories()) {
    const Counts c = s.counts(name);
    out << std::left << std::setw(kNameWidth) << name << std::right;
    count_columns(out, c);
    if (c.support() + c.fp == 0) {
      out << std::setw(kScoreWidth) << "-" << std::setw(kScoreWidth) << "-"
          << std::setw(kScoreWidth) << "-";
    } else {
      score_columns(out, Average{precision(c), recall(c), f1(c)});
    }
    out << "\n";
  }
  out << std::left << std::setw(kNameWidth) << "micro average" << std::right;
  count_columns(out, s.total());
  score_columns(out, s.micro());
  out << "\n"
      << std::left << std::setw(kNameWidth) << "macro average" << std::right
      << std::setw(4 * kCountWidth) << "";
  score_columns(out, s.macro());
  out << "\n"
      << "Macro: the mean over the " << s.macro_category_count()
      << " categories labelled or predicted at least once; '-': neither.\n";
}

void write_confusion(std::ostream& out, const Scorer& s) {
  out << "\nConfusion: per labelled category, the predicted categories its label does not carry\n";
  for (const auto& name : s.categories()) {
    const Counts c = s.counts(name);
    if (c.support() == 0) continue;
    const Confusion row = s.confusion(name);
    out << "  " << name << ": " << c.support() << " labelled, " << c.fn << " missed\n";
    if (row.missed_alone > 0) {
      out << "    missed, nothing else predicted: " << row.missed_alone << "\n";
    }
    if (!row.instead.empty()) out << "    instead: " << counted(s, row.instead) << "\n";
    if (!row.in_addition.empty()) {
      out << "    in addition: " << counted(s, row.in_addition) << "\n";
    }
  }
  out << "  unremarkable events: " << s.unlabelled_events() << "\n";
  if (!s.unlabelled_predicted().empty()) {
    out << "    predicted: " << counted(s, s.unlabelled_predicted()) << "\n";
  }
}

std::string place(const EventPlace& p) {
  return p.id + " (" + p.file + ":" + std::to_string(p.line) + ", " + p.type + ")";
}

void write_client_check(std::ostream& out, const EvalReport& r) {
  out << "\nClient-side events held or blocked: " << r.client_held.size() << " of "
      << r.client_side_events << " (must be 0)\n";
  for (const auto& held : r.client_held) {
    out << "  " << place(held.place) << ": " << held.decision << "\n";
  }
}

void write_min_f1(std::ostream& out, const EvalReport& r) {
  if (!r.has_min_f1) return;
  out << "\nMinimum F1 " << r.min_f1 << ": ";
  if (r.below_min_f1.empty()) {
    out << "met by every category with support\n";
    return;
  }
  std::vector<std::string> items;
  for (const auto& name : r.below_min_f1) {
    std::ostringstream item;
    item << std::fixed << std::setprecision(3) << name << " (" << f1(r.scorer.counts(name)) << ")";
    items.push_back(item.str());
  }
  out << "not met by " << join(items, "") << "\n";
}

std::string rules_text(const std::vector<FiredRule>& rules, bool missed) {
  if (rules.empty()) return missed ? "no rule fired" : "no rule";
  std::vector<std::string> items;
  for (const auto& r : rules) {
    items.push_back(r.suppressed_by.empty() ? r.rule
                                            : r.rule + " (suppressed by " + r.suppressed_by + ")");
  }
  return join(items, "");
}

void write_misclassified(std::ostream& out, const EvalReport& r) {
  out << "\nMisclassified events: " << r.misclassified_total;
  if (r.misclassified.size() < r.misclassified_total) {
    out << " (showing " << r.misclassified.size() << "; change with --misclassified N)";
  }
  out << "\n";
  for (const auto& m : r.misclassified) {
    out << "  " << place(m.place) << "\n"
        << "    expected: " << join(m.expected, "none") << "\n"
        << "    predicted: " << join(m.predicted, "none") << "\n";
    for (const auto& w : m.wrong) {
      out << "    " << (w.missed ? "missed " : "extra ") << w.category << ": "
          << rules_text(w.rules, w.missed) << "\n";
    }
    if (!m.note.empty()) out << "    note: " << m.note << "\n";
  }
}

}  // namespace

std::string render_text(const EvalReport& report) {
  std::ostringstream out;
  write_header(out, report);
  write_table(out, report.scorer);
  write_confusion(out, report.scorer);
  write_client_check(out, report);
  write_min_f1(out, report);
  write_misclassified(out, report);
  return out.str();
}

}  // namespace boundaryctl
