#include "detectors/contact_detector.h"

#include <gtest/gtest.h>

#include "policy/policy.h"

namespace bg {
namespace {

TEST(ContactDetector, FindsPersonalNumbersAndAddresses) {
  PolicySettings settings;
  const auto found = find_contact_details(
      "text me at 602-555-0173 or (602) 555 0174, mail jane.k@gmail.com", settings);
  ASSERT_EQ(found.phone_numbers.size(), 2u);
  EXPECT_EQ(found.phone_numbers[0].text, "602-555-0173");
  ASSERT_EQ(found.emails.size(), 1u);
  EXPECT_EQ(found.emails[0].text, "jane.k@gmail.com");
}

TEST(ContactDetector, IgnoresCrisisLinesPracticeNumbersAndCodes) {
  PolicySettings settings;
  settings.practice_numbers = {"+1 (312) 555-0100"};
  settings.practice_email_domains = {"harborlight.example"};
  const auto found = find_contact_details(
      "Call 988 or 1-800-273-8255, the office at 312.555.0100 or 555-0100, buzz 4417, "
      "intake@harborlight.example or billing@mail.harborlight.example, order #5550173123x",
      settings);
  EXPECT_TRUE(found.phone_numbers.empty()) << found.phone_numbers[0].text;
  EXPECT_TRUE(found.emails.empty());
}

// Regression (detection review): a hotline on a toll-free number that no list named was read
// as the therapist's personal number.
TEST(ContactDetector, TollFreeNumbersAreNeverPersonal) {
  PolicySettings settings;
  const auto found = find_contact_details(
      "The hotline is 1-800-799-7233, the pharmacy 888 555 0199, or (877) 555-0123; my cell is "
      "312-555-0177",
      settings);
  ASSERT_EQ(found.phone_numbers.size(), 1u);
  EXPECT_EQ(found.phone_numbers[0].text, "312-555-0177");
}

// A number typed one digit at a time is still a number (labelling guide: "5 5 5 - 0 1 4 2");
// a list of scores or a short code typed the same way is not.
TEST(ContactDetector, FindsNumbersTypedOneDigitAtATime) {
  PolicySettings settings;
  const auto found = find_contact_details(
      "my personal: 7 2 0 - 5 5 5 - 0 1 2 8, or 5 5 5 - 0 1 4 2 from the landline", settings);
  ASSERT_EQ(found.phone_numbers.size(), 2u);
  EXPECT_EQ(found.phone_numbers[0].text, "7 2 0 - 5 5 5 - 0 1 2 8");
  EXPECT_EQ(found.phone_numbers[1].text, "5 5 5 - 0 1 4 2");
  EXPECT_TRUE(find_contact_details("PHQ-9 went 18 - 14 - 12 - 9, code 4 4 1 7", settings)
                  .phone_numbers.empty());
  EXPECT_EQ(find_contact_details("text 9-1-7-5-5-5-0-1-4-2 anytime", settings).phone_numbers.size(),
            1u);
}

// Regression (round 22 review): a countdown and a list of item scores were read as numbers.
TEST(ContactDetector, CountdownsAndScoreListsAreNotNumbers) {
  PolicySettings settings;
  EXPECT_TRUE(
      find_contact_details("Try counting down slowly: 9 8 7 6 5 4 3 2 1, breathing out", settings)
          .phone_numbers.empty());
  EXPECT_TRUE(find_contact_details("Your item scores were 1 2 2 3 1 0 2 1 0 this week", settings)
                  .phone_numbers.empty());
}

TEST(ContactDetector, NumbersComeBackInTextOrder) {
  PolicySettings settings;
  const auto found =
      find_contact_details("9 1 7 - 5 5 5 - 0 1 9 0 first, then 312-555-0177", settings);
  ASSERT_EQ(found.phone_numbers.size(), 2u);
  EXPECT_EQ(found.phone_numbers[0].text, "9 1 7 - 5 5 5 - 0 1 9 0");
  EXPECT_EQ(found.phone_numbers[1].text, "312-555-0177");
}

TEST(ContactDetector, PhoneDigitsDropTheCountryCode) {
  EXPECT_EQ(phone_digits("+1 (312) 555-0100"), "3125550100");
  EXPECT_EQ(phone_digits("555-0100"), "5550100");
}

}  // namespace
}  // namespace bg
