#include "adapters/twilio_signature.h"

#include <algorithm>
#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/SHA2Engine.h>

#include "adapters/form_encoding.h"

namespace bg::adapters {
namespace {

std::string base64(const Poco::DigestEngine::Digest& digest) {
  std::ostringstream out;
  Poco::Base64Encoder encoder{out};
  encoder.rdbuf()->setLineLength(0);
  encoder.write(reinterpret_cast<const char*>(digest.data()),
                static_cast<std::streamsize>(digest.size()));
  encoder.close();
  return out.str();
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff = static_cast<unsigned char>(diff | (x ^ y));
  }
  return diff == 0;
}

// The value of query parameter `name` in `url`, decoded; "" when absent.
std::string query_parameter(std::string_view url, std::string_view name) {
  const auto q = url.find('?');
  if (q == std::string_view::npos) return {};
  std::string why;
  const auto fields = parse_form(url.substr(q + 1), why);
  if (!fields) return {};
  for (const auto& [key, value] : *fields) {
    if (key == name) return value;
  }
  return {};
}

// The URL with its port removed when it names one, or with the scheme's default port added
// when it does not: Twilio may have signed either form. "" for a URL that is neither http(s).
std::string other_port_form(std::string_view url) {
  size_t authority = 0;
  std::string default_port;
  if (url.rfind("https://", 0) == 0) {
    authority = 8;
    default_port = "443";
  } else if (url.rfind("http://", 0) == 0) {
    authority = 7;
    default_port = "80";
  } else {
    return {};
  }
  size_t end = url.find_first_of("/?#", authority);
  if (end == std::string_view::npos) end = url.size();
  const std::string_view host = url.substr(authority, end - authority);
  const size_t at = host.rfind('@');
  const size_t colon = host.rfind(':');
  const bool has_port = colon != std::string_view::npos &&
                        (at == std::string_view::npos || colon > at) &&
                        host.find(']', colon) == std::string_view::npos;
  std::string out{url.substr(0, authority)};
  if (has_port) {
    out += host.substr(0, colon);
  } else {
    out += std::string{host} + ":" + default_port;
  }
  out += url.substr(end);
  return out;
}

}  // namespace

std::string twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormFields& params) {
  // Sorted by name, then value; a repeated name-value pair counts once (as Twilio's SDKs do).
  FormFields sorted = params;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string data{url};
  for (const auto& [key, value] : sorted) {
    data += key;
    data += value;
  }
  Poco::HMACEngine<Poco::SHA1Engine> hmac{std::string{auth_token}};
  hmac.update(data);
  return base64(hmac.digest());
}

std::string sha256_hex(std::string_view data) {
  Poco::SHA2Engine sha{Poco::SHA2Engine::SHA_256};
  sha.update(data.data(), data.size());
  return Poco::DigestEngine::digestToHex(sha.digest());
}

bool verify_twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormFields& params, std::string_view signature,
                             const std::string* json_body) {
  if (auth_token.empty() || signature.empty()) return false;
  if (json_body != nullptr) {
    const std::string expected_body = query_parameter(url, "bodySHA256");
    if (expected_body.empty() || !equal_in_constant_time(expected_body, sha256_hex(*json_body))) {
      return false;
    }
  }
  if (equal_in_constant_time(twilio_signature(auth_token, url, params), signature)) return true;
  const std::string other = other_port_form(url);
  return !other.empty() &&
         equal_in_constant_time(twilio_signature(auth_token, other, params), signature);
}

}  // namespace bg::adapters
