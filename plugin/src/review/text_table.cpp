#include "review/text_table.h"

#include <algorithm>

namespace bg::review {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// At most `width` characters, ending in "…" when cut; line breaks become spaces.
std::string fit(const std::string& text, size_t width) {
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::replace(flat.begin(), flat.end(), '\r', ' ');
  std::replace(flat.begin(), flat.end(), '\t', ' ');
  if (display_width(flat) <= width) return flat;
  // The first width - 1 characters, then the ellipsis.
  std::string out;
  size_t chars = 0;
  for (const char c : flat) {
    if (!is_continuation(c) && chars++ == width - 1) break;
    out += c;
  }
  return out + "\xE2\x80\xA6";
}

}  // namespace

size_t display_width(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

TextTable::TextTable(std::vector<std::string> headers, size_t max_cell)
    : headers_(std::move(headers)), max_cell_(max_cell) {}

void TextTable::add(std::vector<std::string> row) {
  row.resize(headers_.size());
  for (auto& cell : row) cell = fit(cell, max_cell_);
  rows_.push_back(std::move(row));
}

std::string TextTable::render() const {
  std::vector<size_t> widths;
  for (const auto& h : headers_) widths.push_back(display_width(h));
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) text.append(widths[i] - display_width(cells[i]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(headers_);
  for (const auto& row : rows_) line(row);
  return out;
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string cell = cells[i];
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
      cell.insert(0, "'");
    }
    if (cell.find_first_of(",\"\r\n") != std::string::npos) {
      std::string quoted = "\"";
      for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
      }
      cell = quoted + "\"";
    }
    if (i > 0) out += ',';
    out += cell;
  }
  return out + "\r\n";
}

}  // namespace bg::review
