// evaluate_json and evaluate_struct on valid events, and every verdict accessor.
//
// Dates: 2026-03-02 is a Monday; Chicago is UTC-6 until 2026-03-08. t-ana works Mon 09-17,
// Tue 09-12 and 13-17, Wed/Thu 09-17, Fri 09-13 (America/Chicago); see abi_test_support.h.
#include <algorithm>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Json kAna = therapist_party("t-ana");
const Json kC042 = client_party("c-042");

// ------------------------------------------------------------------------------------------
// The default pack's behaviour, through JSON and through structs

struct Case {
  const char* name;
  Json event;
  std::vector<std::string> rules;  // in verdict order
  bg_decision decision;
  const char* explanation_part;  // in the first finding's explanation; "" for none
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

std::vector<Case> default_pack_cases() {
  return {
      {"PersonalTextOffHours",
       message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042, "practice_sms",
               "can't sleep, thinking about you"),
       {"personal-text-off-hours"},
       BG_DECISION_WARN,
       "Sent Wed 23:15 America/Chicago, outside t-ana's hours (Wed 09:00-17:00)"},
      {"AdministrativeTextOffHours",
       message("m-2", "2026-03-04T19:30:00-06:00", kAna, kC042, "portal",
               "Reminder: your appointment is Thursday at 10."),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "Wed 18:30 for the client (America/Denver"},
      {"NeutralTextOffHours",
       message("m-3", "2026-03-06T13:05:00-06:00", kAna, kC042, "portal", "Thanks for today."),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "outside t-ana's hours (Fri 09:00-13:00)"},
      {"PhoneCallWithoutTextOffHours",
       message("m-4", "2026-03-07T11:00:00-06:00", kAna, kC042, "practice_phone", nullptr),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "(Sat: not a working day)"},
      {"CrisisTextOffHoursIsAllowed",
       message("m-5", "2026-03-04T22:00:00-06:00", kAna, kC042, "practice_sms",
               "If you feel unsafe tonight, call 988."),
       {"crisis-contact-off-hours"},
       BG_DECISION_ALLOW,
       "Sent Wed 22:00 America/Chicago"},
      {"InsideHoursButClientQuietHours",
       message("m-6", "2026-03-04T09:30:00-06:00", kAna, client_party("c-808"), "portal",
               "Your worksheet is in the portal."),
       {"client-quiet-hours"},
       BG_DECISION_WARN,
       "Wed 05:30 for the client (Pacific/Honolulu"},
      {"InsideHoursNothing",
       message("m-7", "2026-03-04T10:00:00-06:00", kAna, kC042, "portal", "See you Thursday."),
       {},
       BG_DECISION_ALLOW,
       ""},
      {"TherapistPersonalChannel",
       message("m-8", "2026-03-04T10:00:00-06:00", kAna, kC042, "personal_sms",
               "See you Thursday."),
       {"therapist-personal-channel"},
       BG_DECISION_WARN,
       "personal_sms"},
      {"TherapistPersonalChannelOffHours",
       message("m-9", "2026-03-04T20:00:00-06:00", kAna, kC042, "personal_phone", nullptr),
       {"contact-off-hours", "therapist-personal-channel"},
       BG_DECISION_WARN,
       "Sent Wed 20:00"},
      {"ClientPersonalChannelIsContextOnly",
       message("m-10", "2026-03-04T23:00:00-06:00", kC042, kAna, "personal_sms",
               "can't sleep, are you up?"),
       {"client-personal-channel"},
       BG_DECISION_ALLOW,
       "The client reached t-ana over personal_sms"},
      {"ClientMessageOffHoursIsNotFlagged",
       message("m-11", "2026-03-04T23:30:00-06:00", kC042, kAna, "portal", "can't sleep"),
       {},
       BG_DECISION_ALLOW,
       ""},
      {"ExtensionSuppressesOffHours",
       message("m-12", "2026-03-10T22:00:00-05:00", kAna, client_party("c-050"), "practice_sms",
               "Checking in as planned. How are you feeling?"),
       {"contact-off-hours"},
       BG_DECISION_ALLOW,
       "Sent Tue 22:00"},
      {"ExtensionDoesNotCoverOtherDates",
       message("m-13", "2026-04-02T22:00:00-05:00", kAna, client_party("c-050"), "practice_sms",
               "Checking in as planned. How are you feeling?"),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "Sent Thu 22:00"},
      // bx-3 covers 2026-03-01..2026-03-31 inclusive in t-ana's zone (America/Chicago), not
      // in UTC: the local date decides on both ends.
      {"ExtensionCoversItsLastLocalDayToMidnight",
       message("m-15", "2026-03-31T23:30:00-05:00", kAna, client_party("c-050"), "practice_sms",
               "Checking in as planned."),
       {"contact-off-hours"},
       BG_DECISION_ALLOW,
       "Sent Tue 23:30 America/Chicago"},
      {"ExtensionEndsAtLocalMidnight",
       message("m-16", "2026-04-01T00:30:00-05:00", kAna, client_party("c-050"), "practice_sms",
               "Checking in as planned."),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "Sent Wed 00:30 America/Chicago"},
      {"ExtensionStartsAtLocalMidnightNotUtc",
       message("m-17", "2026-02-28T23:50:00-06:00", kAna, client_party("c-050"), "practice_sms",
               "Checking in as planned."),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "Sent Sat 23:50 America/Chicago"},
      {"ExtensionFirstLocalDay",
       message("m-18", "2026-03-01T00:10:00-06:00", kAna, client_party("c-050"), "practice_sms",
               "Checking in as planned."),
       {"contact-off-hours"},
       BG_DECISION_ALLOW,
       "Sent Sun 00:10 America/Chicago"},
      {"PolicyDefaultHoursForTherapistWithoutHours",
       message("m-14", "2026-03-04T18:30:00-08:00", therapist_party("t-cruz"),
               client_party("c-301"), "portal", "Your superbill is ready."),
       {"contact-off-hours"},
       BG_DECISION_WARN,
       "outside t-cruz's hours (Wed 08:00-18:00)"},
      {"SessionOffHours",
       appointment("a-1", "created", "2026-03-05T18:00:00-06:00", "2026-03-05T18:50:00-06:00",
                   "t-ana", "c-042", "office"),
       {"session-off-hours"},
       BG_DECISION_WARN,
       "Session Thu 18:00 to Thu 18:50 America/Chicago is outside t-ana's hours (Thu "
       "09:00-17:00)"},
      {"SessionRunningPastTheEndOfHours",
       appointment("a-2", "updated", "2026-03-05T16:30:00-06:00", "2026-03-05T17:20:00-06:00",
                   "t-ana", "c-042", "telehealth"),
       {"session-off-hours"},
       BG_DECISION_WARN,
       "Session Thu 16:30 to Thu 17:20"},
      {"SessionAcrossTheLunchBreak",
       appointment("a-3", "created", "2026-03-03T11:30:00-06:00", "2026-03-03T12:20:00-06:00",
                   "t-ana", "c-042", "office"),
       {"session-off-hours"},
       BG_DECISION_WARN,
       "(Tue 09:00-12:00, 13:00-17:00)"},
      {"SessionInsideHours",
       appointment("a-4", "created", "2026-03-05T10:00:00-06:00", "2026-03-05T10:50:00-06:00",
                   "t-ana", "c-042", "office"),
       {},
       BG_DECISION_ALLOW,
       ""},
      {"SessionEndingExactlyAtTheEndOfHours",
       appointment("a-5", "created", "2026-03-05T16:10:00-06:00", "2026-03-05T17:00:00-06:00",
                   "t-ana", "c-042", "office"),
       {},
       BG_DECISION_ALLOW,
       ""},
      {"CancelledSessionOffHours",
       appointment("a-6", "cancelled", "2026-03-05T19:00:00-06:00", "2026-03-05T19:50:00-06:00",
                   "t-ana", "c-042", "office"),
       {},
       BG_DECISION_ALLOW,
       ""},
  };
}

