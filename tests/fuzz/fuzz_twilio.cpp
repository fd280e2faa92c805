// Fuzz target: a Twilio inbound SMS webhook body (form-encoded or JSON) through the Twilio
// adapter, with and without X-Twilio-Signature checking; and the form decoder on its own.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "adapters/form_encoding.h"
#include "adapters/twilio_adapter.h"
#include "adapters/twilio_signature.h"
#include "fuzz_adapter_checks.h"

namespace {

const bg::adapters::MappingConfig& mapping() {
  static const bg::adapters::MappingConfig config = [] {
    auto load = bg::adapters::parse_mapping(R"(
people:
  - {therapist: t-ana, practice_numbers: ["+15125550100"], personal_numbers: ["+15125550199"]}
  - {client: c-042, numbers: ["+13035550142", "+2222"]}
  - {therapist: t-x, practice_numbers: ["+1111"]}
)",
                                            "fuzz");
    return load.config ? *load.config : bg::adapters::MappingConfig::defaults();
  }();
  return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input{reinterpret_cast<const char*>(data), size};
  bg::adapters::TwilioOptions options;
  options.received_at = bg::parse_rfc3339("2026-03-10T23:52:00-05:00");
  bg::fuzz::check_conversion(bg::adapters::convert_twilio(input, mapping(), options));

  options.url = "https://bg.example/sms?x=1";
  options.auth_token = "token";
  options.signature = "c2lnbmF0dXJl";
  bg::fuzz::check_conversion(bg::adapters::convert_twilio(input, mapping(), options));

  std::string why;
  if (const auto fields = bg::adapters::parse_form(input, why)) {
    // A request signed with the right token verifies; the same one with another token does not.
    const std::string signature = bg::adapters::twilio_signature("token", options.url, *fields);
    if (!bg::adapters::verify_twilio_signature("token", options.url, *fields, signature)) {
      std::abort();
    }
    if (bg::adapters::verify_twilio_signature("other", options.url, *fields, signature)) {
      std::abort();
    }
  } else if (why.empty()) {
    std::abort();  // a rejected form says why
  }
  return 0;
}
