// off_hours: a therapist's message outside their working hours (in their zone, per weekday),
// a therapist's message landing in the client's quiet hours (in the client's zone), and a
// session that starts or ends outside the therapist's hours. Client messages are not off-hours
// contact by the therapist and produce nothing here.
#pragma once

#include "detectors/detector.h"

namespace bg {

class OffHoursDetector final : public Detector {
 public:
  const char* name() const override { return "off_hours"; }
  void detect(const EvaluationContext& context, std::vector<Signal>& out) const override;
};

}  // namespace bg
