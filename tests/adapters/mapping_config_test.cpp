// The mapping file: what it reads, its defaults, and every mistake it points at by line.
#include <gtest/gtest.h>

#include "adapter_test_support.h"
#include "adapters/mapping_config.h"

namespace bg::adapters {
namespace {

MappingLoad parse(const std::string& text) { return parse_mapping(text, "m.yaml"); }

std::string problems(const std::string& text) {
  const MappingLoad load = parse(text);
  EXPECT_FALSE(load.config) << text;
  return load.describe();
}

TEST(MappingConfig, HillsideExampleReadsEverySection) {
  const MappingConfig m = test::hillside();
  EXPECT_EQ(m.default_time_zone, "America/Chicago");
  EXPECT_EQ(m.session_without_location, LocationKind::office);
  EXPECT_TRUE(m.session_without_location_set);
  ASSERT_EQ(m.emails.count("ana.ruiz@hillside.example"), 1u);
  EXPECT_EQ(m.emails.at("ana.ruiz@hillside.example").id, "t-ana");
  EXPECT_EQ(m.emails.at("sam.lee@mail.example").role, Role::client);
  ASSERT_EQ(m.numbers.count("+15125550199"), 1u);  // "+1 512 555 0199"
  EXPECT_EQ(m.numbers.at("+15125550199").line, Line::personal);
  EXPECT_EQ(m.numbers.at("+15125550100").line, Line::practice);
  EXPECT_EQ(m.numbers.at("+13035550142").person.id, "c-042");
  EXPECT_EQ(m.fhir_references.at("Practitioner/ana-ruiz").role, Role::therapist);
  EXPECT_EQ(m.fhir.locations.at("Location/elm-st"), LocationKind::office);
  EXPECT_EQ(m.fhir.media.at("https://hillside.example/fhir/CodeSystem/medium|personal-email"),
            Channel::personal_email);
  EXPECT_EQ(m.fhir.media.at("EMAILWRIT"), Channel::practice_email);  // defaults stay
  // The practice's setting rules come before the built-in ones.
  ASSERT_GE(m.settings.size(), 3u);
  EXPECT_EQ(m.settings[0].contains, "412 elm st");
  EXPECT_EQ(match_setting("Suite 3, 412 ELM ST", m)->setting, LocationKind::office);
  EXPECT_EQ(match_setting("https://zoom.us/j/1", m)->setting, LocationKind::telehealth);
  EXPECT_EQ(match_setting("the park", m), nullptr);
  EXPECT_EQ(match_setting("", m), nullptr);
}

TEST(MappingConfig, DefaultsWithoutAFile) {
  const MappingLoad load = load_mapping_file("");
  ASSERT_TRUE(load.config);
  const MappingConfig& m = *load.config;
  EXPECT_TRUE(m.default_time_zone.empty());
  EXPECT_EQ(m.session_without_location, LocationKind::other);
  EXPECT_FALSE(m.session_without_location_set);
  EXPECT_EQ(m.fhir.encounter_classes.at("VR"), LocationKind::telehealth);
  EXPECT_EQ(m.fhir.encounter_classes.at("HH"), LocationKind::client_home);
  EXPECT_EQ(m.fhir.location_types.at("PTRES"), LocationKind::client_home);
  EXPECT_EQ(m.fhir.physical_types.at("vi"), LocationKind::telehealth);
  EXPECT_EQ(m.fhir.time_zone_extensions.size(), 2u);
  EXPECT_TRUE(parse("").config);
  EXPECT_TRUE(parse("# nothing but a comment\n").config);
}

TEST(MappingConfig, JsonIsAcceptedToo) {
  const MappingLoad load = parse(R"({"default_time_zone":"Europe/Vienna",
    "people":[{"client":"c-1","numbers":["+43 1 555 0100"]}],
    "fhir":{"encounter_classes":{"AMB":"office"}}})");
  ASSERT_TRUE(load.config) << load.describe();
  EXPECT_EQ(load.config->default_time_zone, "Europe/Vienna");
  EXPECT_EQ(load.config->numbers.at("+4315550100").person.id, "c-1");
  EXPECT_EQ(load.config->fhir.encounter_classes.at("AMB"), LocationKind::office);
  EXPECT_EQ(load.config->fhir.encounter_classes.at("VR"), LocationKind::telehealth);
}

TEST(MappingConfig, MistakesArePointedAtByLine) {
  EXPECT_EQ(problems("default_time_zone: Mars/Olympus\n"),
            "m.yaml:1:20: default_time_zone: \"Mars/Olympus\" is not a known IANA time zone such "
            "as America/Chicago\n");
  EXPECT_NE(problems("version: 1\npeeple: []\n")
                .find("m.yaml:2:1: (top level): unknown key "
                      "\"peeple\""),
            std::string::npos);
  EXPECT_NE(problems("version: 2\n").find("reads mapping version 1"), std::string::npos);
  EXPECT_NE(problems("session_without_location: cafe\n").find("\"cafe\" is not one of \"office\""),
            std::string::npos);
  EXPECT_NE(problems("settings:\n  - contains: park\n").find("\"setting\" is required"),
            std::string::npos);
  EXPECT_NE(problems("settings:\n  - {contains: '', setting: office}\n").find("must not be empty"),
            std::string::npos);
  EXPECT_NE(problems("people: {t-ana: x}\n").find("must be a list of people"), std::string::npos);
  EXPECT_NE(problems("people:\n  - {therapist: t-a, client: c-b}\n").find("not both"),
            std::string::npos);
  EXPECT_NE(problems("people:\n  - {emails: [a@b.c]}\n").find("names neither"), std::string::npos);
  EXPECT_NE(
      problems("people:\n  - {client: c-1, emails: [a@b.c]}\n  - {client: c-2, emails: "
               "[A@B.C]}\n")
          .find("m.yaml:3:27: people[1].emails: \"A@B.C\" is listed for more than one person"),
      std::string::npos);
  EXPECT_NE(problems("people:\n  - {client: c-1, emails: [not-an-address]}\n")
                .find("is not an e-mail address"),
            std::string::npos);
  EXPECT_NE(problems("people:\n  - {client: c-1, practice_numbers: ['+15125550100']}\n")
                .find("list a client's under \"numbers\""),
            std::string::npos);
  EXPECT_NE(problems("people:\n  - {therapist: t-1, numbers: ['+15125550100']}\n")
                .find("practice_numbers or personal_numbers"),
            std::string::npos);
  EXPECT_NE(problems("people:\n  - {client: c-1, numbers: ['call me']}\n")
                .find("\"call me\" is not a phone number"),
            std::string::npos);
  EXPECT_NE(problems("people:\n  - {client: c-1, fhir: Patient}\n").find("is not a reference"),
            std::string::npos);
  EXPECT_NE(problems("fhir:\n  locations: {cafe: [Location/1]}\n").find("\"cafe\" is not one of"),
            std::string::npos);
  EXPECT_NE(problems("fhir:\n  media: {EMAILWRIT: carrier_pigeon}\n").find("carrier_pigeon"),
            std::string::npos);
  EXPECT_NE(problems("fhir: {colour: blue}\n").find("unknown key \"colour\""), std::string::npos);
  EXPECT_NE(problems("time_zone_aliases: {X: Nowhere/Town}\n").find("Nowhere/Town"),
            std::string::npos);
  EXPECT_NE(problems("[1, 2]\n").find("(top level): must be a map"), std::string::npos);
  EXPECT_NE(problems("people: [\n").find("m.yaml:2:1: not valid YAML or JSON"), std::string::npos)
      << problems("people: [\n");
}

TEST(MappingConfig, EveryProblemIsListedNotJustTheFirst) {
  const MappingLoad load = parse("default_time_zone: Nowhere\nsession_without_location: bar\n");
  EXPECT_EQ(load.problems.size(), 2u) << load.describe();
}

TEST(MappingConfig, MissingFileSaysSo) {
  const MappingLoad load = load_mapping_file("/nonexistent/mapping.yaml");
  ASSERT_FALSE(load.config);
  EXPECT_EQ(load.describe(), "/nonexistent/mapping.yaml: cannot open the mapping file\n");
}

TEST(MappingConfig, PhoneNumbersAreNormalised) {
  EXPECT_EQ(normalize_phone("+1 (512) 555-0100"), "+15125550100");
  EXPECT_EQ(normalize_phone("%2B15125550100"), "+15125550100");
  EXPECT_EQ(normalize_phone("512.555.0100"), "5125550100");
  EXPECT_EQ(normalize_phone("+1111"), "+1111");
  EXPECT_EQ(normalize_phone("12345"), "12345");  // a short code
  EXPECT_FALSE(normalize_phone("+1A693421974"));
  EXPECT_FALSE(normalize_phone("+12"));
  EXPECT_FALSE(normalize_phone("+1234567890123456"));
  EXPECT_FALSE(normalize_phone("1+2345"));
  EXPECT_FALSE(normalize_phone("%2"));
  EXPECT_FALSE(normalize_phone("%ZZ1234"));
  EXPECT_FALSE(normalize_phone(""));
}

TEST(MappingConfig, EmailsAreNormalised) {
  EXPECT_EQ(normalize_email(" MAILTO:Ana.Ruiz@Hillside.Example "), "ana.ruiz@hillside.example");
  EXPECT_EQ(normalize_email("sam@mail.example"), "sam@mail.example");
  EXPECT_EQ(normalize_email(""), "");
}

}  // namespace
}  // namespace bg::adapters
