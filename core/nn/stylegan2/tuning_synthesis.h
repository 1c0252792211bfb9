#pragma once
// The synthesis that tuning a generator to a photo differentiates: the generator's own layers handed to the fast
// path's hand-written backward (synthesis_grad.h) with its weights that require grad as further inputs, so one
// backward gives the gradients of the synthesis weights (modulated convolutions, their biases and noise strengths,
// ToRGB, the constant input) and, through the styles, of the style affines. StyleGan2::synthesis keeps that path to
// frozen weights (SynthesisOptions::fast_gradients); tuning calls this one.
#include <torch/types.h>

namespace facet::nn {

class StyleGan2;

// W+ [1, n_latent, style_dim] → image [1, 3, S, S] at the generator's size, constant noise (the checkpoint's
// noise buffers), on the CPU fast path. Other devices take autograd over the plain path.
torch::Tensor tuning_synthesis(StyleGan2& generator, const torch::Tensor& wplus);

}  // namespace facet::nn
