#include "abi_test_support.h"

#include <dlfcn.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include <gtest/gtest.h>

namespace bgtest {

std::string plugin_path() {
  const char* env = std::getenv("BOUNDARY_GUARD_PLUGIN");
  return env != nullptr && env[0] != '\0' ? std::string{env} : std::string{BG_PLUGIN_PATH};
}

bg_plugin_get_api_fn get_api_function() {
  static bg_plugin_get_api_fn fn = [] {
    const std::string path = plugin_path();
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      std::fprintf(stderr, "cannot load the plugin %s: %s\n", path.c_str(), dlerror());
      std::abort();
    }
    void* symbol = dlsym(library, "bg_plugin_get_api");
    if (symbol == nullptr) {
      std::fprintf(stderr, "%s does not export bg_plugin_get_api\n", path.c_str());
      std::abort();
    }
    bg_plugin_get_api_fn get = nullptr;
    static_assert(sizeof get == sizeof symbol);
    std::memcpy(&get, &symbol, sizeof get);
    return get;
  }();
  return fn;
}

const bg_api& api() {
  static const bg_api* table = [] {
    const bg_api* t = get_api_function()(BG_ABI_MAJOR);
    if (t == nullptr) {
      std::fprintf(stderr, "bg_plugin_get_api(%u) returned NULL\n", BG_ABI_MAJOR);
      std::abort();
    }
    return t;
  }();
  return *table;
}

std::string default_policy_dir() { return BG_DEFAULT_POLICY_DIR; }
std::string data_path(const std::string& name) { return std::string{BG_ABI_DATA_DIR} + "/" + name; }

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "bg_abi_XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

OpenResult open_engine(const std::string& policy_path, const std::string& audit_path,
                       const std::string& options_json) {
  bg_engine_config config{};
  config.struct_size = static_cast<uint32_t>(sizeof config);
  config.policy_path = view(policy_path);
  config.audit_path = view(audit_path);
  config.options_json = view(options_json);
  bg_engine* engine = nullptr;
  char error[1024] = "(untouched)";
  OpenResult result;
  result.status = api().engine_open(&config, &engine, error, sizeof error);
  result.engine.reset(engine);
  result.error = error;
  return result;
}

EngineHandle must_open(const std::string& policy_path, const std::string& audit_path,
                       const std::string& options_json) {
  auto result = open_engine(policy_path, audit_path, options_json);
  EXPECT_EQ(result.status, BG_OK) << result.error;
  return std::move(result.engine);
}

std::string last_error(const bg_engine* engine) { return text(api().last_error(engine)); }

EvalResult evaluate_line(bg_engine* engine, std::string_view json_line) {
  bg_verdict* out = nullptr;
  EvalResult result;
  result.status = api().evaluate_json(engine, view(json_line), &out);
  result.verdict.reset(out);
  result.error = last_error(engine);
  return result;
}

EvalResult evaluate(bg_engine* engine, const Json& event) {
  return evaluate_line(engine, event.dump());
}

EvalResult evaluate_struct(bg_engine* engine, bg_event_type type, const void* event) {
  bg_verdict* out = nullptr;
  EvalResult result;
  result.status = api().evaluate_struct(engine, type, event, &out);
  result.verdict.reset(out);
  result.error = last_error(engine);
  return result;
}

std::string verdict_json(const bg_verdict* v) { return text(api().verdict_json(v)); }

std::vector<FindingView> findings(const bg_verdict* v) {
  std::vector<FindingView> out;
  const size_t count = api().verdict_finding_count(v);
  for (size_t i = 0; i < count; ++i) {
    bg_finding f{};
    f.struct_size = static_cast<uint32_t>(sizeof f);
    EXPECT_EQ(api().verdict_finding(v, i, &f), BG_OK) << "finding " << i;
    FindingView view;
    view.rule = text(f.rule);
    view.category = text(f.category);
    view.explanation = text(f.explanation);
    view.notice = text(f.notice);
    view.suppressed_by = text(f.suppressed_by);
    view.severity = f.severity;
    view.decision = f.decision;
    for (size_t k = 0; k < f.citation_count; ++k) view.citations.push_back(text(f.citations[k]));
    for (size_t k = 0; k < f.evidence_count; ++k) {
      view.evidence.push_back({f.evidence[k].start, f.evidence[k].end, text(f.evidence[k].text)});
    }
    out.push_back(std::move(view));
  }
  return out;
}

