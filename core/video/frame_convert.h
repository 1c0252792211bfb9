#pragma once
// Between Facet's image tensors ([3, H, W] float RGB in [-1, 1]) and OpenCV video frames (8-bit BGR).
#include <opencv2/core.hpp>
#include <torch/types.h>

namespace facet::video {

cv::Mat tensor_to_bgr(const torch::Tensor& chw);   // [3, H, W] or [1, 3, H, W], any device; clamped
torch::Tensor bgr_to_tensor(const cv::Mat& bgr);   // → [3, H, W] float32 CPU in [-1, 1]

}  // namespace facet::video