class AbiDefaultPack : public ::testing::TestWithParam<Case> {};

TEST_P(AbiDefaultPack, JsonAndStructGiveTheExpectedVerdict) {
  const Case& c = GetParam();
  auto json_engine = must_open();
  auto struct_engine = must_open();
  ASSERT_NE(json_engine, nullptr);
  ASSERT_NE(struct_engine, nullptr);
  load_roster(json_engine.get());
  for (const auto& event : roster()) {
    StructEvent s{event};
    ASSERT_EQ(evaluate_struct(struct_engine.get(), s.type(), s.get()).status, BG_OK);
  }

  const auto from_json = evaluate(json_engine.get(), c.event);
  ASSERT_EQ(from_json.status, BG_OK) << from_json.error;
  ASSERT_NE(from_json.verdict, nullptr);
  const bg_verdict* v = from_json.verdict.get();
  EXPECT_EQ(timing_rules(v), c.rules) << verdict_json(v);
  const auto all = findings(v);
  if (all.size() == c.rules.size()) {
    EXPECT_EQ(api().verdict_decision(v), c.decision) << verdict_json(v);
  } else {
    // Findings of other categories may only make the decision more restrictive.
    EXPECT_GE(api().verdict_decision(v), c.decision) << verdict_json(v);
  }
  if (!c.rules.empty()) {
    const size_t first = finding_index(v, c.rules.front());
    ASSERT_LT(first, all.size());
    EXPECT_THAT(all[first].explanation, HasSubstr(c.explanation_part));
    EXPECT_FALSE(all[first].citations.empty());
    EXPECT_NE(all[first].notice, "");
  }

  StructEvent s{c.event};
  const auto from_struct = evaluate_struct(struct_engine.get(), s.type(), s.get());
  ASSERT_EQ(from_struct.status, BG_OK) << from_struct.error;
  ASSERT_NE(from_struct.verdict, nullptr);
  EXPECT_EQ(verdict_json(from_struct.verdict.get()), verdict_json(v));
}

