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

TEST(ContactDetector, PhoneDigitsDropTheCountryCode) {
  EXPECT_EQ(phone_digits("+1 (312) 555-0100"), "3125550100");
  EXPECT_EQ(phone_digits("555-0100"), "5550100");
}

}  // namespace
}  // namespace bg
