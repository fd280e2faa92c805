// personal_channel by channel: contact over a channel the policy lists as personal
// (default personal_sms, personal_email, personal_phone). A therapist using one is a boundary
// question; a client using one is context for the therapist, never a mark against the client.
#pragma once

#include "detectors/detector.h"

namespace bg {

class PersonalChannelDetector final : public Detector {
 public:
  const char* name() const override { return "personal_channel"; }
  void detect(const EvaluationContext& context, std::vector<Signal>& out) const override;
};

}  // namespace bg