INSTANTIATE_TEST_SUITE_P(Cases, AbiDefaultPack, ::testing::ValuesIn(default_pack_cases()),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                           return std::string{param_info.param.name};
                         });

// Every v1 type, the roster included, through both paths with audit logs on both sides: the
// verdict lines must be byte-identical, audit ids included.
TEST(AbiEvaluate, EveryV1TypeGivesTheSameVerdictAsJsonAndAsStruct) {
  TempDir dir;
  auto json_engine = must_open("", dir.file("json.sqlite"));
  auto struct_engine = must_open("", dir.file("struct.sqlite"));
  ASSERT_NE(json_engine, nullptr);
  ASSERT_NE(struct_engine, nullptr);

  std::vector<Json> stream = roster();
  for (const Json& e : std::vector<Json>{
           message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042, "practice_sms",
                   "can't sleep, thinking about you"),
           message("m-2", "2026-03-04T10:00:00-06:00", kC042, kAna, "personal_email",
                   "Here is the form"),
           message("m-3", "2026-03-04T10:05:00.250-06:00", kAna, kC042, "social_dm", "hi"),
           appointment("a-1", "created", "2026-03-05T18:00:00-06:00", "2026-03-05T18:50:00-06:00",
                       "t-ana", "c-042", "client_home"),
           social("s-1", "2026-03-05T14:00:00-06:00", "follow", kAna, kC042),
           social("s-2", "2026-03-05T23:00:00-06:00", "friend_request", kC042, kAna),
           payment("p-1", "2026-03-05T14:00:00-06:00", kC042, kAna, "gift", 120),
           payment("p-2", "2026-03-05T14:00:00Z", kC042, kAna, "copay", 25.5),
       }) {
    stream.push_back(e);
  }
  int types_seen = 0;
  std::string last_type;
  for (const Json& event : stream) {
    const auto a = evaluate(json_engine.get(), event);
    StructEvent s{event};
    const auto b = evaluate_struct(struct_engine.get(), s.type(), s.get());
    ASSERT_EQ(a.status, BG_OK) << event.dump() << ": " << a.error;
    ASSERT_EQ(b.status, BG_OK) << event.dump() << ": " << b.error;
    EXPECT_EQ(verdict_json(a.verdict.get()), verdict_json(b.verdict.get())) << event.dump();
    EXPECT_EQ(text(api().verdict_event_id(b.verdict.get())), event["id"].get<std::string>());
    if (event["type"] != last_type) ++types_seen;
    last_type = event["type"].get<std::string>();
  }
  EXPECT_EQ(types_seen, 7);
  ASSERT_EQ(api().flush(json_engine.get()), BG_OK);  // the audit writer commits asynchronously
  ASSERT_EQ(api().flush(struct_engine.get()), BG_OK);
  EXPECT_GT(count_entries(dir.file("json.sqlite"), "verdict"), 0);
  EXPECT_EQ(count_entries(dir.file("json.sqlite"), "verdict"),
            count_entries(dir.file("struct.sqlite"), "verdict"));
}

TEST(AbiEvaluate, RosterEventsReturnAVerdictWithNoFindings) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  for (const auto& event : roster()) {
    for (int form = 0; form < 2; ++form) {
      StructEvent s{event};
      const auto r = form == 0 ? evaluate(engine.get(), event)
                               : evaluate_struct(engine.get(), s.type(), s.get());
      ASSERT_EQ(r.status, BG_OK) << event.dump() << ": " << r.error;
      ASSERT_NE(r.verdict, nullptr);
      const bg_verdict* v = r.verdict.get();
      EXPECT_EQ(text(api().verdict_event_id(v)), event["id"].get<std::string>());
      EXPECT_EQ(api().verdict_decision(v), BG_DECISION_ALLOW);
      EXPECT_EQ(api().verdict_finding_count(v), 0u);
      EXPECT_EQ(text(api().verdict_notice(v)), "");
      EXPECT_EQ(text(api().verdict_audit_id(v)), "");
      const auto line = Json::parse(verdict_json(v));
      EXPECT_EQ(line["event"], event["id"]);
      EXPECT_EQ(line["decision"], "allow");
      EXPECT_EQ(line["findings"], Json::array());
    }
  }
}

TEST(AbiEvaluate, RepeatedRosterEventReplacesTheRecord) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto late = message("m-1", "2026-03-04T19:30:00-06:00", kAna, kC042, "portal", "ok");
  // t-ana's Wednesday ends at 17:00 ...
  EXPECT_EQ(timing_rules(evaluate(engine.get(), late).verdict.get()),
            std::vector<std::string>{"contact-off-hours"});
  // ... until her roster entry is replaced with longer hours.
  ASSERT_EQ(evaluate_line(engine.get(),
                          R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago",
                              "hours":{"wed":["09:00-21:00"]}})")
                .status,
            BG_OK);
  auto later = late;
  later["id"] = "m-2";
  EXPECT_EQ(timing_rules(evaluate(engine.get(), later).verdict.get()), std::vector<std::string>{});
}

// ------------------------------------------------------------------------------------------
// Principles 1 and the decision caps

