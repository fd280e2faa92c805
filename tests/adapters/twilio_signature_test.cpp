// X-Twilio-Signature against the vectors Twilio's own SDKs test with (auth token "12345").
#include <gtest/gtest.h>

#include "adapters/twilio_signature.h"

namespace bg::adapters {
namespace {

const std::string kToken = "12345";
const std::string kUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
const FormFields kParams{{"CallSid", "CA1234567890ABCDE"},
                         {"Caller", "+14158675309"},
                         {"Digits", "1234"},
                         {"From", "+14158675309"},
                         {"To", "+18005551212"}};

TEST(TwilioSignature, DocumentedExample) {
  EXPECT_EQ(twilio_signature(kToken, kUrl, kParams), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  EXPECT_TRUE(verify_twilio_signature(kToken, kUrl, kParams, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
}

TEST(TwilioSignature, ParameterOrderDoesNotMatter) {
  FormFields shuffled{kParams[4], kParams[2], kParams[0], kParams[3], kParams[1]};
  EXPECT_EQ(twilio_signature(kToken, kUrl, shuffled), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
}

TEST(TwilioSignature, RepeatedParametersAreSortedAndCountedOnce) {
  const FormFields repeated{{"Sid", "CA123"},
                            {"SidAccount", "AC123"},
                            {"Digits", "5678"},
                            {"Digits", "1234"},
                            {"Digits", "1234"}};
  EXPECT_TRUE(verify_twilio_signature(kToken, kUrl, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
}

TEST(TwilioSignature, JsonBodyIsCheckedThroughBodySha256) {
  const std::string body = R"({"property": "value", "boolean": true})";
  const std::string hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
  EXPECT_EQ(sha256_hex(body), hash);
  const std::string url = kUrl + "&bodySHA256=" + hash;
  EXPECT_TRUE(verify_twilio_signature(kToken, url, {}, "a9nBmqA0ju/hNViExpshrM61xv4=", &body));
  const std::string tampered = body + " ";
  EXPECT_FALSE(verify_twilio_signature(kToken, url, {}, "a9nBmqA0ju/hNViExpshrM61xv4=", &tampered));
  EXPECT_FALSE(verify_twilio_signature(kToken, kUrl, {}, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", &body))
      << "a JSON body needs its bodySHA256";
}

TEST(TwilioSignature, PortsTwilioMayHaveSignedWithOrWithout) {
  const std::string with_port = "https://mycompany.com:1234/myapp.php?foo=1&bar=2";
  EXPECT_TRUE(verify_twilio_signature(kToken, with_port, kParams, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
  EXPECT_TRUE(verify_twilio_signature(kToken, kUrl, kParams, "kvajT1Ptam85bY51eRf/AJRuM3w="));
  EXPECT_TRUE(verify_twilio_signature(kToken, "http://mycompany.com/myapp.php?foo=1&bar=2", kParams,
                                      "0ZXoZLH/DfblKGATFgpif+LLRf4="));
  EXPECT_TRUE(verify_twilio_signature(kToken, "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
                                      kParams, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="));
  EXPECT_TRUE(verify_twilio_signature(kToken,
                                      "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2",
                                      kParams, "CukzLTc1tT5dXEDIHm/tKBanW10="));
}

TEST(TwilioSignature, AnythingChangedFails) {
  const std::string good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  FormFields changed = kParams;
  changed[2].second = "9999";
  EXPECT_FALSE(verify_twilio_signature(kToken, kUrl, changed, good));
  EXPECT_FALSE(verify_twilio_signature("54321", kUrl, kParams, good));
  EXPECT_FALSE(verify_twilio_signature(kToken, kUrl + "&extra=1", kParams, good));
  EXPECT_FALSE(verify_twilio_signature(kToken, kUrl, kParams, "FAIL"));
  EXPECT_FALSE(verify_twilio_signature(kToken, kUrl, kParams, ""));
  EXPECT_FALSE(verify_twilio_signature("", kUrl, kParams, good));
  EXPECT_FALSE(verify_twilio_signature(kToken, kUrl, kParams, good + "="));
}

}  // namespace
}  // namespace bg::adapters
