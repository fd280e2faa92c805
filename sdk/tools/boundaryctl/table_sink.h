// --format table: a fixed-width table for people, one row per event with findings (a repeated
// id is the same event: one row). Rejected lines are listed after the table.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "replay_sink.h"

namespace boundaryctl {

class TableSink final : public ReplaySink {
 public:
  void on_verdict(uint64_t line_number, std::string_view line,
                  const boundary_guard::Verdict& verdict, bg_status status) override;
  void on_rejected(uint64_t line_number, std::string_view line, std::string_view message) override;
  void finish() override;

 private:
  void print_header();

  bool header_printed_ = false;
  uint64_t rows_ = 0;
  uint64_t rejected_ = 0;
  std::vector<std::string> rejections_;    // the first few, printed at the end
  std::unordered_set<std::string> shown_;  // ids with a row
};

}  // namespace boundaryctl
