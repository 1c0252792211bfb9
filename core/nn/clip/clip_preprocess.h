#pragma once
// CLIP's image pre-processing (clip.load's transform) on tensors: resize so the shorter side is the model's
// input resolution (bicubic, anti-aliased like PIL), centre crop to a square, then normalise with CLIP's
// mean/std. Input: NCHW float RGB in [0, 1] (what ToTensor gives) — use from_generator_range for [-1, 1].
#include <torch/types.h>

namespace facet::nn::clip {

constexpr double kClipMean[3] = {0.48145466, 0.4578275, 0.40821073};
constexpr double kClipStd[3] = {0.26862954, 0.26130258, 0.27577711};

// [N,3,H,W] in [0,1] → [N,3,R,R] ready for ClipModel::encode_image. Differentiable.
torch::Tensor preprocess(const torch::Tensor& images01, int64_t resolution);
// Generator output in [-1, 1] → [0, 1], clamped.
torch::Tensor from_generator_range(const torch::Tensor& images);
// The resized size of the shorter-side resize (torchvision's rule: the long side is truncated).
std::pair<int64_t, int64_t> resized_size(int64_t height, int64_t width, int64_t resolution);

}  // namespace facet::nn::clip
