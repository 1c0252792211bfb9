#pragma once
// What the StyleGAN2 gradient tests share: a generator whose weights take no gradients (only the codes do), and
// the gradients of a pixel-weighted loss with respect to each style vector (StyleCLIP's style space).
#include <vector>

#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"

namespace facet::test {

inline void freeze(nn::StyleGan2& g) {
  for (auto& p : g.module().parameters()) p.requires_grad_(false);
}

// d/ds Σ synthesis(s)·pixel_weights for each style vector s of `wplus`, through the path `options` picks.
inline std::vector<torch::Tensor> style_gradients(nn::StyleGan2& g, const torch::Tensor& wplus,
                                                  const nn::SynthesisOptions& options,
                                                  const torch::Tensor& pixel_weights) {
  std::vector<torch::Tensor> styles;
  {
    torch::NoGradGuard no_grad;
    styles = g.styles(wplus);
  }
  for (auto& s : styles) s.requires_grad_(true);
  (g.synthesis_from_styles(styles, options) * pixel_weights).sum().backward();
  std::vector<torch::Tensor> grads;
  for (auto& s : styles) grads.push_back(s.grad());
  return grads;
}

}  // namespace facet::test
