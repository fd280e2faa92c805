#include "audit/sqlite_audit_store.h"

#include <sqlite3.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <nlohmann/json.hpp>

namespace bg {
namespace {

constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Each migration brings the schema from version N-1 to N; never edit one that has shipped.
constexpr const char* kMigrations[] = {
    // 1: entries, chained. `kind` is 'verdict' or 'outcome'.
    "CREATE TABLE entries ("
    "  seq INTEGER PRIMARY KEY,"
    "  audit_id TEXT NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL,"
    "  event_id TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL);"
    "CREATE UNIQUE INDEX entries_verdict_by_event ON entries(event_id) WHERE kind = 'verdict';"
    "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries"
    "  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;"
    "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries"
    "  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
};

std::string sha256_hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string now_utc() {
  return format_utc(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
}

// The chained hash covers every column of the entry except the hash itself.
std::string chain_hash(const std::string& prev, const std::string& audit_id, const char* kind,
                       const std::string& event_id, const std::string& recorded_at,
                       const std::string& body) {
  std::string canonical;
  canonical.reserve(prev.size() + body.size() + 128);
  for (const std::string* part : {&prev, &audit_id}) {
    canonical += *part;
    canonical += '\n';
  }
  canonical += kind;
  canonical += '\n';
  canonical += event_id + '\n' + recorded_at + '\n' + body;
  return sha256_hex(canonical);
}

}  // namespace

struct SqliteAuditStore::Statements {
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* find_verdict = nullptr;
  ~Statements() {
    sqlite3_finalize(insert);
    sqlite3_finalize(find_verdict);
  }
};

SqliteAuditStore::SqliteAuditStore(const std::string& path, std::string engine_version)
    : statements_(std::make_unique<Statements>()), engine_version_(std::move(engine_version)) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw AuditFailure("cannot open the audit database: " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    migrate();
    auto prepare = [this](const char* sql, sqlite3_stmt** stmt) {
      if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) != SQLITE_OK) {
        fail("cannot prepare a statement");
      }
    };
    prepare(
        "INSERT INTO entries(audit_id, kind, event_id, recorded_at, body, prev_hash, hash) "
        "VALUES(?,?,?,?,?,?,?)",
        &statements_->insert);
    prepare("SELECT body FROM entries WHERE kind = 'verdict' AND event_id = ?",
            &statements_->find_verdict);
    sqlite3_stmt* last = nullptr;
    prepare("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1", &last);
    last_hash_ = kGenesisHash;
    if (sqlite3_step(last) == SQLITE_ROW) {
      last_seq_ = sqlite3_column_int64(last, 0);
      last_hash_ = reinterpret_cast<const char*>(sqlite3_column_text(last, 1));
    }
    sqlite3_finalize(last);
  } catch (...) {
    statements_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteAuditStore::~SqliteAuditStore() {
  statements_.reset();
  if (db_ != nullptr) sqlite3_close(db_);
}

void SqliteAuditStore::fail(const std::string& what) const {
  throw AuditFailure(what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database"));
}

void SqliteAuditStore::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string why = message ? message : "unknown error";
    sqlite3_free(message);
    throw AuditFailure(std::string{"audit database: "} + why);
  }
}

void SqliteAuditStore::migrate() {
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &stmt, nullptr);
  int version = 0;
  if (stmt && sqlite3_step(stmt) == SQLITE_ROW) version = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  if (version > kSchemaVersion) {
    throw AuditFailure("the audit database has schema version " + std::to_string(version) +
                       ", newer than this plugin's " + std::to_string(kSchemaVersion));
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    exec("BEGIN IMMEDIATE");
    try {
      exec(kMigrations[v]);
      exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
      exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
}

std::string SqliteAuditStore::next_audit_id() {
  char buf[32];
  std::snprintf(buf, sizeof buf, "au-%06lld", static_cast<long long>(last_seq_ + 1));
  return buf;
}

void SqliteAuditStore::insert_locked(const std::string& audit_id, const char* kind,
                                     const std::string& event_id, const std::string& body) {
  const std::string recorded_at = now_utc();
  const std::string hash = chain_hash(last_hash_, audit_id, kind, event_id, recorded_at, body);
  sqlite3_stmt* s = statements_->insert;
  sqlite3_reset(s);
  sqlite3_bind_text(s, 1, audit_id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 3, event_id.c_str(), static_cast<int>(event_id.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 4, recorded_at.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 5, body.c_str(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 6, last_hash_.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 7, hash.c_str(), -1, SQLITE_TRANSIENT);
  const int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) fail("cannot append to the audit log");
  ++last_seq_;
  last_hash_ = hash;
}

std::string SqliteAuditStore::append_verdict(const VerdictEntry& entry) {
  const Verdict& v = *entry.verdict;
  std::lock_guard lock{mutex_};
  const std::string audit_id = next_audit_id();
  // The body is the minimum a reviewer needs: metadata, the findings with their evidence spans
  // (never the whole message), and the policy that produced them.
  nlohmann::ordered_json body;
  body["event_type"] = name_of(v.event_type);
  body["therapist"] = entry.therapist;
  body["client"] = entry.client;
  body["event_time_utc"] = format_utc(entry.event_time);
  body["therapist_zone"] = entry.therapist_zone;
  body["client_zone"] = entry.client_zone;
  body["policy"] = v.policy;
  body["engine_version"] = engine_version_;
  Verdict logged = v;
  logged.audit_id = audit_id;
  logged.json.clear();
  body["verdict"] = nlohmann::ordered_json::parse(render_verdict_json(logged));
  const std::string text =
      body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  insert_locked(audit_id, "verdict", v.event_id, text);
  return audit_id;
}

std::optional<std::string> SqliteAuditStore::find_verdict(const std::string& event_id) {
  std::lock_guard lock{mutex_};
  sqlite3_stmt* s = statements_->find_verdict;
  sqlite3_reset(s);
  sqlite3_bind_text(s, 1, event_id.c_str(), static_cast<int>(event_id.size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(s);
  std::optional<std::string> result;
  if (rc == SQLITE_ROW) {
    // ordered_json keeps the keys in the order they were written, so the verdict comes back
    // byte for byte as it was first returned.
    const auto body = nlohmann::ordered_json::parse(
        reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), nullptr, false);
    if (!body.is_discarded() && body.contains("verdict")) {
      result =
          body["verdict"].dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
  } else if (rc != SQLITE_DONE) {
    sqlite3_reset(s);
    fail("cannot read the audit log");
  }
  sqlite3_reset(s);
  return result;
}

bool SqliteAuditStore::append_outcome(const OutcomeEntry& entry) {
  if (!find_verdict(entry.event_id)) return false;
  static constexpr const char* kNames[] = {"", "sent", "edited", "cancelled", "sent_anyway"};
  nlohmann::ordered_json body;
  body["outcome"] = kNames[static_cast<int>(entry.kind)];
  if (!entry.justification.empty()) body["justification"] = entry.justification;
  body["at_utc"] = format_utc(entry.at);
  const std::string text =
      body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::lock_guard lock{mutex_};
  insert_locked(next_audit_id(), "outcome", entry.event_id, text);
  return true;
}

void SqliteAuditStore::flush() {
  std::lock_guard lock{mutex_};
  // Each append is its own committed transaction (WAL, synchronous=NORMAL: it survives a crash
  // of the host process); a checkpoint makes it durable against power loss too.
  if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) !=
      SQLITE_OK) {
    fail("cannot checkpoint the audit log");
  }
}

}  // namespace bg
