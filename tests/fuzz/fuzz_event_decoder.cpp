// Fuzz target: one JSON Lines record through the event decoder (plugin/src/codec). Whatever the
// bytes, decode() must return an event or an error that says why, and never crash, hang or
// throw. A decoded event must also survive a second decode of the same bytes unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "codec/event_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The engine's limits (docs/events.md), and small ones so the fuzzer reaches the limit paths.
  static const bg::EventDecoder kDefault{bg::EventLimits{}};
  static const bg::EventDecoder kSmall{bg::EventLimits{64, 4, 16}};
  const std::string_view line{reinterpret_cast<const char*>(data), size};
  for (const bg::EventDecoder* decoder : {&kDefault, &kSmall}) {
    bg::Event event;
    bg::EventError error;
    if (decoder->decode(line, event, error)) {
      if (event.id.empty()) std::abort();  // an accepted event always has an id
      bg::Event again;
      if (!decoder->decode(line, again, error) || again.id != event.id ||
          again.body.index() != event.body.index()) {
        std::abort();  // decoding is deterministic
      }
    } else if (error.describe().empty() || error.message.empty()) {
      std::abort();  // a rejection always says why
    }
  }
  (void)bg::json_nesting_depth(line, 16);
  return 0;
}
