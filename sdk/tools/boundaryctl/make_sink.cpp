#include "jsonl_sink.h"
#include "replay_sink.h"
#include "summary_sink.h"
#include "table_sink.h"

namespace boundaryctl {

std::unique_ptr<ReplaySink> make_sink(const std::string& format, const std::string& input) {
  if (format == "table") return std::make_unique<TableSink>();
  if (format == "summary") return std::make_unique<SummarySink>(input);
  return std::make_unique<JsonlSink>();
}

}  // namespace boundaryctl
