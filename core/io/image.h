#pragma once
// Image files at the I/O edge (OpenCV): tensors are NCHW/CHW float RGB in [-1, 1] inside Facet.
// Only built with FACET_WITH_VISION.
#include <string>

#include <torch/types.h>

namespace facet::io {

// Writes a [3, H, W] (or [1, 3, H, W]) tensor in [-1, 1] as PNG/JPEG/BMP (by extension), clamped, atomically.
void write_image(const std::string& path, const torch::Tensor& chw, int jpeg_quality = 95);

}  // namespace facet::io
