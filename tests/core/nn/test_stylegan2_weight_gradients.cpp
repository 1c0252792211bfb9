// The generator's weight gradients through the fast path's hand-written backward (tuning_synthesis, what tuning to a
// photo uses) against autograd over the plain path, parameter tensor by parameter tensor.
#include <map>
#include <string>

#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/portable_winograd.h"
#include "core/nn/stylegan2/tuning_synthesis.h"
#include "core/nn/stylegan2/winograd_conv.h"
#include "tests/support/cpu_features_cap.h"
#include "tests/support/test_support.h"
#include "tests/support/visible_noise.h"

using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::test::relative_max_error;

namespace {

constexpr double kWeightGradientParity = 2e-4;  // max |fast − plain| / max |plain|, per tensor

struct Run {
  torch::Tensor image, wplus;
  std::map<std::string, torch::Tensor> grads;
};

Run run(StyleGan2& g, const torch::Tensor& wplus_value, bool fast, const torch::Tensor& pixel_weights) {
  for (auto& p : g.module().parameters()) p.mutable_grad() = torch::Tensor();
  SynthesisOptions o;
  o.fast = false;
  auto wplus = wplus_value.clone().requires_grad_(true);
  Run out;
  out.image = fast ? facet::nn::tuning_synthesis(g, wplus) : g.synthesis(wplus, o);
  (out.image * pixel_weights).sum().backward();
  out.image = out.image.detach();
  out.wplus = wplus.grad();
  for (const auto& p : g.module().named_parameters())
    if (p.value().grad().defined()) out.grads[p.key()] = p.value().grad().clone();
  return out;
}

void expect_parity(StyleGan2& g, uint64_t seed) {
  facet::test::with_visible_noise(g);
  torch::manual_seed(seed);
  const int64_t dim = g.style_dim(), size = g.size();
  const auto wplus = (g.to_wplus(g.mapping(torch::randn({1, dim}))) + 0.25 * torch::randn({1, g.n_latent(), dim})).detach();
  const auto pixel_weights = torch::randn({1, 3, size, size});
  const Run plain = run(g, wplus, false, pixel_weights);
  const Run fast = run(g, wplus, true, pixel_weights);
  EXPECT_LT(relative_max_error(fast.wplus, plain.wplus), kWeightGradientParity);
  // Every synthesis weight (not the mapping's: W+ is given) gets one, equal to autograd's.
  size_t compared = 0;
  for (const auto& [name, grad] : plain.grads) {
    if (name.rfind("style.", 0) == 0) continue;
    ++compared;
    auto it = fast.grads.find(name);
    ASSERT_NE(it, fast.grads.end()) << name << " has no gradient on the fast path";
    ASSERT_EQ(it->second.sizes(), grad.sizes()) << name;
    EXPECT_GT(grad.abs().max().item<double>(), 0.0) << name;
    EXPECT_LT(relative_max_error(it->second, grad), kWeightGradientParity) << name;
  }
  // input, and per conv: weight, modulation weight and bias, noise weight, activation bias; per ToRGB: weight,
  // modulation weight and bias, bias.
  const size_t convs = g.n_latent() - 1, rgbs = g.n_latent() / 2;
  EXPECT_EQ(compared, 1 + 5 * convs + 4 * rgbs);
}

}  // namespace

TEST(StyleGan2WeightGradients, TinyGeneratorEqualsAutograd) {
  // 24 channels: the layers up to 8² modulate their input on the fast path, the larger ones their weights.
  auto g = StyleGan2::random(64, 32, 1, 1, /*seed=*/7, torch::kCPU, /*max_channels=*/24);
  expect_parity(*g, 1);
}

TEST(StyleGan2WeightGradients, FullWidthGeneratorEqualsAutograd) {
  // config-f's 512 channels and style width, at 8². Larger images put so many pre-activations within float
  // rounding of the leaky ReLU's kink that the two forwards' rounding sends one of them to the other side in most
  // draws (at 32², 7 of 8 draws with two BLAS threads): a true slope change at that pixel that moves whole weight
  // gradients by up to 5e-3. At 8² every one of 12 draws agreed within 1.5e-5 (1 and 2 threads).
  auto g = StyleGan2::random(8, 512, 1, 2, /*seed=*/3);
  expect_parity(*g, 2);
}

TEST(StyleGan2WeightGradients, AfterAnUpdateTheGradientsFollowTheNewWeights) {
  // An optimiser step changes the weights in place; the fast path must stop using what it cached from the old ones.
  auto g = StyleGan2::random(32, 32, 1, 1, /*seed=*/5, torch::kCPU, /*max_channels=*/32);
  {
    torch::NoGradGuard no_grad;
    for (auto& p : g->module().parameters()) p.add_(0.05 * torch::randn_like(p));
  }
  expect_parity(*g, 3);
}

TEST(StyleGan2WeightGradients, WideLayersTakeThePortableWinogradAndEqualAutograd) {
  // 128 channels: the 3×3 layer at 64² runs forward, data and weight gradients by the portable Winograd where its
  // bands run in parallel (a single-threaded BLAS, as the test command starts it), directly otherwise; the one at
  // 32² directly (there the weights' transforms cost what the Winograd saves).
  if (!facet::nn::stylegan2::WinogradConv3x3::portable_available()) GTEST_SKIP() << "FACET_WINOGRAD=0";
  using facet::nn::stylegan2::PortableWinograd;
  auto g = StyleGan2::random(64, 64, 1, 1, /*seed=*/11, torch::kCPU, /*max_channels=*/128);
  // The Winograd rounds to about 6e-6 of a layer's range (a direct convolution to 1e-7), enough to send a few of the
  // 64² layer's half million pre-activations across the leaky ReLU's kink, which moves whole gradients by up to 1e-3
  // (see FullWidthGeneratorEqualsAutograd): a bias well above its outputs' size keeps them all on one side.
  {
    torch::NoGradGuard no_grad;
    g->module().named_parameters()["convs.7.activate.bias"].fill_(8.0);
  }
  const int64_t forwards = PortableWinograd::forward_runs();
  const int64_t weight_gradients = PortableWinograd::weight_gradient_runs();
  expect_parity(*g, 4);
  const int64_t layers = PortableWinograd::bands_in_parallel() ? 1 : 0;
  EXPECT_EQ(PortableWinograd::forward_runs() - forwards, 2 * layers);
  EXPECT_EQ(PortableWinograd::weight_gradient_runs() - weight_gradients, layers);
}

TEST(StyleGan2WeightGradients, NchwWeightGradientsEqualAutograd) {
  // Without AVX-512 the 3×3 layers' weight gradients run on NCHW tensors (conv_layout.h); the cap forces that on any
  // machine (TinyGeneratorEqualsAutograd checks the channels-last ones where the CPU has AVX-512). The same
  // generator and draw as there: the layout changes only the weight gradients' rounding, not the forward's.
  facet::test::CpuFeaturesCap cap("avx2");
  auto g = StyleGan2::random(64, 32, 1, 1, /*seed=*/7, torch::kCPU, /*max_channels=*/24);
  expect_parity(*g, 1);
}
