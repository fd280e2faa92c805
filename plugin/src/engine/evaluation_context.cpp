#include "engine/evaluation_context.h"

#include "detectors/time_detector.h"
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
    : event_(event), policy_(policy), roster_(roster) {
  std::visit(
      [this](const auto& body) {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, MessageEvent>) {
          assign_pair(body.from, body.to, therapist_id_, client_id_);
          initiator_ = body.from.role;
          if (body.text) {
            text_ = *body.text;
            has_text_ = true;
          }
          when_ = body.at;
        } else if constexpr (std::is_same_v<T, AppointmentEvent>) {
          therapist_id_ = body.therapist;
          client_id_ = body.client;
          text_ = body.location.name;
          has_text_ = !body.location.name.empty();
          when_ = body.start;
        } else if constexpr (std::is_same_v<T, SocialEvent>) {
          assign_pair(body.actor, body.target, therapist_id_, client_id_);
          initiator_ = body.actor.role;
          when_ = body.at;
        } else if constexpr (std::is_same_v<T, PaymentEvent>) {
          assign_pair(body.from, body.to, therapist_id_, client_id_);
          initiator_ = body.from.role;
          text_ = body.description;
          has_text_ = !body.description.empty();
          when_ = body.at;
        }
      },
      event.body);
  if (!therapist_id_.empty()) {
    therapist_ = roster.therapist(therapist_id_);
    client_ = roster.client(client_id_);
    therapist_zone_ = therapist_ != nullptr ? therapist_->zone : policy.settings.practice_time_zone;
    client_zone_ =
        (client_ != nullptr && client_->zone != nullptr) ? client_->zone : therapist_zone_;
  }
  lexicon_matches_.resize(policy.lexicons.size());
  classifier_scores_.resize(policy.classifiers.size());
  classifier_readings_.resize(policy.classifiers.size());
}

const WeeklyHours& EvaluationContext::therapist_hours() const {
  if (therapist_ != nullptr && therapist_->hours) return *therapist_->hours;
  return policy_.settings.default_hours;
}

const ContentReading& EvaluationContext::content() const {
  if (!content_) content_ = classify_content(*this);
  return *content_;
}

const TimeFacts& EvaluationContext::time() const {
  if (!time_) time_ = read_time_facts(*this);
  return *time_;
}

const std::vector<Evidence>& EvaluationContext::lexicon_matches(int index) const {
  auto& slot = lexicon_matches_[static_cast<size_t>(index)];
  if (!slot) {
    slot.emplace();
    if (!lexicon_candidates_) {
      lexicon_candidates_ = policy_.lexicon_screen
                                ? policy_.lexicon_screen->candidates(normalized_text().text())
                                : std::vector<bool>(policy_.lexicons.size(), true);
    }
    if ((*lexicon_candidates_)[static_cast<size_t>(index)])
      policy_.lexicons[static_cast<size_t>(index)]->find_all(normalized_text(), text_, *slot);
  }
  return *slot;
}

}  // namespace bg

namespace bg {

const NormalizedText& EvaluationContext::normalized_text() const {
  if (!normalized_) {
    normalized_.emplace(text_, &policy_.typo_vocabulary,
                        initiator_ == Role::client ? QuoteWriter::client : QuoteWriter::therapist);
  }
  return *normalized_;
}

const ModelReading& EvaluationContext::classifier_reading(int index) const {
  const auto& classifier = policy_.classifiers[static_cast<size_t>(index)];
  auto& slot = classifier_readings_[static_cast<size_t>(classifier.model_slot)];
  if (!slot) slot = classifier.model->read(normalized_text(), text_);
  return *slot;
}

bool EvaluationContext::classifier_says(int index) const {
  if (!has_text_) return false;
  const auto& classifier = policy_.classifiers[static_cast<size_t>(index)];
  auto& score = classifier_scores_[static_cast<size_t>(classifier.model_slot)];
  if (!score) score = classifier.model->score(normalized_text().text());
  return *score > classifier.threshold;
}

const ContactDetails& EvaluationContext::contact_details() const {
  if (!contact_) contact_ = find_contact_details(text_, policy_.settings);
  return *contact_;
}

}  // namespace bg
