// A synthesis's unchanged beginning kept for the next render (stylegan2/synthesis_reuse.h): an edit of the fine
// layers recomputes only the blocks it changes, and the image is the same bits as a whole render's; anything the
// kept stages depend on besides the styles (the coarse styles, the weights, the output size) starts over.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/synthesis_reuse.h"

using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::nn::stylegan2::SynthesisReuse;
using facet::nn::stylegan2::SynthesisReuseCache;

namespace {

// The image, and how many stages came from `cache`.
std::pair<torch::Tensor, int64_t> render(StyleGan2& g, const torch::Tensor& wplus, SynthesisReuseCache& cache,
                                         int64_t output_size = 0) {
  const SynthesisReuse reuse(cache);
  SynthesisOptions o;
  o.output_size = output_size;
  const int64_t before = SynthesisReuse::stages_reused();
  torch::Tensor image = g.synthesis(wplus, o);
  return {image, SynthesisReuse::stages_reused() - before};
}

torch::Tensor whole(StyleGan2& g, const torch::Tensor& wplus, int64_t output_size = 0) {
  SynthesisOptions o;
  o.output_size = output_size;
  return g.synthesis(wplus, o);
}

}  // namespace

TEST(StyleGan2Reuse, AnEditOfTheFineLayersRecomputesOnlyTheirBlocks) {
  // 64²: stages 4², 8², 16², 32², 64². Block b reads W+ rows 1 + 2b, 2 + 2b and 3 + 2b (its ToRGB).
  auto g = StyleGan2::random(64, 64, 2, 1, /*seed=*/4, torch::kCPU, /*max_channels=*/64);
  torch::manual_seed(2);
  const torch::Tensor wplus = g->to_wplus(g->mapping(torch::randn({1, 64})));
  SynthesisReuseCache cache;
  torch::Tensor fine = wplus.clone();
  fine.narrow(1, 6, g->n_latent() - 6).add_(0.5 * torch::randn({1, g->n_latent() - 6, 64}));  // rows 6–9
  torch::Tensor coarse = fine.clone();
  coarse.select(1, 0).add_(0.5);
  {
    const c10::InferenceMode inference;
    auto [first, reused_first] = render(*g, wplus, cache);
    EXPECT_EQ(reused_first, 0);
    EXPECT_TRUE(torch::equal(first, whole(*g, wplus)));
    // Rows 6 and up are first read by the 32² block: 4², 8² and 16² are kept.
    auto [edited, reused] = render(*g, fine, cache);
    EXPECT_EQ(reused, 3);
    EXPECT_TRUE(torch::equal(edited, whole(*g, fine)));
    EXPECT_FALSE(torch::equal(edited, first));
    auto [same, reused_all] = render(*g, fine, cache);
    EXPECT_EQ(reused_all, 5);
    EXPECT_TRUE(torch::equal(same, edited));
    auto [moved, reused_none] = render(*g, coarse, cache);
    EXPECT_EQ(reused_none, 0) << "row 0 is read by the first stage";
    EXPECT_TRUE(torch::equal(moved, whole(*g, coarse)));
    auto [smaller, reused_other_size] = render(*g, coarse, cache, 32);
    EXPECT_EQ(reused_other_size, 0);
    EXPECT_TRUE(torch::equal(smaller, whole(*g, coarse, 32)));
  }
  // New weights: nothing kept is theirs.
  {
    torch::NoGradGuard no_grad;
    g->module().named_parameters()["convs.0.conv.weight"].mul_(1.5);
  }
  const c10::InferenceMode inference;
  auto [retuned, reused_after_update] = render(*g, coarse, cache, 32);
  EXPECT_EQ(reused_after_update, 0);
  EXPECT_TRUE(torch::equal(retuned, whole(*g, coarse, 32)));
}
