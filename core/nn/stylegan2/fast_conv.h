#pragma once
// The fast path's convolutions, in float32 or, for previews, in bfloat16: operands rounded to bfloat16, products
// summed in float32 (oneDNN's bfloat16 convolutions, which AVX512_BF16's dot products run at twice the float32
// rate), the result rounded to bfloat16 and widened back to float32 for the epilogues. Chosen at run time: only
// inside a BFloat16Convolutions scope, and only on a CPU with AVX512_BF16 (cpu_features.h; elsewhere oneDNN would
// emulate it, slower than float32), else float32. Layers that run by Winograd (winograd_conv.h) stay float32.
#include <torch/types.h>

namespace facet::nn::stylegan2 {

// While alive on a thread, the fast path's convolutions on that thread run in bfloat16 where the CPU has it.
class BFloat16Convolutions {
 public:
  BFloat16Convolutions();
  ~BFloat16Convolutions();
  BFloat16Convolutions(const BFloat16Convolutions&) = delete;
  BFloat16Convolutions& operator=(const BFloat16Convolutions&) = delete;

 private:
  bool previous_;
};

// Whether this thread's fast-path convolutions run in bfloat16 now.
bool bfloat16_convolutions();

// conv2d(x, w, padding) for the fast path: x [1, in, H, W] and w [out, in, k, k], float32, channels-last; the result
// float32 channels-last.
torch::Tensor fast_conv2d(const torch::Tensor& x, const torch::Tensor& w, int64_t padding);

}  // namespace facet::nn::stylegan2
