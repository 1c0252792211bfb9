// The plain path's channels-last form (input modulation, ungrouped convolutions), batches against samples alone,
// and what cast() accepts on the CPU. The CUDA side of each is in tests/core/gpu.
#include <algorithm>
#include <iostream>
#include <vector>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/stylegan2/generator.h"
#include "tests/support/test_support.h"
#include "tests/support/visible_noise.h"

using facet::nn::NoiseMode;
using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::test::relative_max_error;
using facet::test::with_visible_noise;

TEST(StyleGan2Layout, ChannelsLastPlainPathEqualsPlainPath) {
  auto g = StyleGan2::random(64, 32, 1, 1, /*seed=*/6, torch::kCPU, /*max_channels=*/32);
  with_visible_noise(*g);
  torch::NoGradGuard no_grad;
  const auto wplus = g->to_wplus(g->mapping(torch::randn({3, 32})), 0.8);
  for (auto mode : {NoiseMode::Const, NoiseMode::Random}) {
    SynthesisOptions plain;
    plain.fast = false;
    plain.noise = mode;
    plain.seed = 2;
    SynthesisOptions nhwc = plain;
    nhwc.channels_last = true;
    const auto expected = g->synthesis(wplus, plain);
    const auto actual = g->synthesis(wplus, nhwc);
    EXPECT_EQ(actual.sizes(), expected.sizes());
    EXPECT_LT(relative_max_error(actual, expected), 1e-5) << static_cast<int>(mode);
  }
}

TEST(StyleGan2Layout, ChannelsLastPlainPathIsDifferentiable) {
  // The two layouts are one function with different rounding (input modulation and ungrouped convolutions against
  // grouped convolutions of modulated weights), so their gradients agree to float rounding (≤ 1.3e-6 of the largest
  // here) — except for codes that put a pre-activation within rounding of 0: the two forwards then take different
  // sides of the leaky ReLU's kink, a true 80 % slope difference at that pixel (up to 2e-4 of the largest gradient),
  // and which codes do that depends on the convolutions' summation order, so on the thread count (about 1 draw in
  // 40 with this generator; draw 22 below does it with one thread). Three draws, then: each gradient must exist,
  // and at least two of the three must agree to 1e-5. A wrong gradient through either layout fails all three.
  auto g = StyleGan2::random(32, 32, 1, 1, 2, torch::kCPU, 32);
  SynthesisOptions plain;
  plain.fast = false;
  SynthesisOptions nhwc = plain;
  nhwc.channels_last = true;
  std::vector<double> errors;
  for (int draw : {20, 21, 22}) {
    torch::manual_seed(draw);
    const auto start = g->to_wplus(g->mapping(torch::randn({2, 32}))).detach();
    auto a = start.clone().requires_grad_(true), b = start.clone().requires_grad_(true);
    g->synthesis(a, plain).pow(2).mean().backward();
    g->synthesis(b, nhwc).pow(2).mean().backward();
    ASSERT_TRUE(b.grad().defined()) << draw;
    errors.push_back(relative_max_error(b.grad(), a.grad()));
    std::cout << "draw " << draw << ": channels-last W+ gradient off by " << errors.back() << " of the largest\n";
  }
  std::sort(errors.begin(), errors.end());
  EXPECT_LT(errors[1], 1e-5);
}

TEST(StyleGan2Layout, RandomNoiseOfASampleIsTheSameAloneOrInABatch) {
  auto g = StyleGan2::random(32, 32, 1, 1, 8, torch::kCPU, 32);
  with_visible_noise(*g);
  torch::NoGradGuard no_grad;
  const auto wplus = g->to_wplus(g->mapping(torch::randn({3, 32})));
  for (bool fast : {true, false}) {
    SynthesisOptions o;
    o.fast = fast;
    o.noise = NoiseMode::Random;
    o.seed = 40;
    const auto batch = g->synthesis(wplus, o);
    SynthesisOptions third = o;
    third.seed = 42;  // sample 2 of the batch draws from seed + 2
    EXPECT_LT(relative_max_error(batch.slice(0, 2, 3), g->synthesis(wplus.slice(0, 2, 3), third)), 1e-6)
        << (fast ? "fast" : "plain");
  }
  SynthesisOptions fast, plain;
  plain.fast = false;
  fast.noise = plain.noise = NoiseMode::Random;
  EXPECT_LT(relative_max_error(g->synthesis(wplus, plain), g->synthesis(wplus, fast)), 1e-5);
}

TEST(StyleGan2Layout, CastToFloat32CopiesAndReducedPrecisionNeedsCuda) {
  auto g = StyleGan2::random(32, 32, 1, 1, 3, torch::kCPU, 32);
  auto copy = g->cast(torch::kFloat32);
  EXPECT_EQ(copy->dtype(), torch::kFloat32);
  torch::NoGradGuard no_grad;
  const auto originals = g->module().named_parameters();
  for (const auto& p : copy->module().named_parameters()) EXPECT_TRUE(torch::equal(p.value(), originals[p.key()]));
  const auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32})));
  const double error = relative_max_error(copy->synthesis(wplus), g->synthesis(wplus));
  EXPECT_LT(error, 1e-6);
  std::cout << "float32 copy against the original: " << error << "\n";
  // The copy owns its weights: changing it leaves the original alone.
  for (auto& p : copy->module().parameters()) p.fill_(0);
  EXPECT_GT(g->synthesis(wplus).abs().max().item<double>(), 0.0);
  EXPECT_THROW(g->cast(torch::kFloat16), facet::Error);
  EXPECT_THROW(g->cast(torch::kBFloat16), facet::Error);
  EXPECT_THROW(g->cast(torch::kInt32), facet::Error);
}
