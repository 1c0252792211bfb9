#pragma once
// The backward of the fast path's element-wise passes (fast_ops.h), for the hand-written backward of
// synthesis_grad.h. CPU float32 channels-last tensors of one sample take hand-written loops (one pass each);
// anything else the same maths in ATen ops, which the tests compare them with.
#include <torch/types.h>

#include "core/nn/stylegan2/fast_ops.h"

namespace facet::nn::stylegan2 {

struct ActivationGrad {
  // [C]: Σ_pixels g_pre·(pre − noise_weight·noise − bias), g_pre = dL/d(pre-activation): the gradient with respect
  // to the demodulation, times the demodulation.
  torch::Tensor demod_sum;
  torch::Tensor noise;  // [1, 1, H, W]: dL/d(noise map), when asked for
};

// g: dL/dy [1, C, H, W] of y = leaky_relu(demod·u + noise_weight·noise + bias, 0.2)·√2 (activate_ with `a`, whose
// demod must be defined); y: that output. Replaces g by dL/du = g_pre·demod.
ActivationGrad activation_backward_(torch::Tensor& g, const torch::Tensor& y, const Activation& a, bool noise_grad);
ActivationGrad activation_backward_aten_(torch::Tensor& g, const torch::Tensor& y, const Activation& a,
                                         bool noise_grad);

// The adjoint of the up-sampling layers' blur (upfirdn2d pad 1 with the 4×4 `kernel`): g [1, C, 2H, 2W] →
// [1, C, 2H + 1, 2W + 1], i.e. upfirdn2d(g, flipped kernel, pad 2).
torch::Tensor blur_adjoint(const torch::Tensor& g, const torch::Tensor& kernel);
torch::Tensor blur_adjoint_aten(const torch::Tensor& g, const torch::Tensor& kernel);

// g: dL/d(x·f) [1, C, H, W] for the layer input x and per-channel factor f [C]. Returns Σ_pixels x·g ([C], the
// factor's gradient) and, with want_input_grad, replaces g by dL/dx = g·f.
torch::Tensor input_backward_(torch::Tensor& g, const torch::Tensor& x, const torch::Tensor& f, bool want_input_grad);
torch::Tensor input_backward_aten_(torch::Tensor& g, const torch::Tensor& x, const torch::Tensor& f,
                                   bool want_input_grad);

}  // namespace facet::nn::stylegan2
