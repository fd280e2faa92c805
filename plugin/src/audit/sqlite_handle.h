// Small RAII helpers over the SQLite C API: a connection and a prepared statement. Errors come
// back as AuditFailure with SQLite's message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace bg {

class Database {
 public:
  enum class Mode { create, write, read };

  Database() = default;
  // Opens `path` (Mode::create creates it when missing). Throws AuditFailure.
  Database(const std::string& path, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* get() const { return db_; }
  explicit operator bool() const { return db_ != nullptr; }
  // Runs SQL without results. Throws AuditFailure naming `what`.
  void exec(const char* sql, const char* what = "audit database") const;
  // Runs SQL and ignores failures (rollback after an error).
  void exec_quietly(const char* sql) const noexcept;
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement() = default;
  // Prepares `sql` on `db`. Throws AuditFailure.
  Statement(const Database& db, const char* sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  // true: a row is ready; false: done. Throws AuditFailure on an error (after resetting).
  bool step();
  // Like step() for statements without rows, returning SQLite's result code instead of
  // throwing (for constraint violations the caller handles).
  int step_code();
  void reset();

  std::string text(int column) const;  // "" for NULL
  int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  const Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace bg
