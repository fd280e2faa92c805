#include "bench_support.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <stdexcept>

#include <re2/re2.h>

#include "policy/policy_loader.h"
#include "text/normalized_text.h"

namespace bgbench {
namespace {

constexpr const char* kRoster[] = {
    R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago","supervisor":"s-lee","hours":{"mon":["09:00-17:00"],"tue":["09:00-12:00","13:00-17:00"],"wed":["09:00-17:00"],"thu":["11:00-19:00"],"fri":["09:00-13:00"]}})",
    R"({"type":"therapist","id":"t-ben","time_zone":"America/New_York","supervisor":"s-okafor"})",
    R"({"type":"client","id":"c-101","therapist":"t-ana","time_zone":"America/Denver"})",
    R"({"type":"client","id":"c-102","therapist":"t-ana"})",
    R"({"type":"client","id":"c-201","therapist":"t-ben","time_zone":"America/Los_Angeles"})",
    R"({"type":"client","id":"c-107","therapist":"t-ana","status":"terminated","terminated_on":"2025-09-12"})",
    R"({"type":"boundary_extension","id":"bx-1","therapist":"t-ana","client":"c-102","covers":["off_hours"],"reason":"crisis safety plan","approved_by":"s-lee","from":"2026-03-01","until":"2026-03-31"})",
};

constexpr const char* kPairs[][2] = {
    {"t-ana", "c-101"}, {"t-ana", "c-102"}, {"t-ben", "c-201"}, {"t-ana", "c-107"}};
constexpr const char* kChannels[] = {"portal", "practice_sms", "practice_email", "personal_sms",
                                     "telehealth_chat"};

// "2026-03-0D T HH:MM" in Chicago, across a week and the whole day.
std::string timestamp(uint64_t n) {
  char at[40];
  std::snprintf(at, sizeof at, "2026-03-%02uT%02u:%02u:00-06:00", static_cast<unsigned>(2 + n % 5),
                static_cast<unsigned>((n * 7) % 24), static_cast<unsigned>((n * 13) % 60));
  return at;
}

std::string party(const char* role, const char* id) {
  return std::string{R"({"role":")"} + role + R"(","id":")" + id + R"("})";
}

void visit(const bg::ExprNode& e, std::vector<std::string>& out) {
  if (e.kind == bg::ExprNode::Kind::matches && e.regex) out.push_back(e.regex->pattern());
  for (const auto& kid : e.kids) visit(*kid, out);
}

}  // namespace

const bg_api& api() {
  static const bg_api* table = bg_plugin_get_api(BG_ABI_MAJOR);
  if (table == nullptr) std::abort();
  return *table;
}

std::string default_pack() { return std::string{BG_SOURCE_POLICY_DIR} + "/default"; }

ScratchDir::ScratchDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "bg_bench_XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Engine::Engine(const std::string& policy, const std::string& audit, const std::string& options) {
  bg_engine_config config{};
  config.struct_size = static_cast<uint32_t>(sizeof config);
  config.policy_path = bg_str{policy.data(), policy.size()};
  config.audit_path = bg_str{audit.data(), audit.size()};
  config.options_json = bg_str{options.data(), options.size()};
  char error[4096] = {0};
  if (api().engine_open(&config, &engine_, error, sizeof error) != BG_OK) {
    std::fprintf(stderr, "engine_open: %s\n", error);
    std::abort();
  }
  for (const char* line : kRoster) evaluate(line);
}

Engine::~Engine() { api().engine_close(engine_); }

bool Engine::evaluate(std::string_view line) const {
  bg_verdict* verdict = nullptr;
  const bg_status status = api().evaluate_json(engine_, bg_str{line.data(), line.size()}, &verdict);
  if (status != BG_OK) {
    const bg_str error = api().last_error(engine_);
    std::fprintf(stderr, "evaluate_json: status %d: %.*s\n", status, static_cast<int>(error.size),
                 error.data);
    std::abort();
  }
  const bool flagged = api().verdict_finding_count(verdict) > 0;
  api().verdict_free(verdict);
  return flagged;
}

const std::vector<std::string>& message_texts() {
  static const std::vector<std::string> texts = {
      "Hi, just confirming your appointment on Thursday at 10:00 in the Main St office. If you "
      "need to reschedule, please use the portal or call the front desk; the cancellation "
      "policy asks for 24 hours' notice. Your superbill for February is ready in the portal "
      "as well.",
      "I'm glad you went to the dinner even though it was hard. Let's unpack what came up with "
      "your sister when we meet next week. In the meantime, try the grounding worksheet we "
      "talked about, and jot down what you notice before and after.",
      "can't sleep, thinking about you and how our talk went today. I know it's late, but I "
      "really enjoyed hearing about your weekend. We should grab a coffee sometime outside the "
      "office, just to chat, no therapy stuff. Text me on my cell if you're up.",
      "If you feel unsafe tonight, please call or text 988, the Suicide and Crisis Lifeline, or "
      "go to the nearest emergency room. You can also use the safety plan we wrote together. "
      "I will check in with you at our session tomorrow morning at 9.",
      "Thanks for the update about work. It sounds like the new schedule is a big adjustment. "
      "Bring the notes you mentioned to Tuesday's session and we can look at them together. "
      "Remember the breathing exercise when the meetings feel overwhelming.",
      "haha that was fun today, you looked great btw. My weekend was a disaster, my divorce "
      "paperwork finally came through and I had a few drinks to celebrate lol. Anyway, miss "
      "our talks already, how was your weekend? Sweet dreams xoxo",
      "Reminder: your insurance pre-authorization covers eight more sessions. The copay stays "
      "at $25. Please sign the updated consent form in the portal before our next appointment "
      "so we can keep the telehealth link active for the sessions you attend from home.",
      "It was good to see you this week. The homework for this week is the thought record: "
      "pick two moments when the anxiety spiked, write what happened, what you told yourself, "
      "and what you did next. We'll go through it together on Friday at 11.",
  };
  return texts;
}

std::string message_line(uint64_t n, const std::string& text, const char* prefix) {
  const auto& pair = kPairs[n % 4];
  const bool from_therapist = n % 4 != 3;
  std::string line = R"({"type":"message","id":")" + std::string{prefix} + "-" + std::to_string(n) +
                     R"(","at":")" + timestamp(n) + R"(","from":)";
  line += from_therapist ? party("therapist", pair[0]) : party("client", pair[1]);
  line += R"(,"to":)";
  line += from_therapist ? party("client", pair[1]) : party("therapist", pair[0]);
  line += R"(,"channel":")" + std::string{kChannels[n % 5]} + R"(","text":")" + text + R"("})";
  return line;
}

