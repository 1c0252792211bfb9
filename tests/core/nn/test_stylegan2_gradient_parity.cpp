// The fast path's gradients held to account row by row: that the hand-written backward is the node autograd
// records (not the generic path, which gives the same numbers slower), that every W+ row and every style channel
// matches autograd over the plain path relative to its own size (a wrong row hides under a global maximum), and
// the same at full width (512 channels, 64² activations). Registered with 1 and 2 threads (tests/core/nn).
#include <algorithm>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"
#include "tests/support/style_gradients.h"
#include "tests/support/test_support.h"
#include "tests/support/visible_noise.h"

using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::test::freeze;
using facet::test::style_gradients;
using facet::test::with_visible_noise;

namespace {

constexpr const char* kHandWrittenBackward = "StyleGan2SynthesisBackward";
// max |fast − plain| / max |plain| within each W+ row or style vector. Measured here (1 and 2 threads): ≤ 2.7e-6 on
// the small generator, ≤ 2.0e-5 at full width, where sums run over 512 channels.
constexpr double kRowParity = 1e-4;

SynthesisOptions plain_path() {
  SynthesisOptions o;
  o.fast = false;
  return o;
}

SynthesisOptions fast_gradients() {
  SynthesisOptions o = plain_path();
  o.fast_gradients = true;
  return o;
}

// The names of every node autograd recorded from `root` back to the leaves.
std::multiset<std::string> graph_nodes(const torch::Tensor& root) {
  std::multiset<std::string> names;
  std::vector<torch::autograd::Node*> stack{root.grad_fn().get()};
  std::set<torch::autograd::Node*> seen;
  while (!stack.empty()) {
    torch::autograd::Node* node = stack.back();
    stack.pop_back();
    if (!node || !seen.insert(node).second) continue;
    names.insert(node->name());
    for (const auto& edge : node->next_edges()) stack.push_back(edge.function.get());
  }
  return names;
}

torch::Tensor wplus_gradient(StyleGan2& g, const torch::Tensor& start, const SynthesisOptions& o,
                             const torch::Tensor& pixel_weights) {
  auto wplus = start.detach().clone().requires_grad_(true);
  (g.synthesis(wplus, o) * pixel_weights).sum().backward();
  return wplus.grad();
}

// Per row of [rows, cols]: max |actual − expected| / max |expected| of that row, the worst row's value.
double worst_row_error(const torch::Tensor& actual, const torch::Tensor& expected, int64_t* worst_row = nullptr) {
  const auto a = actual.reshape({-1, actual.size(-1)}).to(torch::kDouble);
  const auto e = expected.reshape({-1, expected.size(-1)}).to(torch::kDouble);
  const auto per_row = (a - e).abs().amax(1) / e.abs().amax(1).clamp_min(1e-30);
  if (worst_row) *worst_row = per_row.argmax().item<int64_t>();
  return per_row.max().item<double>();
}

// Per element: |actual − expected| beyond 1 % of the element plus 0.1 % of its row's largest: how many.
int64_t elements_off(const torch::Tensor& actual, const torch::Tensor& expected) {
  const auto a = actual.reshape({-1, actual.size(-1)}).to(torch::kDouble);
  const auto e = expected.reshape({-1, expected.size(-1)}).to(torch::kDouble);
  const auto allowed = 1e-2 * e.abs() + 1e-3 * e.abs().amax(1, true);
  return ((a - e).abs() > allowed).sum().item<int64_t>();
}

}  // namespace

TEST(StyleGan2GradientParity, FastGradientsRecordTheHandWrittenBackward) {
  auto g = StyleGan2::random(32, 32, 1, 1, /*seed=*/11, torch::kCPU, /*max_channels=*/32);
  freeze(*g);
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32}))).detach().requires_grad_(true);
  const auto fast = graph_nodes(g->synthesis(wplus, fast_gradients()));
  const auto plain = graph_nodes(g->synthesis(wplus, plain_path()));
  // The fast graph is the one hand-written node between W+ and the image (plus the style affines and the
  // accumulation into W+); the generic path records every convolution, activation and resampling.
  EXPECT_EQ(fast.count(kHandWrittenBackward), 1u);
  EXPECT_EQ(plain.count(kHandWrittenBackward), 0u);
  EXPECT_LT(fast.size(), plain.size() / 2) << "fast graph " << fast.size() << " nodes, plain " << plain.size();
}

TEST(StyleGan2GradientParity, EveryWPlusRowAndStyleChannelMatchesThePlainPath) {
  auto g = StyleGan2::random(64, 32, 1, 1, /*seed=*/7, torch::kCPU, /*max_channels=*/24);
  with_visible_noise(*g);
  freeze(*g);
  torch::manual_seed(1);
  // Off the mapping's manifold as in the gradient tests, so that no pre-activation sits within rounding of the kink.
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32}))).detach() + 0.25 * torch::randn({1, g->n_latent(), 32});
  const auto pixel_weights = torch::randn({1, 3, 64, 64});
  const auto plain = wplus_gradient(*g, wplus, plain_path(), pixel_weights);
  const auto fast = wplus_gradient(*g, wplus, fast_gradients(), pixel_weights);
  int64_t row = -1;
  const double worst = worst_row_error(fast[0], plain[0], &row);
  std::cout << "W+ gradient: worst row " << row << " off by " << worst << " of its own size\n";
  EXPECT_LT(worst, kRowParity) << "row " << row;
  EXPECT_EQ(elements_off(fast[0], plain[0]), 0);

  const std::vector<torch::Tensor> grads[2] = {style_gradients(*g, wplus, plain_path(), pixel_weights),
                                              style_gradients(*g, wplus, fast_gradients(), pixel_weights)};
  double worst_style = 0;
  for (size_t i = 0; i < grads[0].size(); ++i) {
    ASSERT_TRUE(grads[1][i].defined()) << "style " << i;
    const double error = worst_row_error(grads[1][i], grads[0][i]);
    worst_style = std::max(worst_style, error);
    EXPECT_LT(error, kRowParity) << "style " << i;
    EXPECT_EQ(elements_off(grads[1][i], grads[0][i]), 0) << "style " << i;
  }
  std::cout << "style gradients: worst off by " << worst_style << " of its own size\n";
}

TEST(StyleGan2GradientParity, FullWidthGeneratorMatchesThePlainPathPerRow) {
  // 512 channels in every layer and 64² activations in the last block: the width of the released generators, where
  // the CPU loops split channels and pixels as they do in use.
  auto g = StyleGan2::random(64, 512, 1, /*channel_multiplier=*/2, /*seed=*/5, torch::kCPU, /*max_channels=*/512);
  with_visible_noise(*g);
  freeze(*g);
  torch::manual_seed(3);
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 512}))).detach() + 0.25 * torch::randn({1, g->n_latent(), 512});
  const auto pixel_weights = torch::randn({1, 3, 64, 64});
  const auto plain = wplus_gradient(*g, wplus, plain_path(), pixel_weights);
  const auto fast = wplus_gradient(*g, wplus, fast_gradients(), pixel_weights);
  ASSERT_EQ(fast.sizes(), plain.sizes());
  int64_t row = -1;
  const double worst = worst_row_error(fast[0], plain[0], &row);
  std::cout << "full width W+ gradient: worst row " << row << " off by " << worst << " of its own size, "
            << elements_off(fast[0], plain[0]) << " of " << plain.numel() << " elements beyond 1 %\n";
  EXPECT_LT(worst, kRowParity) << "row " << row;
  EXPECT_LE(elements_off(fast[0], plain[0]), plain.numel() / 1000);
}
