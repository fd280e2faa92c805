// The main() of a fuzz_<name>_replay test: feeds every file of the folders (or files) named on
// the command line to the target's LLVMFuzzerTestOneInput, in name order, as libFuzzer would
// replay them. A missing regressions/ folder is fine; a missing or empty corpus is a failure.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_in(const fs::path& where) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (fs::is_regular_file(where, ec)) return {where};
  for (const auto& entry : fs::directory_iterator(where, ec)) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " CORPUS_DIR [REGRESSIONS_DIR|FILE...]\n";
    return 2;
  }
  size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path where{argv[i]};
    std::error_code ec;
    if (!fs::exists(where, ec)) {
      if (i == 1) {
        std::cerr << "no seed corpus at " << where << "\n";
        return 1;
      }
      continue;  // no regressions yet
    }
    for (const auto& file : inputs_in(where)) {
      const auto bytes = read_bytes(file);
      // A heap block of exactly the input's size, so that ASan sees any read past its end.
      const std::unique_ptr<uint8_t[]> input{new uint8_t[bytes.size() + (bytes.empty() ? 1 : 0)]};
      std::copy(bytes.begin(), bytes.end(), input.get());
      std::cout << "replaying " << file.filename().string() << " (" << bytes.size() << " bytes)"
                << std::endl;
      LLVMFuzzerTestOneInput(input.get(), bytes.size());
      ++total;
    }
    if (i == 1 && total == 0) {
      std::cerr << "the seed corpus " << where << " is empty\n";
      return 1;
    }
  }
  std::cout << total << " input(s) replayed without a crash" << std::endl;
  return 0;
}