std::vector<std::string> rules(const bg_verdict* v) {
  std::vector<std::string> out;
  for (const auto& f : findings(v)) out.push_back(f.rule);
  return out;
}

std::vector<std::string> timing_rules(const bg_verdict* v) {
  std::vector<std::string> out;
  for (const auto& f : findings(v)) {
    if (f.category == "off_hours" || f.category == "personal_channel") out.push_back(f.rule);
  }
  return out;
}

size_t finding_index(const bg_verdict* v, const std::string& rule) {
  const auto all = findings(v);
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].rule == rule) return i;
  }
  return SIZE_MAX;
}

std::string json_without(const std::string& verdict_json, std::initializer_list<const char*> keys) {
  auto doc = Json::parse(verdict_json);
  for (const char* key : keys) doc.erase(key);
  return doc.dump();
}

namespace {

int digits(const std::string& s, size_t pos, size_t width) {
  if (pos + width > s.size()) throw std::invalid_argument("short timestamp: " + s);
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') throw std::invalid_argument("bad timestamp: " + s);
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

int64_t rfc3339_ms(const std::string& s) {
  const int64_t days = days_from_civil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  int64_t ms =
      ((days * 24 + digits(s, 11, 2)) * 60 + digits(s, 14, 2)) * 60000 + digits(s, 17, 2) * 1000;
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ms += digits(s, 20, 3);
    pos = 23;
  }
  if (pos >= s.size()) throw std::invalid_argument("no offset: " + s);
  if (s[pos] == 'Z') return ms;
  const int offset = digits(s, pos + 1, 2) * 60 + digits(s, pos + 4, 2);
  return ms - int64_t{s[pos] == '-' ? -offset : offset} * 60000;
}

StructEvent::StructEvent(const Json& e) {
  const std::string type = e.at("type").get<std::string>();
  if (type == "therapist") {
    type_ = BG_EVENT_THERAPIST;
    therapist_.struct_size = static_cast<uint32_t>(sizeof therapist_);
    therapist_.id = keep(e.value("id", Json{}));
    therapist_.time_zone = keep(e.value("time_zone", Json{}));
    therapist_.supervisor = keep(e.value("supervisor", Json{}));
    if (e.contains("hours")) {
      static constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
      for (const char* day : kDays) {
        std::string ranges;
        for (const auto& r : e["hours"].value(day, Json::array())) {
          if (!ranges.empty()) ranges += ",";
          ranges += r.get<std::string>();
        }
        list_.push_back(keep(Json(ranges)));
      }
      therapist_.hours_mon_to_sun = list_.data();
    }
  } else if (type == "client") {
    type_ = BG_EVENT_CLIENT;
    client_.struct_size = static_cast<uint32_t>(sizeof client_);
    client_.id = keep(e.value("id", Json{}));
    client_.therapist = keep(e.value("therapist", Json{}));
    client_.time_zone = keep(e.value("time_zone", Json{}));
    client_.status = keep(e.value("status", Json{}));
    client_.terminated_on = keep(e.value("terminated_on", Json{}));
  } else if (type == "boundary_extension") {
    type_ = BG_EVENT_EXTENSION;
    extension_.struct_size = static_cast<uint32_t>(sizeof extension_);
    extension_.id = keep(e.value("id", Json{}));
    extension_.therapist = keep(e.value("therapist", Json{}));
    extension_.client = keep(e.value("client", Json{}));
    for (const auto& c : e.value("covers", Json::array())) list_.push_back(keep(c));
    extension_.covers = list_.data();
    extension_.covers_count = list_.size();
    extension_.reason = keep(e.value("reason", Json{}));
    extension_.approved_by = keep(e.value("approved_by", Json{}));
    extension_.from = keep(e.value("from", Json{}));
    extension_.until = keep(e.value("until", Json{}));
  } else if (type == "message") {
    type_ = BG_EVENT_MESSAGE;
    message_.struct_size = static_cast<uint32_t>(sizeof message_);
    message_.id = keep(e.value("id", Json{}));
    message_.at_ms = rfc3339_ms(e.at("at").get<std::string>());
    message_.from = party(e.at("from"));
    message_.to = party(e.at("to"));
    message_.channel = keep(e.value("channel", Json{}));
    message_.text = keep(e.value("text", Json{}));
    message_.platform = keep(e.value("platform", Json{}));
  } else if (type == "appointment") {
    type_ = BG_EVENT_APPOINTMENT;
    appointment_.struct_size = static_cast<uint32_t>(sizeof appointment_);
    appointment_.id = keep(e.value("id", Json{}));
    appointment_.action = keep(e.value("action", Json{}));
    appointment_.start_ms = rfc3339_ms(e.at("start").get<std::string>());
    appointment_.end_ms = rfc3339_ms(e.at("end").get<std::string>());
    appointment_.therapist = keep(e.value("therapist", Json{}));
    appointment_.client = keep(e.value("client", Json{}));
    const Json location = e.value("location", Json::object());
    appointment_.location_kind = keep(location.value("kind", Json{}));
    appointment_.location_name = keep(location.value("name", Json{}));
    appointment_.location_address = keep(location.value("address", Json{}));
    appointment_.service = keep(e.value("service", Json{}));
  } else if (type == "social") {
    type_ = BG_EVENT_SOCIAL;
    social_.struct_size = static_cast<uint32_t>(sizeof social_);
    social_.id = keep(e.value("id", Json{}));
    social_.at_ms = rfc3339_ms(e.at("at").get<std::string>());
    social_.platform = keep(e.value("platform", Json{}));
    social_.action = keep(e.value("action", Json{}));
    social_.actor = party(e.at("actor"));
    social_.target = party(e.at("target"));
  } else if (type == "payment") {
    type_ = BG_EVENT_PAYMENT;
    payment_.struct_size = static_cast<uint32_t>(sizeof payment_);
    payment_.id = keep(e.value("id", Json{}));
    payment_.at_ms = rfc3339_ms(e.at("at").get<std::string>());
    payment_.from = party(e.at("from"));
    payment_.to = party(e.at("to"));
    payment_.kind = keep(e.value("kind", Json{}));
    if (e.contains("amount")) {
      payment_.amount_value = e["amount"].at("value").get<double>();
      payment_.amount_currency = keep(e["amount"].at("currency"));
    }
    payment_.description = keep(e.value("description", Json{}));
  } else {
    throw std::invalid_argument("no struct for event type " + type);
  }
}

bg_str StructEvent::keep(const Json& value) {
  if (value.is_null()) return bg_str{nullptr, 0};
  strings_.push_back(value.get<std::string>());
  return view(strings_.back());
}

bg_party StructEvent::party(const Json& value) {
  const std::string role = value.at("role").get<std::string>();
  bg_party p{};
  p.role = role == "therapist" ? BG_ROLE_THERAPIST : role == "client" ? BG_ROLE_CLIENT : 0;
  p.id = keep(value.at("id"));
  return p;
}

const void* StructEvent::get() const {
  switch (type_) {
    case BG_EVENT_THERAPIST:
      return &therapist_;
    case BG_EVENT_CLIENT:
      return &client_;
    case BG_EVENT_EXTENSION:
      return &extension_;
    case BG_EVENT_MESSAGE:
      return &message_;
    case BG_EVENT_APPOINTMENT:
      return &appointment_;
    case BG_EVENT_SOCIAL:
      return &social_;
    case BG_EVENT_PAYMENT:
      return &payment_;
    default:
      return nullptr;
  }
}

size_t StructEvent::size() const {
  switch (type_) {
    case BG_EVENT_THERAPIST:
      return sizeof therapist_;
    case BG_EVENT_CLIENT:
      return sizeof client_;
    case BG_EVENT_EXTENSION:
      return sizeof extension_;
    case BG_EVENT_MESSAGE:
      return sizeof message_;
    case BG_EVENT_APPOINTMENT:
      return sizeof appointment_;
    case BG_EVENT_SOCIAL:
      return sizeof social_;
    case BG_EVENT_PAYMENT:
      return sizeof payment_;
    default:
      return 0;
  }
}

int64_t count_entries(const std::string& audit_path, const std::string& kind,
                      const std::string& event_id) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(audit_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << audit_path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return -1;
  }
  const char* sql = event_id.empty()
                        ? "SELECT COUNT(*) FROM entries WHERE kind = ?1"
                        : "SELECT COUNT(*) FROM entries WHERE kind = ?1 AND event_id = ?2";
  sqlite3_stmt* stmt = nullptr;
  int64_t count = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, kind.c_str(), -1, SQLITE_TRANSIENT);
    if (!event_id.empty()) sqlite3_bind_text(stmt, 2, event_id.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(stmt) == SQLITE_ROW) count = sqlite3_column_int64(stmt, 0);
  } else {
    ADD_FAILURE() << "cannot query " << audit_path << ": " << sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return count;
}