std::string appointment_line(uint64_t n) {
  const auto& pair = kPairs[n % 4];
  static const char* const kKinds[] = {"office", "telehealth", "client_home", "community"};
  static const char* const kNames[] = {"Main St office", "Practice video", "Client's home",
                                       "Riverside Park cafe"};
  std::string start = timestamp(n);
  start.replace(14, 2, "00");
  std::string end = start;
  end.replace(14, 2, "50");
  return R"({"type":"appointment","id":"a-)" + std::to_string(n) + R"(","action":")" +
         (n % 7 == 0 ? "cancelled" : "created") + R"(","start":")" + start + R"(","end":")" + end +
         R"(","therapist":")" + pair[0] + R"(","client":")" + pair[1] +
         R"(","location":{"kind":")" + kKinds[n % 4] + R"(","name":")" + kNames[n % 4] +
         R"("},"service":"individual_therapy"})";
}

std::string social_line(uint64_t n) {
  const auto& pair = kPairs[n % 4];
  static const char* const kActions[] = {"follow", "like", "friend_request", "profile_view",
                                         "comment"};
  const bool by_therapist = n % 3 != 0;
  return R"({"type":"social","id":"s-)" + std::to_string(n) + R"(","at":")" + timestamp(n) +
         R"(","platform":"instagram","action":")" + kActions[n % 5] + R"(","actor":)" +
         (by_therapist ? party("therapist", pair[0]) : party("client", pair[1])) + R"(,"target":)" +
         (by_therapist ? party("client", pair[1]) : party("therapist", pair[0])) + "}";
}

