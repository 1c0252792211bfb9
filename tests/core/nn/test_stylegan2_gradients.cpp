// Gradients through the fast path's forward and its hand-written backward (SynthesisOptions::fast_gradients)
// against autograd over the plain path: W+, styles and noise maps; the backward's CPU loops against their ATen
// maths.
#include <torch/torch.h>

#include "core/nn/stylegan2/backward_ops.h"
#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/upfirdn2d.h"
#include "tests/support/style_gradients.h"
#include "tests/support/test_support.h"
#include "tests/support/visible_noise.h"

using facet::nn::NoiseMode;
using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::test::relative_max_error;
using facet::test::freeze;
using facet::test::style_gradients;
using facet::test::with_visible_noise;
using namespace facet::nn::stylegan2;

namespace {

constexpr double kGradientParity = 1e-4;  // max |fast − plain| / max |plain|
constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

std::vector<torch::Tensor> noise_buffers(StyleGan2& g) {
  std::vector<torch::Tensor> out;
  for (const auto& b : g.module().named_buffers())
    if (b.key().rfind("noises.", 0) == 0) out.push_back(b.value());
  return out;
}

struct Gradients {
  torch::Tensor image, wplus;
  std::vector<torch::Tensor> noises;
};

// A loss that weighs every pixel differently (a plain sum would hide errors that cancel), and its gradients.
Gradients gradients(StyleGan2& g, const torch::Tensor& wplus_value, const SynthesisOptions& o,
                    const torch::Tensor& pixel_weights, bool noise_grads = false) {
  auto wplus = wplus_value.detach().clone().requires_grad_(true);
  auto noises = noise_buffers(g);
  if (noise_grads)
    for (auto& n : noises) {
      n.requires_grad_(true);
      n.mutable_grad() = torch::Tensor();
    }
  Gradients out;
  out.image = g.synthesis(wplus, o);
  (out.image * pixel_weights.slice(2, 0, out.image.size(2)).slice(3, 0, out.image.size(3))).sum().backward();
  out.image = out.image.detach();
  out.wplus = wplus.grad();
  if (noise_grads)
    for (auto& n : noises) {
      out.noises.push_back(n.grad().defined() ? n.grad().clone() : torch::Tensor());
      n.requires_grad_(false);
    }
  return out;
}

SynthesisOptions plain_path(NoiseMode noise = NoiseMode::Const, int64_t output_size = 0) {
  SynthesisOptions o;
  o.fast = false;
  o.noise = noise;
  o.seed = 5;
  o.output_size = output_size;
  return o;
}

SynthesisOptions fast_gradients(NoiseMode noise = NoiseMode::Const, int64_t output_size = 0) {
  SynthesisOptions o = plain_path(noise, output_size);
  o.fast_gradients = true;
  return o;
}

}  // namespace

TEST(StyleGan2Gradients, WPlusGradientEqualsThePlainPath) {
  // 24 channels: the layers up to 8² modulate their input on the fast path, the larger ones their weights.
  auto g = StyleGan2::random(64, 32, 1, 1, /*seed=*/7, torch::kCPU, /*max_channels=*/24);
  with_visible_noise(*g);
  freeze(*g);
  torch::manual_seed(1);
  // Off the mapping's manifold, so that every layer's style matters. (A code that puts a pre-activation within
  // rounding of 0 would let the two forwards' rounding pick different sides of the leaky ReLU's kink: 0.3 here does
  // that at one pixel of one 8² layer, a change of ~1 % in three styles' gradients, which 0.2999 or 0.3001 removes.)
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32}))).detach() + 0.25 * torch::randn({1, g->n_latent(), 32});
  const auto pixel_weights = torch::randn({1, 3, 64, 64});
  for (auto mode : {NoiseMode::Const, NoiseMode::Zero, NoiseMode::Random})
    for (int64_t size : {int64_t(0), int64_t(16)}) {
      const Gradients plain = gradients(*g, wplus, plain_path(mode, size), pixel_weights);
      const Gradients fast = gradients(*g, wplus, fast_gradients(mode, size), pixel_weights);
      ASSERT_TRUE(fast.wplus.defined());
      EXPECT_LT(relative_max_error(fast.image, plain.image), 1e-5) << static_cast<int>(mode) << ", " << size;
      EXPECT_LT(relative_max_error(fast.wplus, plain.wplus), kGradientParity) << static_cast<int>(mode) << ", " << size;
      // Every used W+ row gets a gradient; at a preview size the rows of the blocks left out get none.
      EXPECT_GT(fast.wplus.abs().sum().item<double>(), 0.0);
    }
}

TEST(StyleGan2Gradients, NoiseMapGradientsEqualThePlainPath) {
  auto g = StyleGan2::random(32, 32, 1, 1, /*seed=*/3, torch::kCPU, /*max_channels=*/32);
  with_visible_noise(*g);
  freeze(*g);
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32}))).detach();
  const auto pixel_weights = torch::randn({1, 3, 32, 32});
  const Gradients plain = gradients(*g, wplus, plain_path(), pixel_weights, /*noise_grads=*/true);
  const Gradients fast = gradients(*g, wplus, fast_gradients(), pixel_weights, /*noise_grads=*/true);
  ASSERT_EQ(fast.noises.size(), plain.noises.size());
  for (size_t i = 0; i < plain.noises.size(); ++i) {
    ASSERT_TRUE(fast.noises[i].defined()) << "noise " << i;
    EXPECT_LT(relative_max_error(fast.noises[i], plain.noises[i]), kGradientParity) << "noise " << i;
  }
  EXPECT_LT(relative_max_error(fast.wplus, plain.wplus), kGradientParity);
}

