// Twilio's inbound SMS webhook -> schema-v1 message events. The request body is form-encoded
// (as Twilio posts it) or a JSON object of the same fields; unknown fields are accepted.
// Numbers map to roster people through the mapping, which says whether a therapist's number is
// a practice line or their own. The webhook has no time: the adapter stamps when it received
// it. docs/integrations/sms.md describes it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/conversion.h"
#include "adapters/mapping_config.h"
#include "time/timestamp.h"

namespace bg::adapters {

struct TwilioOptions {
  std::function<Instant()> clock;      // the receive time; default: the system clock
  std::optional<Instant> received_at;  // overrides the clock (replays, tests)
  // X-Twilio-Signature verification: when `signature` is set, the request must carry it for
  // `url` (as Twilio requested it, query string included) and `auth_token`, or it is rejected.
  std::string signature;
  std::string url;
  std::string auth_token;
  size_t max_input_bytes = 1u << 20;
};

// One request body, or several form-encoded bodies (one per line, or JSON Lines) when there is
// no signature to check. Never throws for any input (std::bad_alloc aside).
Conversion convert_twilio(std::string_view input, const MappingConfig& config,
                          const TwilioOptions& options = {});

}  // namespace bg::adapters
