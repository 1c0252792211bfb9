#pragma once
// The element-wise ends of the fast path's layers, each in one pass over the activations. StyledConv:
//   y ← leaky_relu(demod·conv + noise_weight·noise + bias, 0.2)·√2
// with, on up-sampling layers, the FIR blur of the transposed convolution in the same pass; ToRGB: the
// up-sampled skip added.
// CPU float32 channels-last tensors take hand-written loops (one read and one write of each activation, where a
// chain of ATen ops makes four to six); anything else (CUDA, other layouts) takes the same maths in ATen ops.
#include <array>

#include <torch/types.h>

namespace facet::nn::stylegan2 {

struct Activation {
  torch::Tensor noise;         // [1, 1, H, W], or undefined for no noise
  torch::Tensor noise_weight;  // [1]: the layer's noise.weight
  torch::Tensor bias;          // [C]: the layer's activate.bias
  torch::Tensor demod;         // [C], or undefined for 1: the demodulation a layer that modulated its input owes
};

// In place on y [1, C, H, W].
void activate_(torch::Tensor& y, const Activation& a);

// The four sub-pixel phases of a stride-2 3×3 transposed convolution, indexed 2·a + b for output row parity a and
// column parity b, each over the input's H×W grid with a zero border where its taps need one:
//   phase (a, b) has (H + 1 + a) rows and (W + 1 + b) columns; output row 2m + a is phase row m + a.
// Returns blur(transposed conv, pad 1) followed by the activation: [1, C, 2H, 2W], as rosinality's up-sampling
// ModulatedConv2d + FusedLeakyReLU compute it. `kernel` is the layer's blur.kernel (4×4).
// `out`, when given with that shape in channels-last float32 on the CPU, receives the result (see StyleGan2's
// up-sampling layers for why it is allocated before the phases).
torch::Tensor blur_phases_activate(const std::array<torch::Tensor, 4>& phases, const torch::Tensor& kernel,
                                   const Activation& a, torch::Tensor out = {});

// y += upfirdn2d(skip, kernel, up 2, pad (2, 1)): ToRGB's up-sampled skip. y [1, C, 2h, 2w], skip [1, C, h, w],
// kernel 4×4 (upsample.kernel).
void add_upsampled_(torch::Tensor& y, const torch::Tensor& skip, const torch::Tensor& kernel);

// The same through ATen ops alone (any device); the CPU kernels' reference in tests.
torch::Tensor blur_phases_activate_aten(const std::array<torch::Tensor, 4>& phases, const torch::Tensor& kernel,
                                        const Activation& a);
void activate_aten_(torch::Tensor& y, const Activation& a);
void add_upsampled_aten_(torch::Tensor& y, const torch::Tensor& skip, const torch::Tensor& kernel);

}  // namespace facet::nn::stylegan2
