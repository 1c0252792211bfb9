// libFuzzer target: photo decoding (header peek, size limits, OpenCV's decoders with EXIF orientation) must give
// an 8-bit BGR image within the pixel limit or a facet::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include <opencv2/core.hpp>

#include "core/face/photo.h"
#include "core/io/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)facet::face::peek_photo_size(bytes);
  try {
    const cv::Mat bgr = facet::face::decode_photo(bytes, "fuzz.img");
    if (bgr.type() != CV_8UC3 || std::int64_t(bgr.cols) * bgr.rows > facet::face::kMaxPhotoPixels) __builtin_trap();
  } catch (const facet::Error&) {
  }
  return 0;
}
