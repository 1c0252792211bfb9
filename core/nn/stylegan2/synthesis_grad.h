#pragma once
// Synthesis differentiable in the styles, the noise maps and (for tuning, tuning_synthesis.h) the weights: the forward
// is the fast path's (one sample, channels-last, sub-pixel phases, fused epilogues) and keeps only what the
// backward needs (each StyledConv's output, which is also the next layer's input); the backward is written by
// hand as one autograd node, so no graph of the plain path's grouped convolutions is built or kept.
//
// Per StyledConv y = lrelu(d·conv(x·f, W) + w_n·noise + b)·√2 with f = scale·s, d = rsqrt(Σ_ik W²·f² + 1e-8):
//  - the activation's slope comes from the sign of y, and d·conv(x·f, W) from y, the noise and the bias;
//  - dL/d(x·f) is one convolution with the constant weights (stride 2 after the blur's adjoint on up-sampling
//    layers); the style's gradient is then Σ_pixels x·dL/d(x·f) plus the demodulation's term, so no gradient with
//    respect to a per-sample weight is ever formed.
#include <cstdint>
#include <memory>
#include <vector>

#include <torch/types.h>

#include "core/nn/stylegan2/layers.h"

namespace facet::nn::stylegan2 {

struct StyledLayer {
  std::shared_ptr<ModulatedConvImpl> conv;
  torch::Tensor noise_weight, bias;  // noise.weight [1], activate.bias [C]
  torch::Tensor noise;               // [1, 1, H, W] of the output, or undefined for none; may require grad
};

struct RgbLayer {
  std::shared_ptr<ModulatedConvImpl> conv;
  torch::Tensor bias;         // [1, 3, 1, 1]
  torch::Tensor skip_kernel;  // upsample.kernel (4×4); undefined for to_rgb1
};

struct SynthesisLayers {
  torch::Tensor input;             // the constant input [1, C, 4, 4]
  std::vector<StyledLayer> convs;  // conv1, then each block's up-sampling conv and conv
  std::vector<RgbLayer> rgbs;      // to_rgb1, then each block's
};

// One sample: `styles` in synthesis order (conv1, to_rgb1, then per block up, conv, rgb), each [1, in], as many as
// the layers use. Returns the image [1, 3, S, S] (NCHW). When grad mode is on and a style, a noise map or a weight
// (the input, a conv's weight, noise weight or bias, a ToRGB's weight or bias: weight_grads.h) requires grad, the
// image's grad_fn is the hand-written backward; it holds the layers until it has run.
torch::Tensor synthesis_with_gradients(const SynthesisLayers& layers, const std::vector<torch::Tensor>& styles);

// How many backward passes the hand-written backward has run in this process: an optimiser's tests check with it
// that their steps take this path and not autograd's generic one (which gives the same numbers, slower).
std::uint64_t synthesis_backward_runs();

}  // namespace facet::nn::stylegan2
