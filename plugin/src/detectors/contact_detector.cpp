#include "detectors/contact_detector.h"

#include <re2/re2.h>

#include <algorithm>

#include "policy/policy.h"

namespace bg {
namespace {

const RE2& phone_pattern() {
  // North American numbers with or without area code, separators optional between groups.
  // One capturing group around the whole: FindAndConsume hands back group 1.
  static const RE2 pattern{
      R"(((?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-]?)?\d{3}[\s.\-]\d{4}\b|\b\d{10}\b|\+?1\d{10}\b))"};
  return pattern;
}

// A number typed one digit at a time ("7 2 0 - 5 5 5 - 0 1 2 8", "5 5 5 - 0 1 4 2",
// "9-1-7-5-5-5-0-1-4-2"): single digits inside each group and a mark between the groups, so a
// list of scores ("18 - 14 - 12 - 9", "1 2 2 3 1 0 2 1 0") or a countdown is not read as one.
const RE2& spaced_phone_pattern() {
  static const RE2 pattern{
      R"(((?:\b1\s+)?(?:\d[ .]\d[ .]\d(?:\s*[\-.,]\s*|\s{2,}))?\d[ .]\d[ .]\d(?:\s*[\-.,]\s*|\s{2,})\d[ .]\d[ .]\d[ .]\d\b|\b\d-\d-\d-\d-\d-\d-\d-\d-\d-\d\b))"};
  return pattern;
}

const RE2& email_pattern() {
  static const RE2 pattern{R"((?i)\b[a-z0-9._%+\-]+@([a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,})\b)"};
  return pattern;
}

bool listed_number(const std::string& digits, const PolicySettings& s) {
  for (const auto& list : {&s.crisis_numbers, &s.practice_numbers}) {
    for (const auto& number : *list) {
      const std::string listed = phone_digits(number);
      if (listed.empty()) continue;
      // A number written without its area code matches a listed number's last seven digits.
      if (digits == listed || (digits.size() == 7 && listed.size() >= 7 &&
                               listed.compare(listed.size() - 7, 7, digits) == 0)) {
        return true;
      }
    }
  }
  return false;
}

// North American toll-free codes (800, 833, 844, 855, 866, 877, 888): hotlines and businesses,
// never a person's own phone ("the domestic violence hotline is 1-800-799-7233").
bool toll_free(const std::string& digits) {
  if (digits.size() != 10) return false;
  const std::string_view area{digits.data(), 3};
  return area == "800" || area == "833" || area == "844" || area == "855" || area == "866" ||
         area == "877" || area == "888";
}

std::string lower(std::string_view s) {
  std::string out{s};
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void find_phone_numbers(std::string_view text, const RE2& pattern, const PolicySettings& settings,
                        std::vector<Evidence>& found) {
  re2::StringPiece input{text.data(), text.size()};
  re2::StringPiece match;
  while (found.size() < 16 && RE2::FindAndConsume(&input, pattern, &match)) {
    // Skip a match glued to more digits or letters: part of a longer code or an id.
    const auto start = static_cast<size_t>(match.data() - text.data());
    if (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) != 0)) continue;
    const std::string digits = phone_digits({match.data(), match.size()});
    if (listed_number(digits, settings) || toll_free(digits)) continue;
    found.push_back({start, start + match.size(), std::string{match.data(), match.size()}});
  }
}

}  // namespace

std::string phone_digits(std::string_view number) {
  std::string digits;
  for (const char c : number) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
  return digits;
}

ContactDetails find_contact_details(std::string_view text, const PolicySettings& settings) {
  ContactDetails found;
  find_phone_numbers(text, phone_pattern(), settings, found.phone_numbers);
  find_phone_numbers(text, spaced_phone_pattern(), settings, found.phone_numbers);
  std::sort(found.phone_numbers.begin(), found.phone_numbers.end(),
            [](const Evidence& a, const Evidence& b) { return a.start < b.start; });
  re2::StringPiece input{text.data(), text.size()};
  re2::StringPiece domain;
  while (found.emails.size() < 16 && RE2::FindAndConsume(&input, email_pattern(), &domain)) {
    // FindAndConsume hands back the domain group; the whole address ends where it ends.
    const auto domain_end = static_cast<size_t>(domain.data() - text.data()) + domain.size();
    size_t start = static_cast<size_t>(domain.data() - text.data());
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' &&
           text[start - 1] != '<' && text[start - 1] != '(' && text[start - 1] != ',' &&
           text[start - 1] != ':') {
      --start;
    }
    const std::string host = lower({domain.data(), domain.size()});
    bool practice = false;
    for (const auto& d : settings.practice_email_domains) {
      const std::string listed = lower(d);
      practice |= host == listed || (host.size() > listed.size() &&
                                     host.compare(host.size() - listed.size() - 1,
                                                  listed.size() + 1, "." + listed) == 0);
    }
    if (practice) continue;
    found.emails.push_back(
        {start, domain_end, std::string{text.substr(start, domain_end - start)}});
  }
  return found;
}

}  // namespace bg
