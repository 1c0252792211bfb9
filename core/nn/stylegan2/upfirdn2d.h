#pragma once
// upfirdn2d: up-sample by zero insertion, pad (negative pads crop), filter with a 2D FIR kernel (true
// convolution, i.e. the kernel flipped), then down-sample — the resampling op of StyleGAN2.
#include <torch/types.h>

namespace facet::nn::stylegan2 {

struct Pad2d {
  int64_t x0 = 0, x1 = 0, y0 = 0, y1 = 0;
};

// input [N, C, H, W], kernel [kh, kw]; differentiable.
torch::Tensor upfirdn2d(const torch::Tensor& input, const torch::Tensor& kernel, int64_t up, int64_t down, Pad2d pad);

}  // namespace facet::nn::stylegan2
