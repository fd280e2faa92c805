#include "adapted_input.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace boundaryctl {

void add_adapter_options(CLI::App* cmd, AdapterOptions& o, bool required_format,
                         bool with_signature) {
  auto* format = cmd->add_option(
      "--input", o.format,
      "Input format: jsonl (schema v1), fhir (a FHIR R4 resource, Bundle, notification bundle or "
      "NDJSON), ics (iCalendar), twilio (an inbound SMS webhook body)");
  format->check(CLI::IsMember({"jsonl", "fhir", "ics", "twilio"}));
  if (required_format) {
    format->required();
  } else {
    format->capture_default_str();
  }
  cmd->add_option("--mapping", o.mapping,
                  "Mapping file (YAML or JSON): roster ids, settings, channels, time zones. "
                  "Default: the plugin's built-in defaults (docs/integrations/mapping.md)");
  cmd->add_option("--window-start", o.window_start,
                  "ics: expand recurring series from this RFC 3339 time (inclusive)");
  cmd->add_option("--window-end", o.window_end,
                  "ics: ... up to this RFC 3339 time (exclusive); needed for endless series");
  cmd->add_option("--received-at", o.received_at,
                  "twilio: the receive time to stamp (RFC 3339). Default: now");
  if (!with_signature) {
    cmd->add_option("--roster", o.roster,
                    "With --input fhir|ics|twilio: a JSON Lines file of roster events "
                    "(therapist, client, boundary_extension) evaluated before the input");
  }
  if (with_signature) {
    cmd->add_option("--twilio-url", o.twilio_url,
                    "twilio: the URL Twilio requested, to check --twilio-signature against");
    cmd->add_option("--twilio-signature", o.twilio_signature,
                    "twilio: the request's X-Twilio-Signature; checked with the auth token in "
                    "$TWILIO_AUTH_TOKEN");
  }
}

std::string adapter_options_json(const AdapterOptions& o) {
  nlohmann::json options = nlohmann::json::object();
  if (!o.window_start.empty()) options["window_start"] = o.window_start;
  if (!o.window_end.empty()) options["window_end"] = o.window_end;
  if (!o.received_at.empty()) options["received_at"] = o.received_at;
  if (!o.twilio_signature.empty()) {
    options["twilio_signature"] = o.twilio_signature;
    options["twilio_url"] = o.twilio_url;
    const char* token = std::getenv("TWILIO_AUTH_TOKEN");
    options["twilio_auth_token"] = token != nullptr ? token : "";
  }
  return options.empty() ? std::string{} : options.dump();
}

std::string read_whole_input(const std::string& path) {
  if (path == "-") {
    return std::string{std::istreambuf_iterator<char>{std::cin}, std::istreambuf_iterator<char>{}};
  }
  std::ifstream in{path, std::ios::binary};
  if (!in) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read " + path);
  return text.str();
}

boundary_guard::Conversion convert_input(const bg_api* api, const std::string& path,
                                         const AdapterOptions& options) {
  const std::string input = read_whole_input(path);
  boundary_guard::Conversion result = boundary_guard::convert(
      api, options.format, input, options.mapping, adapter_options_json(options));
  if (result.status == BG_E_INVALID_ARGUMENT) {
    throw boundary_guard::Error(result.status, result.report);
  }
  if (result.status == BG_E_BAD_EVENT) {
    std::string why = result.report;
    try {
      why = nlohmann::json::parse(result.report.substr(0, result.report.find('\n')))
                .value("input_error", why);
    } catch (const nlohmann::json::exception&) {
    }
    throw boundary_guard::Error(result.status,
                                (path == "-" ? "standard input" : path) + ": " + why);
  }
  if (!result.ok()) throw boundary_guard::Error(result.status, result.report);
  return result;
}

bool print_report(const std::string& report_jsonl, bool all) {
  bool lost = false;
  std::istringstream lines{report_jsonl};
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
      continue;
    }
    const std::string outcome = record.value("outcome", "");
    if (outcome == "unmapped" || outcome == "needs_resource") lost = true;
    if (outcome == "mapped" && !all) continue;
    std::string text = "boundaryctl: " + record.value("record", std::string{"?"}) + ": " + outcome;
    if (const std::string reason = record.value("reason", ""); !reason.empty()) {
      text += ": " + reason;
    }
    if (outcome == "mapped" || outcome == "partial") {
      const auto events = record.value("events", nlohmann::json::array());
      text += " (" + std::to_string(events.size()) + (events.size() == 1 ? " event)" : " events)");
    }
    std::fprintf(stderr, "%s\n", text.c_str());
  }
  return lost;
}

bool EventLines::next(std::string_view& line) {
  if (position_ >= text_.size()) return false;
  size_t end = text_.find('\n', position_);
  if (end == std::string::npos) end = text_.size();
  line = std::string_view{text_}.substr(position_, end - position_);
  position_ = end + 1;
  ++number_;
  return true;
}

}  // namespace boundaryctl
