// The contact detector: phone numbers and e-mail addresses written in a text that would move
// the conversation to a personal channel. Crisis lines (988, 911, 741741, 1-800-273-8255 and
// any the policy adds) and the practice's own numbers and e-mail domains are not personal.
// Short codes such as a door code ("buzz 4417") are not phone numbers.
#pragma once

#include <vector>

#include "model/evidence.h"

namespace bg {

struct PolicySettings;

struct ContactDetails {
  std::vector<Evidence> phone_numbers;
  std::vector<Evidence> emails;
};

ContactDetails find_contact_details(std::string_view text, const PolicySettings& settings);

// The digits of a phone number, without a leading country code 1: "+1 (312) 555-0100" ->
// "3125550100".
std::string phone_digits(std::string_view number);

}  // namespace bg