std::string payment_line(uint64_t n) {
  const auto& pair = kPairs[n % 4];
  static const char* const kKinds[] = {"copay", "fee", "gift", "copay", "tip"};
  static const char* const kWhat[] = {"copay 3/2", "session fee", "concert tickets", "copay",
                                      "thanks for everything"};
  return R"({"type":"payment","id":"p-)" + std::to_string(n) + R"(","at":")" + timestamp(n) +
         R"(","from":)" + party("client", pair[1]) + R"(,"to":)" + party("therapist", pair[0]) +
         R"(,"kind":")" + kKinds[n % 5] + R"(","amount":{"value":)" +
         std::to_string(20 + (n % 9) * 15) + R"(,"currency":"USD"},"description":")" +
         kWhat[n % 5] + R"("})";
}

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

namespace {

// Times one line per iteration, made by `line_for(n, prefix)`, after `warm` untimed ones.
template <typename LineFor>
void time_stream(benchmark::State& state, const Engine& engine, uint64_t warm, LineFor line_for) {
  for (uint64_t i = 0; i < warm; ++i) engine.evaluate(line_for(i, "warm"));
  Timings timings{static_cast<size_t>(state.max_iterations)};
  uint64_t n = 0;
  uint64_t flagged = 0;
  for (auto _ : state) {
    const std::string line = line_for(n, "m");
    ++n;
    const int64_t start = now_ns();
    if (engine.evaluate(line)) ++flagged;
    const int64_t ns = now_ns() - start;
    timings.add(ns);
    state.SetIterationTime(static_cast<double>(ns) * 1e-9);
  }
  timings.report(state);
  state.counters["flagged_pct"] =
      n == 0 ? 0.0 : 100.0 * static_cast<double>(flagged) / static_cast<double>(n);
}

}  // namespace

void time_message_stream(benchmark::State& state, const Engine& engine, uint64_t warm) {
  const auto& texts = message_texts();
  time_stream(state, engine, warm, [&](uint64_t n, const char* prefix) {
    return message_line(n, texts[n % texts.size()], prefix);
  });
}

void time_unflagged_message_stream(benchmark::State& state, const Engine& engine, uint64_t warm) {
  // The clinical, administrative and crisis texts of message_texts(), on a Monday or a
  // Wednesday between 10:00 and 16:00 in Chicago (inside every therapist's hours).
  static const size_t kPlain[] = {0, 1, 3, 4, 6, 7};
  const auto& texts = message_texts();
  time_stream(state, engine, warm, [&](uint64_t n, const char* prefix) {
    char at[40];
    std::snprintf(at, sizeof at, "2026-03-%02uT%02u:%02u:00-06:00",
                  static_cast<unsigned>(2 + 2 * (n % 2)), static_cast<unsigned>(10 + n % 6),
                  static_cast<unsigned>((n * 13) % 60));
    const auto& pair = kPairs[n % 3];  // not the fourth: c-107 is a former client
    return R"({"type":"message","id":")" + std::string{prefix} + "-" + std::to_string(n) +
           R"(","at":")" + at + R"(","from":)" + party("therapist", pair[0]) + R"(,"to":)" +
           party("client", pair[1]) + R"(,"channel":"portal","text":")" + texts[kPlain[n % 6]] +
           R"("})";
  });
}

