#include "detectors/personal_channel_detector.h"

namespace bg {

void PersonalChannelDetector::detect(const EvaluationContext& c, std::vector<Signal>& out) const {
  const auto* m = std::get_if<MessageEvent>(&c.event().body);
  if (m == nullptr || c.therapist_id().empty() || !c.policy().is_personal(m->channel)) return;
  Signal s;
  const std::string channel{name_of(m->channel)};
  s.vars.push_back({"therapist", c.therapist_id()});
  s.vars.push_back({"client", c.client_id()});
  s.vars.push_back({"channel", channel});
  if (m->from.role == Role::therapist) {
    s.kind = SignalKind::therapist_personal_channel;
    s.explanation = c.therapist_id() + " contacted the client over " + channel +
                    ", a personal channel, not one of the practice's";
  } else {
    s.kind = SignalKind::client_personal_channel;
    s.explanation = "The client reached " + c.therapist_id() + " over " + channel +
                    ", a personal channel; the reply can go through a practice channel";
  }
  out.push_back(std::move(s));
}

}  // namespace bg
