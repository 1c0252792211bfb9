#include "core/nn/stylegan2/weight_grads.h"

#include <ATen/ATen.h>

#include "core/nn/stylegan2/conv_layout.h"
#include "core/nn/stylegan2/portable_winograd.h"

namespace facet::nn::stylegan2 {

namespace {
constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
}  // namespace

EpilogueGrads epilogue_grads(const torch::Tensor& g, const torch::Tensor& demod, const torch::Tensor& noise) {
  const int64_t channels = g.size(1);
  // One pass over g: [C, P]·[P, 2] with the columns 1 and noise (a matrix product reads channels-last g as it is).
  const torch::Tensor pixels = g.permute({0, 2, 3, 1}).reshape({-1, channels});  // [P, C]
  EpilogueGrads out;
  const torch::Tensor inverse = demod.reciprocal();
  if (!noise.defined()) {
    out.bias = pixels.sum(0) * inverse;
    return out;
  }
  const torch::Tensor columns = torch::stack({torch::ones({pixels.size(0)}, pixels.options()),
                                              noise.reshape({-1}).to(pixels.dtype())}, 1);  // [P, 2]
  const torch::Tensor sums = torch::mm(pixels.t(), columns) * inverse.view({-1, 1});      // [C, 2]
  out.bias = sums.select(1, 0).contiguous();
  out.noise_weight = sums.select(1, 1).sum().view({1});
  return out;
}

torch::Tensor styled_weight_grad(const ModulatedConvImpl& conv, const torch::Tensor& g_conv, const torch::Tensor& x,
                                 const torch::Tensor& f, const torch::Tensor& demod, const torch::Tensor& demod_sum,
                                 bool winograd) {
  const torch::Tensor w = conv.weight[0];  // [out, in, k, k]
  winograd = winograd && !conv.upsample && conv.kernel_size == 3;
  const bool plain = conv.upsample ? plain_layout_for_upsampling_weight_grads(conv.in_channels)
                                   : !winograd && conv.kernel_size == 3 && plain_layout_for_weight_grads();
  const torch::Tensor input =
      (x * f.view({1, -1, 1, 1})).contiguous(plain ? torch::MemoryFormat::Contiguous : kChannelsLast);
  torch::Tensor grad;
  if (winograd) {
    grad = PortableWinograd::weight_gradient(input, g_conv);
  } else if (conv.upsample) {
    // The stride-2 transposed convolution x·f → u with weight [in, out, k, k] has the weight gradient of its adjoint,
    // the stride-2 convolution g_conv → x·f with that same weight: Σ_m (x·f)[i, m] · g_conv[o, 2m + k] either way.
    // As a convolution oneDNN computes it; LibTorch takes transposed ones to an im2col and one BLAS product, 2–8×
    // slower here (and on one thread where facet-cli starts BLAS so).
    const torch::Tensor wt = w.transpose(0, 1);
    const torch::Tensor g = plain ? g_conv.contiguous() : g_conv.contiguous(kChannelsLast);
    auto result = at::convolution_backward(input, g, wt, c10::nullopt, {2, 2}, {0, 0}, {1, 1}, false, {0, 0}, 1,
                                           {false, true, false});
    grad = std::get<1>(result).transpose(0, 1);
  } else {
    const int64_t pad = conv.kernel_size / 2;
    auto result = at::convolution_backward(plain ? g_conv.contiguous() : g_conv, input, w, c10::nullopt, {1, 1},
                                           {pad, pad}, {1, 1}, false, {0, 0}, 1, {false, true, false});
    grad = std::get<1>(result);
  }
  // The demodulation's term.
  const torch::Tensor coefficient = (demod_sum * demod.pow(2)).view({-1, 1, 1, 1});
  grad = grad - coefficient * w * f.pow(2).view({1, -1, 1, 1});
  return grad.unsqueeze(0);
}

torch::Tensor rgb_weight_grad(const ModulatedConvImpl& conv, const torch::Tensor& m, const torch::Tensor& f) {
  return (m.t() * f.view({1, -1})).view({1, conv.out_channels, conv.in_channels, 1, 1});
}

}  // namespace facet::nn::stylegan2