Json therapist_party(const std::string& id) { return Json{{"role", "therapist"}, {"id", id}}; }
Json client_party(const std::string& id) { return Json{{"role", "client"}, {"id", id}}; }

Json message(const std::string& id, const std::string& at, const Json& from, const Json& to,
             const std::string& channel, const char* text) {
  Json m{{"type", "message"}, {"id", id}, {"at", at},
         {"from", from},      {"to", to}, {"channel", channel}};
  if (text != nullptr) m["text"] = text;
  return m;
}

Json appointment(const std::string& id, const std::string& action, const std::string& start,
                 const std::string& end, const std::string& therapist, const std::string& client,
                 const std::string& location_kind) {
  return Json{{"type", "appointment"},
              {"id", id},
              {"action", action},
              {"start", start},
              {"end", end},
              {"therapist", therapist},
              {"client", client},
              {"location", {{"kind", location_kind}, {"name", "Main St office"}}},
              {"service", "individual_therapy"}};
}

Json social(const std::string& id, const std::string& at, const std::string& action,
            const Json& actor, const Json& target) {
  return Json{{"type", "social"}, {"id", id},       {"at", at},        {"platform", "instagram"},
              {"action", action}, {"actor", actor}, {"target", target}};
}

Json payment(const std::string& id, const std::string& at, const Json& from, const Json& to,
             const std::string& kind, double amount) {
  return Json{{"type", "payment"},
              {"id", id},
              {"at", at},
              {"from", from},
              {"to", to},
              {"kind", kind},
              {"amount", {{"value", amount}, {"currency", "USD"}}},
              {"description", "session"}};
}

