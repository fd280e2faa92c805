// Appends compact JSON to a string: the hot-path writer for verdicts and audit bodies, where
// building a nlohmann::json document first costs more than the evaluation itself.
//
// Output is byte for byte what nlohmann's dump() (no indent, ensure_ascii off) writes for the
// same document, so verdicts written here and verdicts re-rendered from the audit log agree.
// Strings are expected to be valid UTF-8 (events are validated on entry); an invalid byte is
// written as U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bg {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() {
    open('{');
    return *this;
  }
  JsonWriter& end_object() {
    close('}');
    return *this;
  }
  JsonWriter& begin_array() {
    open('[');
    return *this;
  }
  JsonWriter& end_array() {
    close(']');
    return *this;
  }
  // The next value belongs to `name`; call inside an object only.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number(uint64_t value);
  JsonWriter& boolean(bool value);
  // Already-rendered JSON, written as it is (the caller vouches for it).
  JsonWriter& raw(std::string_view json);

  // Shorthands for a key and its value.
  JsonWriter& field(std::string_view name, std::string_view value) {
    return key(name).string(value);
  }
  JsonWriter& field(std::string_view name, const char* value) { return key(name).string(value); }
  JsonWriter& field(std::string_view name, uint64_t value) { return key(name).number(value); }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);

  std::string& out_;
  std::vector<bool> has_items_;  // per open object or array: whether a comma is needed
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view text);

}  // namespace bg
