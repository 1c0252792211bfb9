// The fast path's up-sampling layer (four sub-pixel phases, then blur + noise + bias + activation in one pass)
// against the reference maths, and the CPU loops against the same maths in ATen ops.
#include <torch/torch.h>

#include "core/nn/stylegan2/fast_ops.h"
#include "core/nn/stylegan2/layers.h"
#include "core/nn/stylegan2/upfirdn2d.h"
#include "tests/support/test_support.h"

using namespace facet::nn::stylegan2;
using facet::test::relative_max_error;

namespace {

constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

// rosinality's StyledConv after the modulated conv: + weight·noise, then FusedLeakyReLU.
torch::Tensor reference_activation(const torch::Tensor& y, const Activation& a) {
  torch::Tensor v = a.noise.defined() ? y + a.noise_weight * a.noise : y;
  return torch::leaky_relu(v + a.bias.view({1, -1, 1, 1}), 0.2) * std::sqrt(2.0);
}

// An up-sampling layer with random weights and an asymmetric blur kernel, so a wrong flip or phase order shows.
ModulatedConv random_upsampling_layer(int64_t in, int64_t out) {
  ModulatedConv conv(in, out, 3, 8, /*demodulate=*/true, /*upsample=*/true);
  torch::NoGradGuard no_grad;
  conv->blur->value.copy_(torch::rand({4, 4}) + 0.1);
  return conv;
}

Activation random_activation(int64_t channels, int64_t h, int64_t w, bool with_noise) {
  Activation a;
  if (with_noise) a.noise = torch::randn({1, 1, h, w});
  a.noise_weight = torch::tensor({0.7f});
  a.bias = torch::randn({channels});
  return a;
}

}  // namespace

TEST(StyleGan2FastOps, PhasesBlurAndActivationEqualTheReferenceLayer) {
  torch::manual_seed(3);
  for (int64_t channels : {5, 21, 48}) {  // blocks of 16 channels, a remainder, or both
    for (bool with_noise : {true, false}) {
      auto conv = random_upsampling_layer(6, channels);
      auto x = torch::randn({1, 6, 7, 9});
      auto s = conv->modulation->forward(torch::randn({1, 8}));
      const Activation act = random_activation(channels, 14, 18, with_noise);
      torch::InferenceMode inference;
      auto reference = reference_activation(conv->forward_plain(x, s), act);
      auto phases = conv->forward_phases(x.contiguous(kChannelsLast), s).phases;
      auto fast = blur_phases_activate(phases, conv->blur->value, act);
      ASSERT_EQ(fast.sizes(), reference.sizes());
      EXPECT_TRUE(fast.is_contiguous(kChannelsLast));
      EXPECT_LT(relative_max_error(fast, reference), 1e-6) << channels << " channels, noise " << with_noise;
      torch::Tensor given = torch::empty(reference.sizes(), torch::TensorOptions().memory_format(kChannelsLast));
      auto into = blur_phases_activate(phases, conv->blur->value, act, given);
      EXPECT_EQ(into.data_ptr(), given.data_ptr()) << "a given output of the right shape is written, not replaced";
      EXPECT_TRUE(torch::equal(into, fast));
      auto aten = blur_phases_activate_aten(phases, conv->blur->value, act);
      ASSERT_EQ(aten.sizes(), reference.sizes());
      EXPECT_LT(relative_max_error(aten, reference), 1e-6) << channels << " channels, noise " << with_noise;
    }
  }
}

TEST(StyleGan2FastOps, PhaseShapesFollowTheirTaps) {
  auto conv = random_upsampling_layer(3, 4);
  torch::InferenceMode inference;
  auto phases = conv->forward_phases(torch::randn({1, 3, 5, 8}).contiguous(kChannelsLast), torch::ones({1, 3})).phases;
  for (int64_t i = 0; i < 4; ++i) {
    EXPECT_EQ(phases[i].size(2), 5 + 1 + i / 2) << i;
    EXPECT_EQ(phases[i].size(3), 8 + 1 + i % 2) << i;
  }
}

