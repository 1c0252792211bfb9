#pragma once
// The embedding tests' common start: the small fixture generator (64², 10 × 128 W+), the first fixture W+ and the
// image the plain path renders from it, to be embedded back.
#include <memory>

#include <torch/torch.h>

#include "core/io/npy.h"
#include "core/nn/stylegan2/generator.h"
#include "tests/support/test_support.h"

namespace facet::test {

struct EmbedFixture {
  std::shared_ptr<nn::StyleGan2> g;
  torch::Tensor wplus, target;
};

inline EmbedFixture load_embed_fixture() {
  EmbedFixture f;
  f.g = nn::StyleGan2::load(fixture("stylegan2/g_small_zip.pt"));
  f.wplus = io::read_npy(fixture("stylegan2/wplus.npy")).slice(0, 0, 1).to(torch::kFloat);
  torch::NoGradGuard no_grad;
  nn::SynthesisOptions o;
  o.fast = false;
  f.target = f.g->synthesis(f.wplus, o);
  return f;
}

}  // namespace facet::test
