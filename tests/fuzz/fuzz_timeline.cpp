// libFuzzer target: a recorded timeline (the "timeline" object of a session) must load or give a facet::Error,
// and a loaded one must sample anywhere without failing.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/video/timeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto json = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return 0;  // not JSON: the session reader refuses it before the timeline sees it
  try {
    const auto timeline = facet::video::Timeline::from_json(json, "fuzz timeline");
    const double end = timeline.duration();
    // A timeline without attribute names holds as many α values per keyframe as its first keyframe.
    const size_t count = timeline.attribute_ids().empty() && !timeline.keyframes().empty()
                             ? timeline.keyframes().front().state.alphas.size()
                             : timeline.attribute_ids().size();
    for (double t : {-1.0, 0.0, end / 3, end / 2, end, end + 1}) {
      const auto state = timeline.sample(t);
      if (state.alphas.size() != count) __builtin_trap();
    }
  } catch (const facet::Error&) {
  }
  return 0;
}
