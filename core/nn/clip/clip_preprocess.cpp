#include "core/nn/clip/clip_preprocess.h"

#include <cmath>

#include <torch/nn/functional/upsampling.h>

#include "core/io/error.h"

namespace facet::nn::clip {

std::pair<int64_t, int64_t> resized_size(int64_t height, int64_t width, int64_t resolution) {
  if (height <= width) return {resolution, static_cast<int64_t>(static_cast<double>(resolution) * width / height)};
  return {static_cast<int64_t>(static_cast<double>(resolution) * height / width), resolution};
}

torch::Tensor from_generator_range(const torch::Tensor& images) { return ((images + 1) * 0.5).clamp(0, 1); }

torch::Tensor preprocess(const torch::Tensor& images01, int64_t resolution) {
  if (images01.dim() != 4 || images01.size(1) != 3)
    throw Error("CLIP pre-processing expects images [N, 3, H, W], got " + c10::str(images01.sizes()));
  if (resolution <= 0) throw Error("CLIP input resolution must be positive");
  namespace F = torch::nn::functional;
  const auto [h, w] = resized_size(images01.size(2), images01.size(3), resolution);
  torch::Tensor x = images01.to(torch::kFloat32);
  if (h != x.size(2) || w != x.size(3))
    x = F::interpolate(x, F::InterpolateFuncOptions()
                              .size(std::vector<int64_t>{h, w})
                              .mode(torch::kBicubic)
                              .align_corners(false)
                              .antialias(true));
  // PIL's CenterCrop: offsets rounded to nearest.
  const int64_t top = static_cast<int64_t>(std::lround((h - resolution) / 2.0));
  const int64_t left = static_cast<int64_t>(std::lround((w - resolution) / 2.0));
  x = x.narrow(2, top, resolution).narrow(3, left, resolution);
  const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(x.device());
  const auto mean = torch::tensor({kClipMean[0], kClipMean[1], kClipMean[2]}, opts).view({1, 3, 1, 1});
  const auto std = torch::tensor({kClipStd[0], kClipStd[1], kClipStd[2]}, opts).view({1, 3, 1, 1});
  return (x - mean) / std;
}

}  // namespace facet::nn::clip
