// Principle 2, end to end over the demo week (sdk/examples/demo/practice-week.jsonl): the audit
// log keeps spans and a short window, never a whole message, and the diagnostic log keeps no
// message text, names, phone numbers or e-mail addresses at all.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "engine/engine.h"
#include "review/stored_log.h"
#include "test_support.h"

namespace bg::test {
namespace {

using Json = nlohmann::json;

const char* const kDemoWeek = BG_DOCS_DIR "/../sdk/examples/demo/practice-week.jsonl";

std::vector<std::string> demo_lines() {
  std::ifstream in{kDemoWeek};
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  EXPECT_GT(lines.size(), 300u) << kDemoWeek;
  return lines;
}

// Every free text of an event: message text, descriptions, location names and addresses.
std::vector<std::string> free_texts(const Json& event) {
  std::vector<std::string> out;
  for (const char* key : {"text", "description"}) {
    if (event.contains(key) && event[key].is_string()) out.push_back(event[key]);
  }
  if (event.contains("location") && event["location"].is_object()) {
    for (const char* key : {"name", "address"}) {
      if (event["location"].contains(key) && event["location"][key].is_string()) {
        out.push_back(event["location"][key]);
      }
    }
  }
  return out;
}

// Runs of three words (at least 12 characters): if one is in the log, text leaked.
std::vector<std::string> word_runs(const std::string& text) {
  std::istringstream in{text};
  std::vector<std::string> words{std::istream_iterator<std::string>(in), {}};
  std::vector<std::string> runs;
  for (size_t i = 0; i + 3 <= words.size(); ++i) {
    const std::string run = words[i] + " " + words[i + 1] + " " + words[i + 2];
    if (run.size() >= 12) runs.push_back(run);
  }
  return runs;
}

std::string read_all(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::unique_ptr<Engine> open_engine(const std::string& audit, const std::string& options) {
  EngineConfig config;
  config.audit_path = audit;
  std::string error;
  EXPECT_TRUE(parse_engine_options(options, config.options, error)) << error;
  return std::make_unique<Engine>(config);
}

TEST(AuditPrivacy, TheDiagnosticLogNeverHoldsMessageTextNamesPhoneNumbersOrEmails) {
  TempDir dir;
  const std::string diag = dir.path("diagnostic.log");
  const std::string options = R"({"diagnostic_log":")" + diag + R"("})";
  const auto lines = demo_lines();
  // Lines the engine rejects, carrying contact details and a name in their text.
  const std::vector<std::string> rejected = {
      R"({"type":"message","id":"bad-1","at":"2026-03-04T23:15:00-06:00","from":{"role":"therapist","id":"t-ana"},"channel":"personal_sms","text":"Maria Lopez, text me at 312-555-0199 or jane.doe@example.com"})",
      R"({"type":"message","id":"bad-2","at":"yesterday","from":{"role":"therapist","id":"t-ana"},"to":{"role":"client","id":"c-101"},"channel":"personal_sms","text":"Maria Lopez, text me at 312-555-0199"})",
      R"({"type":"message","id":"bad-3","text":"call (415) 555-0123, ask for Maria Lopez"})"};
  {
    auto engine = open_engine(dir.path("audit.db"), options);
    for (const auto& line : lines) engine->evaluate_json(line);
    for (const auto& line : rejected) {
      EXPECT_EQ(engine->evaluate_json(line).status, Status::bad_event);
    }
    std::string error;
    engine->record_outcome({"no-such-event", OutcomeKind::sent, "", {}}, error);
    engine->reload_policy(dir.path("no-such-policy"), error);
    engine->flush(error);
  }
  // Failing engines log too.
  for (const char* fault : {"detector", "audit"}) {
    auto engine =
        open_engine(dir.path(std::string{fault} + ".db"),
                    R"({"diagnostic_log":")" + diag + R"(","fault_injection":")" + fault + R"("})");
    for (size_t i = 0; i < 60 && i < lines.size(); ++i) engine->evaluate_json(lines[i]);
  }
  const std::string log = read_all(diag);
  ASSERT_GT(log.size(), 1000u) << "the diagnostic log should have recorded the week";

  std::vector<std::string> texts;
  for (const auto& line : lines) {
    for (auto& t : free_texts(Json::parse(line))) texts.push_back(std::move(t));
  }
  for (const auto& line : rejected) {
    for (auto& t : free_texts(Json::parse(line))) texts.push_back(std::move(t));
  }
  size_t runs_checked = 0;
  for (const auto& text : texts) {
    for (const auto& run : word_runs(text)) {
      ++runs_checked;
      EXPECT_EQ(log.find(run), std::string::npos) << "message text in the diagnostic log: " << run;
    }
  }
  EXPECT_GT(runs_checked, 1000u);
  const std::regex phone{R"(\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b)"};
  const std::regex email{R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+)"};
  std::smatch m;
  EXPECT_FALSE(std::regex_search(log, m, phone)) << "a phone number: " << m.str();
  EXPECT_FALSE(std::regex_search(log, m, email)) << "an e-mail address: " << m.str();
  for (const char* name : {"Maria", "Lopez", "Rosie"}) {
    EXPECT_EQ(log.find(name), std::string::npos) << "a name in the diagnostic log: " << name;
  }
}

// With the default policy (evidence: window) a flagged message is kept as its matched words and
// a window around them, never whole (unless every character of it was matched), and an
// unflagged message not at all.
TEST(AuditPrivacy, TheAuditLogNeverStoresAWholeMessageByDefault) {
  TempDir dir;
  const std::string audit = dir.path("audit.db");
  struct Seen {
    std::string text;
    bool flagged = false;
    size_t matched = 0;  // bytes covered by evidence spans
  };
  std::vector<Seen> seen;
  {
    auto engine = open_engine(audit, "");
    for (const auto& line : demo_lines()) {
      const auto event = Json::parse(line);
      const auto result = engine->evaluate_json(line);
      if (!event.contains("text") || !event["text"].is_string() || !result.verdict) continue;
      Seen s{event["text"], !result.verdict->findings.empty(), 0};
      std::vector<bool> covered(s.text.size(), false);
      for (const auto& f : result.verdict->findings) {
        for (const auto& e : f.evidence) {
          for (size_t i = e.start; i < e.end && i < covered.size(); ++i) covered[i] = true;
        }
      }
      for (bool c : covered) s.matched += c ? 1 : 0;
      seen.push_back(std::move(s));
    }
  }
  std::string stored;
  for (const auto& e : review::read_stored_log(audit).entries) stored += e.record.body + "\n";
  size_t flagged = 0;
  for (const auto& s : seen) {
    // Bodies are JSON: look for the text as JSON writes it.
    const std::string as_json = Json(s.text).dump();
    const std::string needle = as_json.substr(1, as_json.size() - 2);
    if (s.text.size() < 8) continue;
    flagged += s.flagged ? 1 : 0;
    if (s.matched < s.text.size()) {
      EXPECT_EQ(stored.find(needle), std::string::npos)
          << (s.flagged ? "flagged" : "unflagged") << " message stored whole: " << s.text;
    }
  }
  EXPECT_GT(flagged, 20u) << "the demo week should flag messages";
}

}  // namespace
}  // namespace bg::test
