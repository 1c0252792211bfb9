// libFuzzer target: a .facet session must turn any bytes into a session or a facet::Error, and so must what the
// CLI and the editor read out of it next (the embedded text directions and the recorded timeline).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/edit/text_direction.h"
#include "core/io/error.h"
#include "core/session/session.h"
#include "core/video/timeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const facet::session::Session s = facet::session::parse_session(text, "fuzz.facet");
    for (const auto& slider : s.text_sliders) {
      try {
        (void)facet::edit::text_direction_from_json(slider.direction, "fuzz.facet: text slider");
      } catch (const facet::Error&) {
      }
    }
    if (!s.timeline.is_null()) (void)facet::video::Timeline::from_json(s.timeline, "fuzz.facet");
  } catch (const facet::Error&) {
  }
  return 0;
}
