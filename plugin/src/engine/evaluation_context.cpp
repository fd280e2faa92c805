#include "engine/evaluation_context.h"

#include "text/content_classifier.h"

namespace bg {
namespace {

// Sets therapist and client from two parties in either order.
void assign_pair(const Party& a, const Party& b, std::string& therapist, std::string& client) {
  if (a.role == Role::therapist && b.role == Role::client) {
    therapist = a.id;
    client = b.id;
  } else if (a.role == Role::client && b.role == Role::therapist) {
    therapist = b.id;
    client = a.id;
  }
}

}  // namespace

EvaluationContext::EvaluationContext(const Event& event, const Policy& policy, const Roster& roster)
    : event_(event), policy_(policy) {
  std::visit(
      [this](const auto& body) {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, MessageEvent>) {
          assign_pair(body.from, body.to, therapist_id_, client_id_);
          initiator_ = body.from.role;
          if (body.text) text_ = &*body.text;
          when_ = body.at;
        } else if constexpr (std::is_same_v<T, AppointmentEvent>) {
          therapist_id_ = body.therapist;
          client_id_ = body.client;
          when_ = body.start;
        } else if constexpr (std::is_same_v<T, SocialEvent>) {
          assign_pair(body.actor, body.target, therapist_id_, client_id_);
          initiator_ = body.actor.role;
          when_ = body.at;
        } else if constexpr (std::is_same_v<T, PaymentEvent>) {
          assign_pair(body.from, body.to, therapist_id_, client_id_);
          initiator_ = body.from.role;
          when_ = body.at;
        }
      },
      event.body);
  if (!therapist_id_.empty()) {
    therapist_ = roster.therapist(therapist_id_);
    client_ = roster.client(client_id_);
    if (therapist_ != nullptr) therapist_zone_ = therapist_->zone;
    client_zone_ =
        (client_ != nullptr && client_->zone != nullptr) ? client_->zone : therapist_zone_;
  }
}

const WeeklyHours& EvaluationContext::therapist_hours() const {
  if (therapist_ != nullptr && therapist_->hours) return *therapist_->hours;
  return policy_.default_hours;
}

const ContentReading& EvaluationContext::content() const {
  if (!content_) content_ = classify_content(policy_, text_ != nullptr ? *text_ : std::string{});
  return *content_;
}

}  // namespace bg