TEST(AbiEvaluate, ClientMessagesAreNeverHeld) {
  auto engine = must_open("", "", R"({"fail_mode":"closed"})");
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  int n = 0;
  for (const char* channel : {"portal", "practice_sms", "personal_sms", "personal_email",
                              "personal_phone", "social_dm", "other"}) {
    for (const char* at :
         {"2026-03-04T03:00:00-06:00", "2026-03-04T10:00:00-06:00", "2026-03-07T23:59:00-06:00"}) {
      for (const char* body : {"can't sleep, thinking about you, miss you xoxo",
                               "I feel unsafe and want to hurt myself", "text me on my cell"}) {
        const auto m = message("cm-" + std::to_string(n++), at, kC042, kAna, channel, body);
        const auto r = evaluate(engine.get(), m);
        ASSERT_EQ(r.status, BG_OK) << r.error;
        EXPECT_EQ(api().verdict_decision(r.verdict.get()), BG_DECISION_ALLOW) << m.dump();
        for (const auto& f : findings(r.verdict.get())) {
          EXPECT_LE(f.severity, BG_SEVERITY_LOW) << f.rule << " on " << m.dump();
          EXPECT_EQ(f.decision, BG_DECISION_ALLOW) << f.rule << " on " << m.dump();
        }
      }
    }
  }
}

TEST(AbiEvaluate, AfterTheFactEventsGetAtMostWarn) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  int n = 0;
  for (const char* action : {"follow", "friend_request", "connection_accept", "message", "like",
                             "comment", "tag", "profile_view"}) {
    for (const auto& [actor, target] : {std::pair{kAna, kC042}, std::pair{kC042, kAna}}) {
      const auto e =
          social("s-" + std::to_string(n++), "2026-03-07T23:00:00-06:00", action, actor, target);
      const auto r = evaluate(engine.get(), e);
      ASSERT_EQ(r.status, BG_OK) << r.error;
      EXPECT_LE(api().verdict_decision(r.verdict.get()), BG_DECISION_WARN) << e.dump();
      for (const auto& f : findings(r.verdict.get())) EXPECT_LE(f.decision, BG_DECISION_WARN);
    }
  }
  for (const char* kind : {"fee", "copay", "refund", "gift", "loan", "barter", "tip", "other"}) {
    for (const auto& [from, to] : {std::pair{kAna, kC042}, std::pair{kC042, kAna}}) {
      const auto e =
          payment("p-" + std::to_string(n++), "2026-03-07T23:00:00-06:00", from, to, kind, 500);
      const auto r = evaluate(engine.get(), e);
      ASSERT_EQ(r.status, BG_OK) << r.error;
      EXPECT_LE(api().verdict_decision(r.verdict.get()), BG_DECISION_WARN) << e.dump();
      for (const auto& f : findings(r.verdict.get())) EXPECT_LE(f.decision, BG_DECISION_WARN);
    }
  }
}

// ------------------------------------------------------------------------------------------
// Verdict accessors

TEST(AbiEvaluate, VerdictJsonMatchesTheAccessors) {
  TempDir dir;
  auto engine = must_open("", dir.file("audit.sqlite"));
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto r = evaluate(engine.get(), message("m-1", "2026-03-04T20:00:00-06:00", kAna, kC042,
                                                "personal_sms", "can't sleep lol"));
  ASSERT_EQ(r.status, BG_OK) << r.error;
  const bg_verdict* v = r.verdict.get();
  const bg_str raw = api().verdict_json(v);
  ASSERT_NE(raw.data, nullptr);
  EXPECT_EQ(raw.data[raw.size], '\0') << "NUL-terminated";
  EXPECT_EQ(std::strlen(raw.data), raw.size) << "one line, no embedded NUL";
  EXPECT_EQ(std::string(raw.data, raw.size).find('\n'), std::string::npos) << "one line";

  const auto line = Json::parse(text(raw));
  EXPECT_EQ(line["event"], "m-1");
  EXPECT_EQ(line["decision"], "warn");
  EXPECT_EQ(api().verdict_decision(v), BG_DECISION_WARN);
  EXPECT_EQ(line["notice"], text(api().verdict_notice(v)));
  EXPECT_EQ(line["audit_id"], text(api().verdict_audit_id(v)));
  EXPECT_NE(text(api().verdict_audit_id(v)), "");
  const auto all = findings(v);
  ASSERT_EQ(line["findings"].size(), all.size());
  ASSERT_GE(all.size(), 2u);
  static constexpr const char* kSeverities[] = {"info", "low", "medium", "high", "critical"};
  static constexpr const char* kDecisions[] = {"allow", "warn", "hold", "block"};
  for (size_t i = 0; i < all.size(); ++i) {
    const auto& j = line["findings"][i];
    EXPECT_EQ(j["rule"], all[i].rule);
    EXPECT_EQ(j["category"], all[i].category);
    EXPECT_EQ(j["severity"], kSeverities[all[i].severity]);
    EXPECT_EQ(j["decision"], kDecisions[all[i].decision]);
    EXPECT_EQ(j["explanation"], all[i].explanation);
    EXPECT_EQ(j["citations"].get<std::vector<std::string>>(), all[i].citations);
    ASSERT_EQ(j["evidence"].size(), all[i].evidence.size());
    for (size_t k = 0; k < all[i].evidence.size(); ++k) {
      EXPECT_EQ(j["evidence"][k]["start"], all[i].evidence[k].start);
      EXPECT_EQ(j["evidence"][k]["end"], all[i].evidence[k].end);
      EXPECT_EQ(j["evidence"][k]["text"], all[i].evidence[k].text);
    }
    EXPECT_EQ(j.value("suppressed_by", ""), all[i].suppressed_by);
  }
  const size_t text_off_hours = finding_index(v, "personal-text-off-hours");
  const size_t channel = finding_index(v, "therapist-personal-channel");
  ASSERT_LT(text_off_hours, all.size());
  ASSERT_LT(channel, all.size());
  EXPECT_EQ(all[text_off_hours].category, "off_hours");
  EXPECT_EQ(all[text_off_hours].severity, BG_SEVERITY_HIGH);
  EXPECT_EQ(all[channel].category, "personal_channel");
  EXPECT_EQ(all[channel].severity, BG_SEVERITY_MEDIUM);
  // The verdict's notice carries every finding's notice, the most severe first.
  const std::string notice = text(api().verdict_notice(v));
  bg_severity worst = BG_SEVERITY_INFO;
  for (const auto& f : all) worst = std::max(worst, f.severity);
  bool leads = false;
  for (const auto& f : all) {
    EXPECT_NE(notice.find(f.notice), std::string::npos) << f.rule;
    if (f.severity == worst && notice.rfind(f.notice, 0) == 0) leads = true;
  }
  EXPECT_TRUE(leads) << notice;
}