TEST(StyleGan2Gradients, BatchesAndStylesEqualThePlainPath) {
  auto g = StyleGan2::random(32, 32, 1, 1, /*seed=*/4, torch::kCPU, /*max_channels=*/32);
  with_visible_noise(*g);
  freeze(*g);
  const auto wplus = g->to_wplus(g->mapping(torch::randn({2, 32}))).detach();
  const auto pixel_weights = torch::randn({2, 3, 32, 32});
  const Gradients plain = gradients(*g, wplus, plain_path(), pixel_weights);
  const Gradients fast = gradients(*g, wplus, fast_gradients(), pixel_weights);
  EXPECT_LT(relative_max_error(fast.wplus, plain.wplus), kGradientParity);

  // Style space (StyleCLIP's global directions): gradients w.r.t. each style vector.
  const std::vector<torch::Tensor> grads[2] = {style_gradients(*g, wplus, plain_path(), pixel_weights),
                                              style_gradients(*g, wplus, fast_gradients(), pixel_weights)};
  for (size_t i = 0; i < grads[0].size(); ++i) {
    ASSERT_TRUE(grads[1][i].defined()) << "style " << i;
    EXPECT_LT(relative_max_error(grads[1][i], grads[0][i]), kGradientParity) << "style " << i;
  }
}

TEST(StyleGan2Gradients, TrainableWeightsTakeThePlainPath) {
  // The hand-written backward has no weight gradients: with a weight that wants one, the plain path runs.
  auto g = StyleGan2::random(16, 16, 1, 1, /*seed=*/2, torch::kCPU, /*max_channels=*/16);
  auto wplus = g->to_wplus(g->mapping(torch::randn({1, 16}))).detach().requires_grad_(true);
  g->synthesis(wplus, fast_gradients()).pow(2).mean().backward();
  const auto weight = g->module().named_parameters()["convs.0.conv.weight"];
  ASSERT_TRUE(weight.grad().defined());
  EXPECT_GT(weight.grad().abs().sum().item<double>(), 0.0);
}

TEST(StyleGan2Gradients, WithoutGradientsItIsTheFastImage) {
  auto g = StyleGan2::random(32, 32, 1, 1, /*seed=*/6, torch::kCPU, /*max_channels=*/32);
  with_visible_noise(*g);
  freeze(*g);
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32}))).detach();
  torch::NoGradGuard no_grad;
  const auto image = g->synthesis(wplus, fast_gradients());
  EXPECT_FALSE(image.requires_grad());
  EXPECT_LT(relative_max_error(image, g->synthesis(wplus, plain_path())), 1e-5);
}

TEST(StyleGan2BackwardOps, ActivationBackwardLoopEqualsATen) {
  torch::manual_seed(8);
  for (int64_t channels : {5, 16, 37}) {
    for (bool with_noise : {true, false}) {
      Activation a;
      if (with_noise) a.noise = torch::randn({1, 1, 6, 7});
      a.noise_weight = torch::tensor({0.7f});
      a.bias = torch::randn({channels});
      a.demod = torch::rand({channels}) + 0.5;
      // y as activate_ makes it, so its signs are the pre-activation's.
      auto y = torch::randn({1, channels, 6, 7}).contiguous(kChannelsLast);
      activate_aten_(y, a);
      auto g = torch::randn({1, channels, 6, 7}).contiguous(kChannelsLast);
      auto g_aten = g.clone();
      const ActivationGrad loop = activation_backward_(g, y, a, with_noise);
      const ActivationGrad aten = activation_backward_aten_(g_aten, y, a, with_noise);
      EXPECT_LT(relative_max_error(g, g_aten), 1e-6) << channels;
      EXPECT_LT(relative_max_error(loop.demod_sum, aten.demod_sum), 1e-5) << channels;
      if (with_noise) {
        EXPECT_LT(relative_max_error(loop.noise, aten.noise), 1e-5) << channels;
      }
    }
  }
}

TEST(StyleGan2BackwardOps, BlurAdjointIsTheBlursTranspose) {
  // <blur(t), g> = <t, blur_adjoint(g)> for the fast path's blur (phases of a transposed convolution, pad 1).
  torch::manual_seed(9);
  const auto kernel = torch::rand({4, 4}) + 0.1;  // asymmetric: a wrong flip shows
  for (int64_t channels : {3, 16, 21}) {
    auto t = torch::randn({1, channels, 11, 13});
    auto g = torch::randn({1, channels, 10, 12}).contiguous(kChannelsLast);
    const auto blurred = facet::nn::stylegan2::upfirdn2d(t, kernel, 1, 1, {1, 1, 1, 1});
    const auto adjoint = blur_adjoint(g, kernel);
    ASSERT_EQ(adjoint.sizes(), t.sizes());
    const double lhs = (blurred * g).sum().item<double>(), rhs = (t * adjoint).sum().item<double>();
    EXPECT_NEAR(lhs, rhs, 1e-4 * std::abs(lhs) + 1e-3) << channels;
    EXPECT_LT(relative_max_error(adjoint, blur_adjoint_aten(g, kernel)), 1e-6) << channels;
  }
}

TEST(StyleGan2BackwardOps, InputBackwardLoopEqualsATen) {
  torch::manual_seed(10);
  for (int64_t channels : {7, 32, 45}) {
    auto x = torch::randn({1, channels, 9, 5}).contiguous(kChannelsLast);
    auto f = torch::randn({channels});
    auto g = torch::randn({1, channels, 9, 5}).contiguous(kChannelsLast);
    auto g_aten = g.clone();
    const auto gf = input_backward_(g, x, f, true);
    const auto gf_aten = input_backward_aten_(g_aten, x, f, true);
    EXPECT_LT(relative_max_error(gf, gf_aten), 1e-5) << channels;
    EXPECT_LT(relative_max_error(g, g_aten), 1e-6) << channels;
  }
}
