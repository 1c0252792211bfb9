#pragma once
// The weights' share of the hand-written synthesis backward (synthesis_grad.h): what tuning a generator to a
// photo needs beside the styles' gradients. Per StyledConv y = lrelu(d·u + w_n·noise + b)·√2, u = conv(x·f, W),
// f = scale·s, d_o = rsqrt(Σ_ik W_oik²·f_i² + 1e-8), and g = dL/du = g_pre·d (what activation_backward_ leaves):
//  - dL/db_o = Σ_pixels g_o / d_o, dL/dw_n = Σ_pixels noise·Σ_o g_o / d_o;
//  - dL/dW = the convolution's weight gradient for input x·f and output gradient g (before the blur's adjoint
//    on up-sampling layers, where u is a stride-2 transposed convolution), plus the demodulation's term
//    ∂L/∂W_oik = −demod_sum_o·d_o²·W_oik·f_i² (demod_sum: ActivationGrad::demod_sum).
// ToRGB y = conv1×1(x·f, W) + b: dL/dW_oi = f_i·Σ_pixels x_i·g_o and dL/db = Σ_pixels g.
// The style affines (modulation) and the mapping get theirs from autograd, through the styles.
#include <torch/types.h>

#include "core/nn/stylegan2/layers.h"

namespace facet::nn::stylegan2 {

struct EpilogueGrads {
  torch::Tensor bias;          // [C]
  torch::Tensor noise_weight;  // [1], or undefined when the layer had no noise
};

// g: dL/du [1, C, H, W] (any layout), demod [C], noise [1, 1, H, W] or undefined.
EpilogueGrads epilogue_grads(const torch::Tensor& g, const torch::Tensor& demod, const torch::Tensor& noise);

// dL/d(conv.weight) ([1, out, in, k, k]) of a StyledConv's modulated convolution. g_conv: dL/d(the raw
// convolution's output): g itself, or blur_adjoint(g) on up-sampling layers; x: the layer's input; f [in].
// winograd: the convolution's share by the portable Winograd (3×3 stride-1 layers; portable_winograd.h).
torch::Tensor styled_weight_grad(const ModulatedConvImpl& conv, const torch::Tensor& g_conv, const torch::Tensor& x,
                                 const torch::Tensor& f, const torch::Tensor& demod, const torch::Tensor& demod_sum,
                                 bool winograd = false);

// dL/d(conv.weight) ([1, 3, in, 1, 1]) of a ToRGB, from m = Σ_pixels x_i·g_o ([in, 3]) and f [in].
torch::Tensor rgb_weight_grad(const ModulatedConvImpl& conv, const torch::Tensor& m, const torch::Tensor& f);

}  // namespace facet::nn::stylegan2