void Timings::report(benchmark::State& state) {
  if (ns_.empty()) return;
  std::sort(ns_.begin(), ns_.end());
  const auto at = [&](double q) {
    const size_t i =
        std::min(ns_.size() - 1, static_cast<size_t>(q * static_cast<double>(ns_.size())));
    return static_cast<double>(ns_[i]) / 1000.0;
  };
  const double total = static_cast<double>(std::accumulate(ns_.begin(), ns_.end(), int64_t{0}));
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["mean_us"] = total / static_cast<double>(ns_.size()) / 1000.0;
  state.counters["samples"] = static_cast<double>(ns_.size());
}

std::string write_scaled_pack(const ScratchDir& dir, size_t rules) {
  const size_t lexicons = std::max<size_t>(1, rules / 10);
  std::string yaml = "pack: scaled-" + std::to_string(rules) +
                     "\nversion: \"1\"\nextends: " + default_pack() + "\nlexicons:\n";
  for (size_t l = 0; l < lexicons; ++l) {
    yaml += "  gen_" + std::to_string(l) + ": [";
    for (size_t w = 0; w < 5; ++w) {
      yaml += (w ? ", " : "") + std::string{"word"} + std::to_string(l) + "x" + std::to_string(w);
    }
    yaml += "]\n";
  }
  yaml += "rules:\n";
  static const char* const kCategories[] = {"personal_content", "social_media", "gift_money",
                                            "romantic_sexual", "non_therapeutic_request"};
  for (size_t r = 0; r < rules; ++r) {
    const std::string lex = "lexicon.gen_" + std::to_string(r % lexicons);
    std::string when;
    switch (r % 4) {
      case 0:
        when = "sender.role == 'therapist' and " + lex;
        break;
      case 1:
        when = lex + " and not time.in_hours";
        break;
      case 2:
        when = "channel.personal and (" + lex + " or text contains 'zq" + std::to_string(r) + "')";
        break;
      default:
        when = "sender.role == 'therapist' and content.class == 'personal' and " + lex;
        break;
    }
    yaml += "  - id: gen-rule-" + std::to_string(r) + "\n    events: [message]\n    when: \"" +
            when + "\"\n    category: " + kCategories[r % 5] +
            "\n    severity: medium\n    decision: warn\n    notice: \"Generated rule " +
            std::to_string(r) + " matched {evidence}.\"\n";
  }
  const std::string path = dir.file("scaled-" + std::to_string(rules) + ".yaml");
  std::ofstream{path} << yaml;
  return path;
}

std::string normalized(std::string_view text) { return bg::NormalizedText{text}.text(); }

PolicyPatternSet::PolicyPatternSet(const std::string& policy_path) {
  const auto loaded = bg::load_policy(policy_path);
  if (!loaded.policy) {
    std::fprintf(stderr, "cannot load %s\n", policy_path.c_str());
    std::abort();
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::vector<std::string> patterns;
  for (const auto& lexicon : loaded.policy->lexicons) {
    if (lexicon->pattern() != nullptr) patterns.push_back(lexicon->pattern()->pattern());
  }
  for (const auto& rule : loaded.policy->rules) visit(*rule.when, patterns);
  for (const auto& p : patterns) {
    std::string error;
    if (set_->Add(p, &error) < 0) {
      std::fprintf(stderr, "RE2::Set::Add: %s\n", error.c_str());
      std::abort();
    }
  }
  if (!set_->Compile()) std::abort();
  size_ = patterns.size();
}

PolicyPatternSet::~PolicyPatternSet() = default;

size_t PolicyPatternSet::match(std::string_view text) const {
  std::vector<int> matched;
  set_->Match(re2::StringPiece{text.data(), text.size()}, &matched);
  return matched.size();
}

namespace {
double status_field_mib(const char* key) {
  std::ifstream in{"/proc/self/status"};
  std::string line;
  const std::string prefix = std::string{key} + ":";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size())) / 1024.0;
  }
  return 0;
}
}  // namespace

double rss_mib() { return status_field_mib("VmRSS"); }
double peak_rss_mib() { return status_field_mib("VmHWM"); }

}  // namespace bgbench
