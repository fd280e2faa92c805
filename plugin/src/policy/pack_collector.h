// Follows `extends` from a pack to every pack beneath it and returns them base first, each once.
// Loops and missing packs are reported where the offending `extends` entry is written.
#pragma once

#include <string>
#include <vector>

#include "policy/pack_reader.h"

namespace bg {

std::vector<RawPack> collect_packs(const std::string& path, ProblemSink& sink);

}  // namespace bg
