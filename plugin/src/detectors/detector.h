// A detector reads one event in context and reports what it observes as signals. Detectors are
// stateless and const: one instance serves every thread.
#pragma once

#include <vector>

#include "detectors/signal.h"
#include "engine/evaluation_context.h"

namespace bg {

class Detector {
 public:
  virtual ~Detector() = default;
  virtual const char* name() const = 0;
  virtual void detect(const EvaluationContext& context, std::vector<Signal>& out) const = 0;
};

}  // namespace bg
