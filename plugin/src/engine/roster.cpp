#include "engine/roster.h"

#include <algorithm>
#include <mutex>

#include "time/zone.h"

namespace bg {

void Roster::apply(const Event& event) {
  std::unique_lock lock{mutex_};
  if (const auto* t = std::get_if<TherapistEvent>(&event.body)) {
    therapists_[event.id] =
        TherapistRecord{event.id, find_zone(t->time_zone), t->supervisor, t->hours};
  } else if (const auto* c = std::get_if<ClientEvent>(&event.body)) {
    clients_[event.id] =
        ClientRecord{event.id, c->therapist, find_zone(c->time_zone), c->status, c->terminated_on};
  } else if (const auto* x = std::get_if<ExtensionEvent>(&event.body)) {
    ExtensionRecord record;
    record.id = event.id;
    for (Category category : x->covers) record.covers.set(static_cast<size_t>(category));
    record.from = date::local_days{x->from};
    record.until = date::local_days{x->until};
    auto& list = extensions_[pair_key(x->therapist, x->client)];
    const auto same = std::find_if(list.begin(), list.end(),
                                   [&](const ExtensionRecord& e) { return e.id == event.id; });
    if (same != list.end()) {
      *same = std::move(record);
    } else {
      list.push_back(std::move(record));
    }
  }
}

const TherapistRecord* Roster::therapist(const std::string& id) const {
  const auto it = therapists_.find(id);
  return it == therapists_.end() ? nullptr : &it->second;
}

const ClientRecord* Roster::client(const std::string& id) const {
  const auto it = clients_.find(id);
  return it == clients_.end() ? nullptr : &it->second;
}

const std::string* Roster::extension_covering(const std::string& therapist,
                                              const std::string& client, Category category,
                                              date::local_days day) const {
  const auto it = extensions_.find(pair_key(therapist, client));
  if (it == extensions_.end()) return nullptr;
  for (const auto& extension : it->second) {
    if (extension.covers.test(static_cast<size_t>(category)) && day >= extension.from &&
        day <= extension.until) {
      return &extension.id;
    }
  }
  return nullptr;
}

}  // namespace bg