TEST(StyleGan2FastOps, ActivationInOnePassEqualsTheReference) {
  torch::manual_seed(4);
  for (bool with_noise : {true, false}) {
    const Activation act = random_activation(7, 5, 6, with_noise);
    auto y = torch::randn({1, 7, 5, 6}).contiguous(kChannelsLast);
    auto reference = reference_activation(y, act);
    torch::Tensor fast = y.clone();
    activate_(fast, act);
    EXPECT_LT(relative_max_error(fast, reference), 1e-6) << "noise " << with_noise;
    torch::Tensor plain_layout = y.contiguous();  // not channels-last: the ATen path
    activate_(plain_layout, act);
    EXPECT_LT(relative_max_error(plain_layout, reference), 1e-6) << "noise " << with_noise;
  }
}

TEST(StyleGan2FastOps, UpsampledSkipEqualsUpfirdn2d) {
  torch::manual_seed(5);
  const auto kernel = torch::rand({4, 4}) + 0.1;  // asymmetric: a wrong flip shows
  for (int64_t channels : {3, 17}) {
    auto skip = torch::randn({1, channels, 5, 7}).contiguous(kChannelsLast);
    auto base = torch::randn({1, channels, 10, 14}).contiguous(kChannelsLast);
    auto reference = base + upfirdn2d(skip.contiguous(), kernel, 2, 1, {2, 1, 2, 1});
    torch::Tensor fast = base.clone();
    add_upsampled_(fast, skip, kernel);
    EXPECT_LT(relative_max_error(fast, reference), 1e-6) << channels;
    torch::Tensor aten = base.contiguous();
    add_upsampled_aten_(aten, skip.contiguous(), kernel);
    EXPECT_LT(relative_max_error(aten, reference), 1e-6) << channels;
  }
}

TEST(StyleGan2FastOps, InputModulationEqualsWeightModulation) {
  torch::manual_seed(6);
  ModulatedConv conv(6, 5, 3, 8, /*demodulate=*/true, /*upsample=*/false);
  torch::NoGradGuard no_grad;
  auto x = torch::randn({1, 6, 7, 9}).contiguous(kChannelsLast);
  auto s = conv->modulation->forward(torch::randn({1, 8}));
  auto finished = [](const FastConv& c) { return c.demod.defined() ? c.y * c.demod.view({1, -1, 1, 1}) : c.y; };

  conv->prepare_fast(7 * 9);  // an input larger than the weights (63 > 5·3·3): weights stay modulated
  EXPECT_FALSE(conv->forward_fast(x, s).demod.defined());
  conv->prepare_fast(2 * 2);
  const FastConv modulated_input = conv->forward_fast(x, s);
  ASSERT_TRUE(modulated_input.demod.defined());
  EXPECT_TRUE(conv->weight[0].is_contiguous(kChannelsLast));
  EXPECT_LT(relative_max_error(finished(modulated_input), conv->forward_plain(x, s)), 1e-6);

  // Weights changed after preparing (their version moves): back to modulating them, with the new values.
  conv->weight.mul_(torch::rand_like(conv->weight) + 0.5);
  const FastConv after_change = conv->forward_fast(x, s);
  EXPECT_FALSE(after_change.demod.defined());
  EXPECT_LT(relative_max_error(after_change.y, conv->forward_plain(x, s)), 1e-6);
}

TEST(StyleGan2FastOps, InputModulatedPhasesEqualTheReferenceLayer) {
  torch::manual_seed(7);
  for (int64_t channels : {5, 21}) {
    auto conv = random_upsampling_layer(6, channels);
    conv->prepare_fast(1);
    auto x = torch::randn({1, 6, 7, 9});
    auto s = conv->modulation->forward(torch::randn({1, 8}));
    Activation act = random_activation(channels, 14, 18, /*with_noise=*/true);
    torch::InferenceMode inference;
    const FastPhases phases = conv->forward_phases(x.contiguous(kChannelsLast), s);
    ASSERT_TRUE(phases.demod.defined());
    act.demod = phases.demod;
    auto reference = reference_activation(conv->forward_plain(x, s), Activation{act.noise, act.noise_weight, act.bias, {}});
    EXPECT_LT(relative_max_error(blur_phases_activate(phases.phases, conv->blur->value, act), reference), 1e-6) << channels;
    EXPECT_LT(relative_max_error(blur_phases_activate_aten(phases.phases, conv->blur->value, act), reference), 1e-6)
        << channels;
  }
}
