#pragma once
// cv::Mat (BGR uint8, the I/O edge) ↔ network tensors ([1, 3, H, W] RGB float in [-1, 1]).
#include <opencv2/core.hpp>
#include <torch/types.h>

namespace facet::face {

torch::Tensor bgr_to_tensor(const cv::Mat& bgr, const torch::Device& device = torch::kCPU);
// [3, H, W] or [1, 3, H, W] in [-1, 1] (clamped) → BGR uint8.
cv::Mat tensor_to_bgr(const torch::Tensor& image);

}  // namespace facet::face
