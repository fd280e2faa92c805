#include "jsonl_sink.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace boundaryctl {

std::string rejection_json(uint64_t line_number, std::string_view message) {
  const nlohmann::json text = std::string{message};
  return "{\"line\":" + std::to_string(line_number) +
         ",\"error\":" + text.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}";
}

void JsonlSink::on_verdict(uint64_t, std::string_view, const boundary_guard::Verdict& verdict,
                           bg_status) {
  // The hot path: stdout is fully buffered unless it is a terminal (see stdout_buffer.h).
  const std::string_view json = verdict.json();
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
}

void JsonlSink::on_rejected(uint64_t line_number, std::string_view, std::string_view message) {
  const std::string json = rejection_json(line_number, message);
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace boundaryctl
