// Everything rules need about one event, resolved once and lazily: who the therapist and client
// are, their zones and hours, who initiated the contact, what the text is about and which
// lexicons it matches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "detectors/contact_detector.h"
#include "engine/roster.h"
#include "model/event.h"
#include "model/evidence.h"
#include "policy/policy.h"
#include "text/normalized_text.h"
#include "time/zone.h"

namespace bg {

struct ContentReading {
  ContentClass content = ContentClass::neutral;
  std::vector<Evidence> evidence;  // the words that decided it
};

// The event's time as each person sees it, against the therapist's hours.
struct TimeFacts {
  bool known = false;  // false when the therapist (and so their zone) is not on the roster
  LocalView therapist;
  LocalView client;
  std::optional<LocalView> session_end;  // appointments: the session's last minute
  bool in_hours = false;      // messages: at that minute; sessions: start to end in one range
  bool client_quiet = false;  // inside the client's quiet hours
  bool holiday = false;       // a policy holiday in the therapist's zone
};

class EvaluationContext {
 public:
  // `roster` must be read-locked for the context's lifetime.
  EvaluationContext(const Event& event, const Policy& policy, const Roster& roster);

  const Event& event() const { return event_; }
  const Policy& policy() const { return policy_; }
  const Roster& roster() const { return roster_; }

  // Empty when the event has no therapist-client pair (e.g. two clients).
  const std::string& therapist_id() const { return therapist_id_; }
  const std::string& client_id() const { return client_id_; }
  const TherapistRecord* therapist() const { return therapist_; }
  const ClientRecord* client() const { return client_; }
  // Null when the therapist is not on the roster (times cannot be placed then).
  const date::time_zone* therapist_zone() const { return therapist_zone_; }
  // The client's zone, else the therapist's.
  const date::time_zone* client_zone() const { return client_zone_; }
  const WeeklyHours& therapist_hours() const;

  // Who started the contact; nullopt for appointments (the practice books them).
  std::optional<Role> initiator() const { return initiator_; }

  // The free text rules read: a message's text, an appointment's location name, a payment's
  // description. Evidence offsets point into it. Empty when there is none.
  std::string_view text() const { return text_; }
  bool has_text() const { return has_text_; }

  // The instant that dates the event (message time, appointment start, ...).
  Instant when() const { return when_; }

  // Computed once on first use.
  const ContentReading& content() const;
  const TimeFacts& time() const;
  // The matches of policy lexicon `index` in text().
  const std::vector<Evidence>& lexicon_matches(int index) const;
  const NormalizedText& normalized_text() const;
  // Whether policy classifier `index` scores text() above its threshold (the score alone,
  // computed once), and its full reading with evidence (computed once, when a finding needs it).
  bool classifier_says(int index) const;
  const ModelReading& classifier_reading(int index) const;
  const ContactDetails& contact_details() const;

  // Pattern facts, set by the engine before pattern rules run: how many earlier flagged events
  // the pair has within the window, their audit ids, the highest severity among them and this
  // event's own findings, and whether this event itself is flagged.
  struct PairHistory {
    bool flagged = false;
    int earlier = 0;
    std::vector<std::string> entries;
    Severity highest = Severity::info;
  };
  const PairHistory& pair_history() const { return pair_history_; }
  void set_pair_history(PairHistory history) const { pair_history_ = std::move(history); }

 private:
  const Event& event_;
  const Policy& policy_;
  const Roster& roster_;
  std::string therapist_id_;
  std::string client_id_;
  const TherapistRecord* therapist_ = nullptr;
  const ClientRecord* client_ = nullptr;
  const date::time_zone* therapist_zone_ = nullptr;
  const date::time_zone* client_zone_ = nullptr;
  std::optional<Role> initiator_;
  std::string_view text_;
  bool has_text_ = false;
  Instant when_{};
  mutable std::optional<ContentReading> content_;
  mutable std::optional<TimeFacts> time_;
  mutable std::vector<std::optional<std::vector<Evidence>>> lexicon_matches_;
  mutable std::optional<std::vector<bool>> lexicon_candidates_;  // from the policy's screen
  mutable std::optional<NormalizedText> normalized_;
  // Indexed by Policy::Classifier::model_slot: one score and one reading per model.
  mutable std::vector<std::optional<double>> classifier_scores_;
  mutable std::vector<std::optional<ModelReading>> classifier_readings_;
  mutable std::optional<ContactDetails> contact_;
  mutable PairHistory pair_history_;
};

}  // namespace bg
