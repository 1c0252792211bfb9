#pragma once
// Freshly initialised StyleGAN2 noise strengths are 0 (as in the reference), so noise would change nothing; the
// generator tests set them to 0.3 so that noise handling is actually exercised.
#include <string>

#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"

namespace facet::test {

inline void with_visible_noise(nn::StyleGan2& g) {
  torch::NoGradGuard no_grad;
  for (auto& p : g.module().named_parameters())
    if (p.key().find("noise.weight") != std::string::npos) p.value().fill_(0.3);
}

}  // namespace facet::test