TEST(AbiEvaluate, EvidenceOffsetsAreBytesIntoTheOriginalText) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const std::string body =
      "Caf\xC3\xA9 \xF0\x9F\x98\x80 earlier... can\xE2\x80\x99t sleep, miss you";
  const auto r = evaluate(engine.get(), message("m-1", "2026-03-04T23:00:00-06:00", kAna, kC042,
                                                "practice_sms", body.c_str()));
  ASSERT_EQ(r.status, BG_OK) << r.error;
  const auto all = findings(r.verdict.get());
  for (const auto& f : all) {
    for (const auto& span : f.evidence) {
      ASSERT_LE(span.start, span.end) << f.rule;
      ASSERT_LE(span.end, body.size()) << f.rule;
      EXPECT_EQ(body.substr(span.start, span.end - span.start), span.text) << f.rule;
    }
  }
  const size_t i = finding_index(r.verdict.get(), "personal-text-off-hours");
  ASSERT_LT(i, all.size()) << verdict_json(r.verdict.get());
  ASSERT_FALSE(all[i].evidence.empty());
  EXPECT_EQ(all[i].evidence[0].text, "can\xE2\x80\x99t sleep");
}

TEST(AbiEvaluate, RepeatedIdReturnsTheFirstVerdict) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  const auto first = evaluate(engine.get(), message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042,
                                                    "practice_sms", "can't sleep"));
  // Same id, other content: still the first verdict.
  const auto again = evaluate(
      engine.get(), message("m-1", "2026-03-04T10:00:00-06:00", kAna, kC042, "portal", "See you"));
  StructEvent s{message("m-1", "2026-03-04T10:00:00-06:00", kAna, kC042, "portal", "See you")};
  const auto as_struct = evaluate_struct(engine.get(), s.type(), s.get());
  ASSERT_EQ(first.status, BG_OK);
  ASSERT_EQ(again.status, BG_OK);
  ASSERT_EQ(as_struct.status, BG_OK);
  EXPECT_EQ(timing_rules(first.verdict.get()), std::vector<std::string>{"personal-text-off-hours"});
  EXPECT_EQ(verdict_json(again.verdict.get()), verdict_json(first.verdict.get()));
  EXPECT_EQ(verdict_json(as_struct.verdict.get()), verdict_json(first.verdict.get()));
}

TEST(AbiEvaluate, VerdictOutlivesItsEngine) {
  Verdict kept;
  std::string json;
  {
    auto engine = must_open();
    ASSERT_NE(engine, nullptr);
    load_roster(engine.get());
    auto r = evaluate(engine.get(), message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042,
                                            "practice_sms", "can't sleep"));
    ASSERT_EQ(r.status, BG_OK);
    json = verdict_json(r.verdict.get());
    kept = std::move(r.verdict);
  }
  EXPECT_EQ(verdict_json(kept.get()), json);
  EXPECT_EQ(text(api().verdict_event_id(kept.get())), "m-1");
  EXPECT_EQ(timing_rules(kept.get()), std::vector<std::string>{"personal-text-off-hours"});
}

// ------------------------------------------------------------------------------------------
// verdict_finding and struct sizes

