// The time detector: places an event on each person's wall clock and against the therapist's
// working hours (their zone, per weekday, the policy default when the roster gives none), the
// client's quiet hours (the client's zone, else the therapist's) and the policy's holidays.
// A session is inside hours only if it starts and ends within one working range of one day.
#pragma once

#include "engine/evaluation_context.h"

namespace bg {

TimeFacts read_time_facts(const EvaluationContext& context);

}  // namespace bg
