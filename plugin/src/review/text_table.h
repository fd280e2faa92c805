// Plain-text tables (columns aligned, long cells cut with "…") and CSV rows (RFC 4180; cells that
// a spreadsheet would run as a formula are prefixed with an apostrophe).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace bg::review {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, size_t max_cell = 60);
  void add(std::vector<std::string> row);
  size_t rows() const { return rows_.size(); }
  std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  size_t max_cell_;
};

// One CSV line (with "\r\n").
std::string csv_row(const std::vector<std::string>& cells);

// The number of characters (code points) in UTF-8 text.
size_t display_width(const std::string& text);

}  // namespace bg::review
