// libFuzzer target: a text direction file (StyleCLIP slider) must load or give a facet::Error.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/edit/text_direction.h"
#include "core/io/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto json = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return 0;
  try {
    (void)facet::edit::text_direction_from_json(json, "fuzz direction");
  } catch (const facet::Error&) {
  }
  return 0;
}
