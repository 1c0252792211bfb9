#pragma once
// Which memory layout a convolution runs fastest in. The fast path keeps its activations channels-last (its own
// kernels and, with AVX-512, oneDNN's are fastest so); without AVX-512, oneDNN's direct 3×3 convolutions are faster
// on plain NCHW tensors, which it reorders into its blocked layout, for the wide layers at 32² and more (1.3–1.7×
// on AVX2, the two layout changes included), and its 3×3 weight gradients at every size (3–4× at 64² and more).
// The results equal the channels-last ones to float rounding.
#include <cstdint>

#include <torch/types.h>

namespace facet::nn::stylegan2 {

// Whether a stride-1 3×3 convolution with `channels` inputs on a height × width input runs faster in NCHW here.
bool plain_layout_for_conv3x3(int64_t channels, int64_t height, int64_t width);

// Whether 3×3 weight gradients (stride 1) run faster in NCHW here.
bool plain_layout_for_weight_grads();

// Whether an up-sampling layer's weight gradient (the stride-2 convolution's that weight_grads.cpp computes it as)
// with `in_channels` inputs runs faster in NCHW here: without AVX-512 at every width, with it for the wide layers.
bool plain_layout_for_upsampling_weight_grads(int64_t in_channels);

// conv2d(x, w, padding 1) for x [N, in, H, W] channels-last and w [out, in, 3, 3] in any layout (copied once into
// the one it runs in): in NCHW where plain_layout_for_conv3x3 says so (a CPU tensor), else channels-last; the
// result channels-last.
torch::Tensor conv3x3_channels_last(const torch::Tensor& x, const torch::Tensor& w);

}  // namespace facet::nn::stylegan2
