#include "adapters/convert.h"

#include <filesystem>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "codec/event_decoder.h"

namespace bg::adapters {

std::optional<InputFormat> parse_input_format(std::string_view name) {
  if (name == "fhir") return InputFormat::fhir;
  if (name == "ics" || name == "icalendar") return InputFormat::ics;
  if (name == "twilio") return InputFormat::twilio;
  if (name == "jsonl") return InputFormat::jsonl;
  return std::nullopt;
}

bool parse_convert_options(std::string_view json, ConvertOptions& out, std::string& error) {
  if (json.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::parse_error& e) {
    error = "options: not valid JSON at byte " + std::to_string(e.byte);
    return false;
  }
  if (!doc.is_object()) {
    error = "options: must be a JSON object";
    return false;
  }
  for (const auto& item : doc.items()) {
    // Named copies: lambdas may not capture structured bindings in C++17 (clang refuses).
    const std::string key = item.key();
    const nlohmann::json& value = item.value();
    const auto instant = [&](std::optional<Instant>& target) {
      const auto parsed =
          value.is_string() ? parse_rfc3339(value.get<std::string>()) : std::nullopt;
      if (!parsed) {
        error = "options: \"" + key + "\" must be an RFC 3339 timestamp with an offset";
        return false;
      }
      target = parsed;
      return true;
    };
    const auto text = [&](std::string& target) {
      if (!value.is_string()) {
        error = "options: \"" + key + "\" must be a string";
        return false;
      }
      target = value.get<std::string>();
      return true;
    };
    bool ok = true;
    if (key == "window_start") {
      ok = instant(out.ics.window_start);
    } else if (key == "window_end") {
      ok = instant(out.ics.window_end);
    } else if (key == "received_at") {
      ok = instant(out.twilio.received_at);
    } else if (key == "max_occurrences") {
      ok = value.is_number_unsigned() && value.get<unsigned long long>() > 0 &&
           value.get<unsigned long long>() <= 1000000;
      if (ok)
        out.ics.max_occurrences = value.get<size_t>();
      else
        error = "options: \"max_occurrences\" must be a whole number from 1 to 1000000";
    } else if (key == "twilio_signature") {
      ok = text(out.twilio.signature);
    } else if (key == "twilio_url") {
      ok = text(out.twilio.url);
    } else if (key == "twilio_auth_token") {
      ok = text(out.twilio.auth_token);
    } else {
      error = "options: unknown key \"" + key +
              "\" (known: window_start, window_end, received_at, max_occurrences, "
              "twilio_signature, twilio_url, twilio_auth_token)";
      ok = false;
    }
    if (!ok) return false;
  }
  if (out.ics.window_start && out.ics.window_end && *out.ics.window_end < *out.ics.window_start) {
    error = "options: window_end is before window_start";
    return false;
  }
  return true;
}

Conversion convert_jsonl(std::string_view input) {
  Conversion out;
  EventDecoder decoder;
  size_t start = 0, number = 0;
  while (start <= input.size()) {
    size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    RecordReport record{"line " + std::to_string(number), Outcome::mapped, {}, {}};
    Event event;
    EventError error;
    if (decoder.decode(line, event, error)) {
      record.events.push_back(event.id);
      out.events.emplace_back(line);
    } else {
      record.reject(Outcome::unmapped, error.describe());
    }
    out.records.push_back(std::move(record));
  }
  return out;
}

Conversion convert(InputFormat format, std::string_view input, const MappingConfig& config,
                   const ConvertOptions& options) {
  switch (format) {
    case InputFormat::fhir:
      return convert_fhir(input, config, options.fhir);
    case InputFormat::ics:
      return convert_ics(input, config, options.ics);
    case InputFormat::twilio:
      return convert_twilio(input, config, options.twilio);
    case InputFormat::jsonl:
      return convert_jsonl(input);
  }
  return Conversion{};
}

std::shared_ptr<const MappingConfig> cached_mapping(const std::string& path, std::string& error) {
  struct Entry {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    std::shared_ptr<const MappingConfig> config;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;

  if (path.empty()) {
    static const auto defaults = std::make_shared<const MappingConfig>(MappingConfig::defaults());
    return defaults;
  }
  std::error_code ec;
  const auto modified = std::filesystem::last_write_time(path, ec);
  const auto size = ec ? 0 : std::filesystem::file_size(path, ec);
  if (!ec) {
    std::lock_guard lock{mutex};
    const auto it = cache.find(path);
    if (it != cache.end() && it->second.modified == modified && it->second.size == size) {
      return it->second.config;
    }
  }
  MappingLoad load = load_mapping_file(path);
  if (!load.config) {
    error = load.describe();
    if (!error.empty() && error.back() == '\n') error.pop_back();
    return nullptr;
  }
  auto config = std::make_shared<const MappingConfig>(std::move(*load.config));
  if (!ec) {
    std::lock_guard lock{mutex};
    if (cache.size() >= 16) cache.clear();
    cache[path] = Entry{modified, size, config};
  }
  return config;
}

}  // namespace bg::adapters
