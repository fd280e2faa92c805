// Daylight saving time at the US transitions of 2026, for a therapist in America/Chicago who
// works 08:00-18:00 every day:
//   spring forward: Sun 2026-03-08 02:00 CST (UTC-6) -> 03:00 CDT (UTC-5)
//   fall back:      Sun 2026-11-01 02:00 CDT (UTC-5) -> 01:00 CST (UTC-6)
// Each event is given once with the local offset and once in UTC (and as a C struct, whose times
// are UTC milliseconds): the engine must place it on the same local clock every time.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "abi_test_support.h"

namespace bgtest {
namespace {

using ::testing::HasSubstr;

std::vector<Json> dst_roster() {
  return {
      Json::parse(R"({"type":"therapist","id":"t-dst","time_zone":"America/Chicago",
        "hours":{"mon":["08:00-18:00"],"tue":["08:00-18:00"],"wed":["08:00-18:00"],
                 "thu":["08:00-18:00"],"fri":["08:00-18:00"],"sat":["08:00-18:00"],
                 "sun":["08:00-18:00"]}})"),
      Json::parse(R"({"type":"client","id":"c-chi","therapist":"t-dst"})"),
      Json::parse(R"({"type":"client","id":"c-phx","therapist":"t-dst",
        "time_zone":"America/Phoenix"})"),
  };
}

Json dst_message(const std::string& id, const std::string& at, const std::string& client) {
  return message(id, at, therapist_party("t-dst"), client_party(client), "portal",
                 "Reminder: your appointment is on Thursday.");
}

Json dst_session(const std::string& id, const std::string& start, const std::string& end) {
  return appointment(id, "created", start, end, "t-dst", "c-chi", "office");
}

struct DstCase {
  const char* name;
  std::vector<Json> forms;         // the same instant(s) written differently
  std::vector<std::string> rules;  // expected, in order
  std::vector<std::string> explanation_parts;
  const char* notice_part;  // "" for none
};

std::ostream& operator<<(std::ostream& out, const DstCase& c) { return out << c.name; }

std::vector<DstCase> dst_cases() {
  return {
      // The morning after spring forward.
      {"SpringForwardNextDay0730IsOffHours",
       {dst_message("sf-1", "2026-03-09T07:30:00-05:00", "c-chi"),
        dst_message("sf-1", "2026-03-09T12:30:00Z", "c-chi")},
       {"contact-off-hours"},
       {"Sent Mon 07:30 America/Chicago, outside t-dst's hours (Mon 08:00-18:00)",
        "Mon 07:30 for the client (America/Chicago"},
       "It's Mon 07:30, outside your working hours (Mon 08:00-18:00)"},
      {"SpringForwardNextDay0830IsInsideHours",
       {dst_message("sf-2", "2026-03-09T08:30:00-05:00", "c-chi"),
        dst_message("sf-2", "2026-03-09T13:30:00Z", "c-chi")},
       {},
       {},
       ""},
      // The transition day itself, on both sides of the gap.
      {"SpringForwardDay0159StandardTime",
       {dst_message("sf-3", "2026-03-08T01:59:00-06:00", "c-chi"),
        dst_message("sf-3", "2026-03-08T07:59:00Z", "c-chi")},
       {"contact-off-hours"},
       {"Sent Sun 01:59 America/Chicago"},
       "It's Sun 01:59"},
      {"SpringForwardDay0300JustAfterTheGap",
       {dst_message("sf-4", "2026-03-08T03:00:00-05:00", "c-chi"),
        dst_message("sf-4", "2026-03-08T08:00:00Z", "c-chi")},
       {"contact-off-hours"},
       {"Sent Sun 03:00 America/Chicago"},
       "It's Sun 03:00"},
      {"SpringForwardDay0800IsInsideHours",
       {dst_message("sf-5", "2026-03-08T08:00:00-05:00", "c-chi"),
        dst_message("sf-5", "2026-03-08T13:00:00Z", "c-chi")},
       {},
       {},
       ""},
      // Phoenix keeps UTC-7: after spring forward, 09:30 in Chicago is 07:30 there.
      {"PhoenixClientInQuietHoursAfterSpringForward",
       {dst_message("sf-6", "2026-03-09T09:30:00-05:00", "c-phx"),
        dst_message("sf-6", "2026-03-09T14:30:00Z", "c-phx")},
       {"client-quiet-hours"},
       {"Sent Mon 09:30 America/Chicago, inside t-dst's hours",
        "Mon 07:30 for the client (America/Phoenix"},
       "It's Mon 07:30 for the client (America/Phoenix)"},
      {"PhoenixClientNotInQuietHoursBeforeSpringForward",
       {dst_message("sf-7", "2026-03-06T09:30:00-06:00", "c-phx"),
        dst_message("sf-7", "2026-03-06T15:30:00Z", "c-phx")},
       {},
       {},
       ""},
      // Fall back: a session across the repeated hour, and one inside it.
      {"FallBackSessionAcrossTheRepeatedHour",
       {dst_session("fb-1", "2026-11-01T00:45:00-05:00", "2026-11-01T01:45:00-06:00"),
        dst_session("fb-1", "2026-11-01T05:45:00Z", "2026-11-01T07:45:00Z")},
       {"session-off-hours"},
       {"Session Sun 00:45 to Sun 01:45 America/Chicago is outside t-dst's hours (Sun "
        "08:00-18:00)"},
       "This session (Sun 00:45)"},
      {"FallBackSessionInsideTheRepeatedHour",
       {dst_session("fb-2", "2026-11-01T01:30:00-05:00", "2026-11-01T01:20:00-06:00"),
        dst_session("fb-2", "2026-11-01T06:30:00Z", "2026-11-01T07:20:00Z")},
       {"session-off-hours"},
       {"Session Sun 01:30 to Sun 01:20 America/Chicago"},
       "This session (Sun 01:30)"},
      {"FallBackMessageInTheFirstCopyOfTheHour",
       {dst_message("fb-3", "2026-11-01T01:30:00-05:00", "c-chi"),
        dst_message("fb-3", "2026-11-01T06:30:00Z", "c-chi")},
       {"contact-off-hours"},
       {"Sent Sun 01:30 America/Chicago"},
       "It's Sun 01:30"},
      {"FallBackMessageInTheSecondCopyOfTheHour",
       {dst_message("fb-4", "2026-11-01T01:30:00-06:00", "c-chi"),
        dst_message("fb-4", "2026-11-01T07:30:00Z", "c-chi")},
       {"contact-off-hours"},
       {"Sent Sun 01:30 America/Chicago"},
       "It's Sun 01:30"},
      // The day of and after fall back, on standard time.
      {"FallBackDay0730IsOffHours",
       {dst_message("fb-5", "2026-11-01T07:30:00-06:00", "c-chi"),
        dst_message("fb-5", "2026-11-01T13:30:00Z", "c-chi")},
       {"contact-off-hours"},
       {"Sent Sun 07:30 America/Chicago, outside t-dst's hours (Sun 08:00-18:00)"},
       "It's Sun 07:30"},
      {"FallBackNextDaySessionAt0730IsOffHours",
       {dst_session("fb-6", "2026-11-02T07:30:00-06:00", "2026-11-02T08:20:00-06:00"),
        dst_session("fb-6", "2026-11-02T13:30:00Z", "2026-11-02T14:20:00Z")},
       {"session-off-hours"},
       {"Session Mon 07:30 to Mon 08:20 America/Chicago"},
       "This session (Mon 07:30)"},
      {"FallBackNextDaySessionAt0800IsInsideHours",
       {dst_session("fb-7", "2026-11-02T08:00:00-06:00", "2026-11-02T08:50:00-06:00"),
        dst_session("fb-7", "2026-11-02T14:00:00Z", "2026-11-02T14:50:00Z")},
       {},
       {},
       ""},
      {"FallBackNextDaySessionEndingAt1810IsOffHours",
       {dst_session("fb-8", "2026-11-02T17:20:00-06:00", "2026-11-02T18:10:00-06:00"),
        dst_session("fb-8", "2026-11-02T23:20:00Z", "2026-11-03T00:10:00Z")},
       {"session-off-hours"},
       {"Session Mon 17:20 to Mon 18:10 America/Chicago"},
       "This session (Mon 17:20)"},
  };
}