class AbiVerdictFinding : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = must_open();
    ASSERT_NE(engine_, nullptr);
    load_roster(engine_.get());
    auto r = evaluate(engine_.get(), message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042,
                                             "practice_sms", "can't sleep"));
    ASSERT_EQ(r.status, BG_OK);
    verdict_ = std::move(r.verdict);
    index_ = finding_index(verdict_.get(), "personal-text-off-hours");
    count_ = api().verdict_finding_count(verdict_.get());
    ASSERT_LT(index_, count_) << verdict_json(verdict_.get());
  }

  EngineHandle engine_;
  Verdict verdict_;
  size_t index_ = 0;  // the personal-text-off-hours finding
  size_t count_ = 0;
};

// bg_finding has had every field since ABI 1.0, so a struct_size below that is a caller bug:
// refused, and nothing past struct_size is written.
TEST_F(AbiVerdictFinding, StructSizeSmallerThanVersionOneIsRefusedAndNothingIsWritten) {
  for (const size_t size :
       {size_t{0}, offsetof(bg_finding, severity), offsetof(bg_finding, citations),
        offsetof(bg_finding, evidence_count)}) {
    alignas(bg_finding) unsigned char buffer[sizeof(bg_finding)];
    std::memset(buffer, 0xAB, sizeof buffer);
    const uint32_t struct_size = static_cast<uint32_t>(size);
    std::memcpy(buffer, &struct_size, sizeof struct_size);
    EXPECT_EQ(api().verdict_finding(verdict_.get(), index_, reinterpret_cast<bg_finding*>(buffer)),
              BG_E_INVALID_ARGUMENT)
        << "struct_size " << size;
    for (size_t i = sizeof struct_size; i < sizeof buffer; ++i) {
      ASSERT_EQ(buffer[i], 0xAB) << "byte " << i << " written for struct_size " << size;
    }
  }
}

// A newer host's bg_finding: the plugin fills the fields it knows and keeps struct_size.
TEST_F(AbiVerdictFinding, LargerStructSizeFillsTheKnownFields) {
  struct NewerFinding {
    bg_finding v1;
    uint64_t added_later[3];
  } newer;
  std::memset(&newer, 0, sizeof newer);
  newer.v1.struct_size = static_cast<uint32_t>(sizeof newer);
  ASSERT_EQ(api().verdict_finding(verdict_.get(), index_, &newer.v1), BG_OK);
  EXPECT_EQ(newer.v1.struct_size, sizeof newer);
  EXPECT_EQ(text(newer.v1.rule), "personal-text-off-hours");
  const FindingView known = findings(verdict_.get())[index_];
  ASSERT_EQ(newer.v1.citation_count, known.citations.size());
  ASSERT_GE(newer.v1.citation_count, 1u);
  EXPECT_EQ(text(newer.v1.citations[0]), known.citations[0]);
  ASSERT_GE(newer.v1.evidence_count, 1u);
  EXPECT_EQ(text(newer.v1.evidence[0].text), "can't sleep");
  for (const uint64_t tail : newer.added_later) EXPECT_EQ(tail, 0u) << "written past our size";
}

