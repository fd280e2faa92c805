// --format jsonl: one line per evaluated input line, in order: the plugin's verdict JSON, or
// {"line":N,"error":"..."} for a rejected line.
#pragma once

#include "replay_sink.h"

namespace boundaryctl {

class JsonlSink final : public ReplaySink {
 public:
  void on_verdict(uint64_t line_number, std::string_view line,
                  const boundary_guard::Verdict& verdict, bg_status status) override;
  void on_rejected(uint64_t line_number, std::string_view line, std::string_view message) override;
  void finish() override {}
};

// {"line":N,"error":"<message>"} with the message escaped as a JSON string (invalid UTF-8
// replaced), no newline.
std::string rejection_json(uint64_t line_number, std::string_view message);

}  // namespace boundaryctl
