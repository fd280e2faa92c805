#include "policy/pack_collector.h"

#include <filesystem>
#include <set>

namespace bg {
namespace {

class Collector {
 public:
  explicit Collector(ProblemSink& sink) : sink_(sink) {}

  void visit(const std::string& path) {
    const std::string key = std::filesystem::weakly_canonical(path).string();
    if (done_.count(key) != 0) return;
    auto pack = read_pack(path, sink_);
    if (!pack) return;
    in_progress_.insert(key);
    for (const auto& ref : pack->extends) {
      const std::string target = resolve_pack(ref.name, pack->directory);
      if (target.empty()) {
        sink_.error(*ref.file, ref.node, "BG-P011", "extends",
                    "no pack \"" + ref.name + "\" beside " + pack->directory);
        continue;
      }
      const std::string target_key = std::filesystem::weakly_canonical(target).string();
      if (in_progress_.count(target_key) != 0) {
        sink_.error(
            *ref.file, ref.node, "BG-P010", "extends",
            "pack \"" + pack->name + "\" extends \"" + ref.name + "\", which leads back to it");
        continue;
      }
      visit(target);
    }
    in_progress_.erase(key);
    done_.insert(key);
    packs_.push_back(std::move(*pack));
  }

  std::vector<RawPack> take() { return std::move(packs_); }

 private:
  ProblemSink& sink_;
  std::set<std::string> in_progress_;
  std::set<std::string> done_;
  std::vector<RawPack> packs_;
};

}  // namespace

std::vector<RawPack> collect_packs(const std::string& path, ProblemSink& sink) {
  Collector collector{sink};
  collector.visit(path);
  return collector.take();
}

}  // namespace bg
