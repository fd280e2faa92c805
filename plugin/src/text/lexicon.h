// A named list of words and phrases, compiled into one case-insensitive RE2 pattern that finds
// every occurrence with its byte span in the original text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/evidence.h"

namespace re2 {
class RE2;
}

namespace bg {

class Lexicon {
 public:
  // Entries are plain phrases; spaces match any run of white space and an apostrophe matches
  // ' or ’ or nothing. Fails (returns nullptr, fills error) when RE2 rejects the result.
  static std::unique_ptr<Lexicon> compile(std::string name, const std::vector<std::string>& entries,
                                          std::string& error);
  ~Lexicon();

  const std::string& name() const { return name_; }
  size_t size() const { return size_; }

  // Appends every non-overlapping match in `text` to `out`; returns how many it found.
  size_t find_all(std::string_view text, std::vector<Evidence>& out) const;

 private:
  Lexicon() = default;
  std::string name_;
  size_t size_ = 0;
  std::unique_ptr<re2::RE2> pattern_;
};

}  // namespace bg
