// X-Twilio-Signature, computed as Twilio documents it: HMAC-SHA1, keyed with the account's auth
// token, over the full request URL followed by every POST parameter's name and value sorted by
// name (none for a JSON body, whose URL carries a bodySHA256 of the body); base64-encoded.
#pragma once

#include <string>
#include <string_view>

#include "adapters/form_encoding.h"

namespace bg::adapters {

// The signature Twilio would send for a form-encoded request.
std::string twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormFields& params);

// Checks a request's signature in constant time. For a JSON body (`params` empty,
// `json_body` set) the URL's bodySHA256 parameter must also be the hex SHA-256 of the body.
bool verify_twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormFields& params, std::string_view signature,
                             const std::string* json_body = nullptr);

// Hex SHA-256 (lower case), as Twilio's bodySHA256 carries it.
std::string sha256_hex(std::string_view data);

}  // namespace bg::adapters