TEST_F(AbiVerdictFinding, IndexOutOfRangeIsInvalidArgument) {
  bg_finding f{};
  f.struct_size = static_cast<uint32_t>(sizeof f);
  EXPECT_EQ(api().verdict_finding(verdict_.get(), count_, &f), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api().verdict_finding(verdict_.get(), SIZE_MAX, &f), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api().verdict_finding(verdict_.get(), 0, nullptr), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(api().verdict_finding(nullptr, 0, &f), BG_E_INVALID_ARGUMENT);
}

TEST_F(AbiVerdictFinding, StringsAndArraysLiveAsLongAsTheVerdict) {
  bg_finding f{};
  f.struct_size = static_cast<uint32_t>(sizeof f);
  ASSERT_EQ(api().verdict_finding(verdict_.get(), index_, &f), BG_OK);
  ASSERT_GE(f.citation_count, 1u);
  ASSERT_GE(f.evidence_count, 1u);
  const std::string citation = text(f.citations[0]);
  const std::string explanation = text(f.explanation);
  const bg_str notice = api().verdict_notice(verdict_.get());
  // Other calls on the engine and other verdicts do not disturb them.
  for (int i = 0; i < 50; ++i) {
    evaluate(engine_.get(), message("x-" + std::to_string(i), "2026-03-04T23:15:00-06:00", kAna,
                                    kC042, "practice_sms", "lol"));
  }
  EXPECT_EQ(text(f.rule), "personal-text-off-hours");
  EXPECT_EQ(text(f.citations[0]), citation);
  EXPECT_EQ(text(f.explanation), explanation);
  EXPECT_EQ(text(f.evidence[0].text), "can't sleep");
  EXPECT_EQ(notice.data, api().verdict_notice(verdict_.get()).data);
  EXPECT_EQ(f.explanation.data[f.explanation.size], '\0') << "NUL-terminated for convenience";
}

// ------------------------------------------------------------------------------------------
// NULL handles and arguments

TEST(AbiNullHandles, AreSafe) {
  const bg_api& a = api();
  a.engine_close(nullptr);
  a.verdict_free(nullptr);
  EXPECT_EQ(a.last_error(nullptr).size, 0u);
  EXPECT_EQ(a.verdict_event_id(nullptr).size, 0u);
  EXPECT_EQ(a.verdict_decision(nullptr), BG_DECISION_ALLOW);
  EXPECT_EQ(a.verdict_notice(nullptr).size, 0u);
  EXPECT_EQ(a.verdict_audit_id(nullptr).size, 0u);
  EXPECT_EQ(a.verdict_finding_count(nullptr), 0u);
  EXPECT_EQ(a.verdict_json(nullptr).size, 0u);
  bg_finding f{};
  f.struct_size = static_cast<uint32_t>(sizeof f);
  EXPECT_EQ(a.verdict_finding(nullptr, 0, &f), BG_E_INVALID_ARGUMENT);

  const std::string line = R"({"type":"client","id":"c-1","therapist":"t-1"})";
  bg_verdict* out = reinterpret_cast<bg_verdict*>(&out);
  EXPECT_EQ(a.evaluate_json(nullptr, view(line), &out), BG_E_INVALID_ARGUMENT);
  StructEvent s{Json::parse(line)};
  EXPECT_EQ(a.evaluate_struct(nullptr, s.type(), s.get(), &out), BG_E_INVALID_ARGUMENT);
  bg_outcome o{};
  o.struct_size = static_cast<uint32_t>(sizeof o);
  o.kind = BG_OUTCOME_SENT;
  EXPECT_EQ(a.record_outcome(nullptr, &o), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(a.reload_policy(nullptr, view("")), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(a.flush(nullptr), BG_E_INVALID_ARGUMENT);

  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(a.evaluate_json(engine.get(), view(line), nullptr), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(a.evaluate_struct(engine.get(), s.type(), s.get(), nullptr), BG_E_INVALID_ARGUMENT);
  out = reinterpret_cast<bg_verdict*>(&out);
  EXPECT_EQ(a.evaluate_struct(engine.get(), s.type(), nullptr, &out), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(a.record_outcome(engine.get(), nullptr), BG_E_INVALID_ARGUMENT);
  out = reinterpret_cast<bg_verdict*>(&out);
  EXPECT_EQ(a.evaluate_json(engine.get(), bg_str{nullptr, 4}, &out), BG_E_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(a.reload_policy(engine.get(), bg_str{nullptr, 4}), BG_E_INVALID_ARGUMENT);
  // The engine is still fine.
  EXPECT_EQ(evaluate_line(engine.get(), line).status, BG_OK);
}

// ------------------------------------------------------------------------------------------
// Event struct sizes

TEST(AbiEventStructs, SizeRulesApplyToEveryEventStruct) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  std::vector<Json> events = roster();
  events.push_back(message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042, "portal", "hi"));
  events.push_back(appointment("a-1", "created", "2026-03-05T10:00:00-06:00",
                               "2026-03-05T10:50:00-06:00", "t-ana", "c-042", "office"));
  events.push_back(social("s-1", "2026-03-05T14:00:00-06:00", "like", kAna, kC042));
  events.push_back(payment("p-1", "2026-03-05T14:00:00-06:00", kC042, kAna, "fee", 100));
  for (const Json& event : events) {
    StructEvent s{event};
    const size_t size = s.size();
    std::vector<unsigned char> bytes(size + 16, 0);
    std::memcpy(bytes.data(), s.get(), size);
    auto set_size = [&](size_t n) {
      const uint32_t v = static_cast<uint32_t>(n);
      std::memcpy(bytes.data(), &v, sizeof v);
    };
    // Older than any version: refused.
    set_size(size - 1);
    EXPECT_EQ(evaluate_struct(engine.get(), s.type(), bytes.data()).status, BG_E_INVALID_ARGUMENT)
        << event.dump();
    set_size(0);
    EXPECT_EQ(evaluate_struct(engine.get(), s.type(), bytes.data()).status, BG_E_INVALID_ARGUMENT)
        << event.dump();
    // Newer, with the unknown tail zero: fine.
    set_size(size + 16);
    auto ok = evaluate_struct(engine.get(), s.type(), bytes.data());
    EXPECT_EQ(ok.status, BG_OK) << event.dump() << ": " << ok.error;
    // Newer, with a field this plugin does not know set: unsupported.
    bytes[size + 9] = 1;
    const auto unsupported = evaluate_struct(engine.get(), s.type(), bytes.data());
    EXPECT_EQ(unsupported.status, BG_E_UNSUPPORTED) << event.dump();
    EXPECT_EQ(unsupported.verdict, nullptr);
    EXPECT_NE(unsupported.error, "");
  }
}

TEST(AbiEventStructs, UnknownEventTypeIsInvalidArgument) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  StructEvent s{message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042, "portal", "hi")};
  for (const bg_event_type type : {0, 8, -1, 1000}) {
    const auto r = evaluate_struct(engine.get(), type, s.get());
    EXPECT_EQ(r.status, BG_E_INVALID_ARGUMENT) << type;
    EXPECT_EQ(r.verdict, nullptr);
    EXPECT_NE(r.error, "");
  }
}

TEST(AbiEventStructs, BadEnumAndStringArgumentsAreInvalidArgument) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  {
    StructEvent s{message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042, "portal", "hi")};
    auto m = *static_cast<const bg_message_event*>(s.get());
    m.from.role = 0;
    EXPECT_EQ(evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m).status, BG_E_INVALID_ARGUMENT);
    m.from.role = BG_ROLE_CLIENT + 1;
    EXPECT_EQ(evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m).status, BG_E_INVALID_ARGUMENT);
    m.from.role = BG_ROLE_THERAPIST;
    m.channel = bg_str{nullptr, 3};
    EXPECT_EQ(evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m).status, BG_E_INVALID_ARGUMENT);
    m.channel = view("portal");
    m.id = bg_str{nullptr, 3};
    EXPECT_EQ(evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m).status, BG_E_INVALID_ARGUMENT);
  }
  {
    StructEvent s{Json::parse(R"({"type":"boundary_extension","id":"bx-9","therapist":"t-ana",
        "client":"c-042","covers":["off_hours"],"reason":"r","approved_by":"s-lee",
        "from":"2026-03-01","until":"2026-03-02"})")};
    auto x = *static_cast<const bg_extension_event*>(s.get());
    x.covers = nullptr;
    EXPECT_EQ(evaluate_struct(engine.get(), BG_EVENT_EXTENSION, &x).status, BG_E_INVALID_ARGUMENT);
  }
}

