// Image2StyleGAN's keep_best (the editor's photo refinement): the returned code is the one with the lowest loss
// seen, even when Adam overshoots (a learning rate far too large) or the run is cancelled part-way.
#include <atomic>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/embed/image2stylegan.h"
#include "tests/core/embed/embed_fixture.h"
#include "tests/support/test_support.h"

namespace {

using facet::embed::EmbedOptions;
using facet::embed::EmbedProgress;
using facet::embed::Image2StyleGan;

TEST(Image2StyleGanKeepBest, OvershootingAdamStillReturnsTheBestCode) {
  FACET_REQUIRE_FIXTURES();
  auto s = facet::test::load_embed_fixture();
  Image2StyleGan embedder(s.g);
  EmbedOptions o;
  o.steps = 12;
  o.lr = 3.0;  // far too large: the loss jumps around
  o.start = s.wplus + 0.05 * torch::randn(s.wplus.sizes(), torch::TensorOptions().dtype(torch::kFloat));
  std::vector<double> losses;
  const auto plain = embedder.embed(s.target, o, [&](const EmbedProgress& p) { losses.push_back(p.loss); });
  EXPECT_EQ(plain.best_step, -1);
  const double best_seen = *std::min_element(losses.begin(), losses.end());
  ASSERT_GT(plain.final_loss, best_seen) << "this learning rate should overshoot";

  o.keep_best = true;
  const auto kept = embedder.embed(s.target, o);
  EXPECT_EQ(kept.steps_done, 12);
  EXPECT_NEAR(kept.final_loss, best_seen, 1e-6 * std::max(1.0, best_seen));
  EXPECT_GE(kept.best_step, 0);
  EXPECT_LT(kept.best_step, 12);
  EXPECT_LE(kept.final_loss, plain.final_loss);
}

TEST(Image2StyleGanKeepBest, CancelledRunKeepsTheBestSoFar) {
  FACET_REQUIRE_FIXTURES();
  auto s = facet::test::load_embed_fixture();
  Image2StyleGan embedder(s.g);
  EmbedOptions o;
  o.steps = 1000;
  o.lr = 0.05;
  o.keep_best = true;
  std::atomic<bool> cancel{false};
  std::vector<double> losses;
  const auto r = embedder.embed(s.target, o, [&](const EmbedProgress& p) {
    losses.push_back(p.loss);
    if (p.step == 6) cancel = true;
  }, &cancel);
  EXPECT_TRUE(r.cancelled);
  EXPECT_EQ(r.steps_done, 6);
  // The returned code is no worse than any code the loop saw (the start included).
  EXPECT_LE(r.final_loss, *std::min_element(losses.begin(), losses.end()) * (1 + 1e-6));
}

}  // namespace