class AbiDst : public ::testing::TestWithParam<DstCase> {};

TEST_P(AbiDst, LocalTimesAreRight) {
  const DstCase& c = GetParam();
  std::string reference;
  for (size_t form = 0; form < c.forms.size(); ++form) {
    // A fresh engine per form: a repeated id would return the first verdict.
    auto json_engine = must_open();
    auto struct_engine = must_open();
    ASSERT_NE(json_engine, nullptr);
    ASSERT_NE(struct_engine, nullptr);
    for (const auto& event : dst_roster()) {
      ASSERT_EQ(evaluate(json_engine.get(), event).status, BG_OK);
      ASSERT_EQ(evaluate(struct_engine.get(), event).status, BG_OK);
    }
    const Json& event = c.forms[form];
    const auto r = evaluate(json_engine.get(), event);
    ASSERT_EQ(r.status, BG_OK) << event.dump() << ": " << r.error;
    const bg_verdict* v = r.verdict.get();
    EXPECT_EQ(timing_rules(v), c.rules) << event.dump() << "\n" << verdict_json(v);
    const auto all = findings(v);
    if (!c.rules.empty()) {
      const size_t first = finding_index(v, c.rules.front());
      ASSERT_LT(first, all.size());
      for (const auto& part : c.explanation_parts) {
        EXPECT_THAT(all[first].explanation, HasSubstr(part)) << event.dump();
      }
      EXPECT_THAT(all[first].notice, HasSubstr(c.notice_part)) << event.dump();
    }
    if (form == 0) {
      reference = verdict_json(v);
    } else {
      EXPECT_EQ(verdict_json(v), reference) << "the UTC form gives another verdict";
    }
    StructEvent s{event};
    const auto from_struct = evaluate_struct(struct_engine.get(), s.type(), s.get());
    ASSERT_EQ(from_struct.status, BG_OK) << from_struct.error;
    EXPECT_EQ(verdict_json(from_struct.verdict.get()), reference) << "the struct form differs";
  }
}

INSTANTIATE_TEST_SUITE_P(Transitions2026, AbiDst, ::testing::ValuesIn(dst_cases()),
                         [](const ::testing::TestParamInfo<DstCase>& param_info) {
                           return std::string{param_info.param.name};
                         });

}  // namespace
}  // namespace bgtest