// bg_str's rule (data NULL only with size 0) holds for message text too: {NULL, 3} is not "no
// text" but a caller bug, as it is for every other string field.
TEST(AbiEventStructs, TextWithNullDataAndASizeIsInvalidArgument) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  load_roster(engine.get());
  StructEvent s{message("m-1", "2026-03-04T23:15:00-06:00", kAna, kC042, "portal", "hi")};
  auto m = *static_cast<const bg_message_event*>(s.get());
  m.text = bg_str{nullptr, 3};
  const auto r = evaluate_struct(engine.get(), BG_EVENT_MESSAGE, &m);
  EXPECT_EQ(r.status, BG_E_INVALID_ARGUMENT) << verdict_json(r.verdict.get());
  EXPECT_EQ(r.verdict, nullptr);
}

// ------------------------------------------------------------------------------------------
// last_error

TEST(AbiLastError, IsPerThreadAndValidUntilTheNextCall) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  bg_verdict* out = nullptr;
  ASSERT_EQ(
      api().evaluate_json(engine.get(), view(R"({"type":"message","id":"main-thread"})"), &out),
      BG_E_BAD_EVENT);
  const bg_str mine = api().last_error(engine.get());
  const std::string copy = text(mine);
  ASSERT_THAT(copy, HasSubstr("main-thread"));

  // Other threads fail with their own messages, many times, all at once.
  std::vector<std::thread> threads;
  std::vector<std::string> seen(8);
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      const std::string id = "thread-" + std::to_string(t);
      const std::string line = R"({"type":"message","id":")" + id + R"("})";
      for (int i = 0; i < 200; ++i) {
        bg_verdict* v = nullptr;
        api().evaluate_json(engine.get(), view(line), &v);
        api().verdict_free(v);
      }
      seen[t] = text(api().last_error(engine.get()));
    });
  }
  for (auto& thread : threads) thread.join();
  for (size_t t = 0; t < seen.size(); ++t) {
    EXPECT_THAT(seen[t], HasSubstr("thread-" + std::to_string(t)));
    EXPECT_THAT(seen[t], ::testing::Not(HasSubstr("main-thread")));
  }
  // This thread's view is untouched: same bytes, same place.
  EXPECT_EQ(std::string(mine.data, mine.size), copy);
  EXPECT_EQ(text(api().last_error(engine.get())), copy);
  EXPECT_EQ(mine.data[mine.size], '\0');
}

// A thread that has not failed a call has no message, even when an earlier thread (whose id the
// system may reuse) failed one.
TEST(AbiLastError, NewThreadStartsWithoutAMessage) {
  auto engine = must_open();
  ASSERT_NE(engine, nullptr);
  std::thread([&] {
    EXPECT_EQ(evaluate_line(engine.get(), R"({"type":"message","id":"earlier-thread"})").status,
              BG_E_BAD_EVENT);
  }).join();
  for (int i = 0; i < 4; ++i) {
    std::string fresh = "unset";
    std::thread([&] { fresh = text(api().last_error(engine.get())); }).join();
    EXPECT_EQ(fresh, "") << "a new thread sees another thread's message";
  }
}

TEST(AbiLastError, IsPerEngine) {
  auto a = must_open();
  auto b = must_open();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(evaluate_line(a.get(), R"({"type":"message","id":"on-a"})").status, BG_E_BAD_EVENT);
  EXPECT_THAT(last_error(a.get()), HasSubstr("on-a"));
  EXPECT_EQ(last_error(b.get()), "");
}

}  // namespace
}  // namespace bgtest
