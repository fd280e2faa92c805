// The practice's roster as set by roster events: therapists, clients and boundary extensions.
// Readers hold a shared lock for the duration of one evaluation; roster events take it
// exclusively, so an evaluation never sees half an update.
#pragma once

#include <bitset>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <date/tz.h>

#include "model/event.h"

namespace bg {

struct TherapistRecord {
  std::string id;
  const date::time_zone* zone = nullptr;
  std::string supervisor;
  std::optional<WeeklyHours> hours;
};

struct ClientRecord {
  std::string id;
  std::string therapist;
  const date::time_zone* zone = nullptr;  // null: the therapist's zone
  ClientStatus status = ClientStatus::active;
  std::optional<date::year_month_day> terminated_on;
};

struct ExtensionRecord {
  std::string id;
  std::bitset<Names<Category>::kAll.size()> covers;
  date::local_days from{};
  date::local_days until{};
};

class Roster {
 public:
  // Applies a roster event (therapist, client, boundary_extension); a repeated id replaces the
  // earlier record. Other event types are ignored.
  void apply(const Event& event);

  std::shared_lock<std::shared_mutex> read_lock() const {
    return std::shared_lock<std::shared_mutex>{mutex_};
  }

  // These require read_lock() to be held; the pointers are valid while it is.
  const TherapistRecord* therapist(const std::string& id) const;
  const ClientRecord* client(const std::string& id) const;
  // The id of an extension for the pair that covers `category` on `day`, or nullptr.
  const std::string* extension_covering(const std::string& therapist, const std::string& client,
                                        Category category, date::local_days day) const;

 private:
  static std::string pair_key(const std::string& therapist, const std::string& client) {
    return therapist + '\x1f' + client;
  }

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, TherapistRecord> therapists_;
  std::unordered_map<std::string, ClientRecord> clients_;
  std::unordered_map<std::string, std::vector<ExtensionRecord>> extensions_;  // by pair
};

}  // namespace bg
