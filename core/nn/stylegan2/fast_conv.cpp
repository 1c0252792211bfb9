#include "core/nn/stylegan2/fast_conv.h"

#include <torch/torch.h>

#include "core/nn/stylegan2/conv_layout.h"
#include "core/nn/stylegan2/cpu_features.h"

namespace facet::nn::stylegan2 {

namespace {
thread_local bool bfloat16_scope = false;
}  // namespace

BFloat16Convolutions::BFloat16Convolutions() : previous_(bfloat16_scope) {
  bfloat16_scope = cpu_features().avx512_bf16;
}
BFloat16Convolutions::~BFloat16Convolutions() { bfloat16_scope = previous_; }

bool bfloat16_convolutions() { return bfloat16_scope; }

torch::Tensor fast_conv2d(const torch::Tensor& x, const torch::Tensor& w, int64_t padding) {
  namespace F = torch::nn::functional;
  const auto options = F::Conv2dFuncOptions().padding(padding);
  if (!bfloat16_scope || !x.device().is_cpu() || x.scalar_type() != torch::kFloat32) {
    if (w.size(2) == 3 && w.size(3) == 3 && padding == 1) return conv3x3_channels_last(x, w);
    return F::conv2d(x, w, options);
  }
  constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
  return F::conv2d(x.to(torch::kBFloat16).contiguous(kChannelsLast),
                   w.to(torch::kBFloat16).contiguous(kChannelsLast), options)
      .to(torch::kFloat32)
      .contiguous(kChannelsLast);
}

}  // namespace facet::nn::stylegan2