std::vector<Json> roster() {
  return {
      Json::parse(R"({"type":"therapist","id":"t-ana","time_zone":"America/Chicago",
        "supervisor":"s-lee","hours":{"mon":["09:00-17:00"],"tue":["09:00-12:00","13:00-17:00"],
        "wed":["09:00-17:00"],"thu":["09:00-17:00"],"fri":["09:00-13:00"]}})"),
      Json::parse(R"({"type":"therapist","id":"t-cruz","time_zone":"America/Los_Angeles",
        "supervisor":"s-lee"})"),
      Json::parse(R"({"type":"client","id":"c-042","therapist":"t-ana",
        "time_zone":"America/Denver","status":"active"})"),
      Json::parse(R"({"type":"client","id":"c-050","therapist":"t-ana"})"),
      Json::parse(R"({"type":"client","id":"c-017","therapist":"t-ana","status":"terminated",
        "terminated_on":"2025-11-01"})"),
      Json::parse(R"({"type":"client","id":"c-301","therapist":"t-cruz",
        "time_zone":"America/New_York"})"),
      Json::parse(R"({"type":"client","id":"c-808","therapist":"t-ana",
        "time_zone":"Pacific/Honolulu","status":"active"})"),
      Json::parse(R"({"type":"boundary_extension","id":"bx-3","therapist":"t-ana",
        "client":"c-050","covers":["off_hours"],"reason":"crisis safety plan",
        "approved_by":"s-lee","from":"2026-03-01","until":"2026-03-31"})"),
  };
}

void load_roster(bg_engine* engine) {
  for (const auto& event : roster()) {
    const auto result = evaluate(engine, event);
    ASSERT_EQ(result.status, BG_OK) << event.dump() << ": " << result.error;
    ASSERT_NE(result.verdict, nullptr);
    EXPECT_EQ(api().verdict_finding_count(result.verdict.get()), 0u);
  }
}

}  // namespace bgtest
