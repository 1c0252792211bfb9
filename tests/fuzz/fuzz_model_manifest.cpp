// libFuzzer target: models/manifest.json must turn any bytes into a list of models or a facet::Error, and every
// model it accepts has an id, a file, a size that is unknown or not negative and checksums in lowercase hex.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/io/error.h"
#include "core/models/model_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto models =
        facet::models::parse_manifest(std::string(reinterpret_cast<const char*>(data), size), "manifest.json");
    for (const auto& m : models) {
      const bool hex = m.sha256.find_first_not_of("0123456789abcdef") == std::string::npos &&
                       m.sha256_prefix.find_first_not_of("0123456789abcdef") == std::string::npos;
      if (m.id.empty() || m.file.empty() || m.size_bytes < -1 || !hex || (!m.sha256.empty() && m.sha256.size() != 64))
        std::abort();  // accepted an entry the checks downstream would trust
    }
  } catch (const facet::Error&) {
  }
  return 0;
}
