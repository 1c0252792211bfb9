// StyleGAN2 parity with rosinality's reference (fixtures) and fast path against plain path.
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/upfirdn2d.h"
#include "tests/support/test_support.h"
#include "tests/support/visible_noise.h"

using facet::nn::NoiseMode;
using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::test::fixture;
using facet::test::relative_max_error;
using facet::test::with_visible_noise;

namespace {
constexpr double kParity = 1e-4;  // the bound: max abs error / max |reference|

torch::Tensor npy(const std::string& name) { return facet::io::read_npy(fixture("stylegan2/" + name)); }

class GeneratorFixture : public ::testing::TestWithParam<std::string> {};
}  // namespace

TEST_P(GeneratorFixture, MatchesReferenceOutputs) {
  FACET_REQUIRE_FIXTURES();
  auto g = StyleGan2::load(fixture("stylegan2/" + GetParam()));
  EXPECT_EQ(g->size(), 64);
  EXPECT_EQ(g->n_latent(), 10);
  EXPECT_EQ(g->style_dim(), 128);
  torch::NoGradGuard no_grad;

  auto w = g->mapping(npy("z.npy"));
  EXPECT_LT(relative_max_error(w, npy("w_from_z.npy")), kParity);

  for (bool fast : {false, true}) {
    SynthesisOptions o;
    o.fast = fast;
    auto image = g->synthesis(npy("wplus.npy"), o);
    EXPECT_LT(relative_max_error(image, npy("image_wplus.npy")), kParity) << (fast ? "fast" : "plain");
    auto trunc = g->synthesis(g->to_wplus(w, 0.7), o);
    EXPECT_LT(relative_max_error(trunc, npy("image_z_trunc07.npy")), kParity) << (fast ? "fast" : "plain");
  }
}

INSTANTIATE_TEST_SUITE_P(AllFiles, GeneratorFixture,
                         ::testing::Values("g_small_zip.pt", "g_small_legacy.pt", "psp_small.pt"));

// Parity and every 8-bit comparison downstream say little about images that clip: the reference images must
// stay within [-1, 1] and spread over the 8-bit levels a photo uses.
TEST(StyleGan2Fixtures, ReferenceImagesSpanTheEightBitRangeWithoutClipping) {
  FACET_REQUIRE_FIXTURES();
  for (const char* name : {"image_wplus.npy", "image_z_trunc07.npy"}) {
    auto image = npy(name);
    const double clipped = (image.abs() > 1).to(torch::kFloat64).mean().item<double>();
    EXPECT_LE(clipped, 0.01) << name;
    auto levels = ((image.clamp(-1, 1) + 1) * 127.5).round().to(torch::kInt64);
    for (int64_t sample = 0; sample < levels.size(0); ++sample) {
      const auto distinct = std::get<0>(at::_unique(levels[sample].flatten())).numel();
      EXPECT_GE(distinct, 128) << name << " sample " << sample;
    }
  }
}

TEST(StyleGan2, FastPathEqualsPlainPathAt256) {
  auto g = StyleGan2::random(256, 64, 2, 1, /*seed=*/3, torch::kCPU, /*max_channels=*/64);
  with_visible_noise(*g);
  torch::NoGradGuard no_grad;
  auto wplus = g->to_wplus(g->mapping(torch::randn({2, 64})));
  for (auto mode : {NoiseMode::Const, NoiseMode::Zero, NoiseMode::Random}) {
    SynthesisOptions plain, fast;
    plain.fast = false;
    plain.noise = fast.noise = mode;
    plain.seed = fast.seed = 11;
    auto a = g->synthesis(wplus.slice(0, 0, 1), plain);
    auto b = g->synthesis(wplus.slice(0, 0, 1), fast);
    EXPECT_LT(relative_max_error(b, a), 1e-5) << static_cast<int>(mode);
  }
  // Batch of two through the fast path equals each sample alone (const noise).
  SynthesisOptions fast;
  auto both = g->synthesis(wplus, fast);
  EXPECT_LT(relative_max_error(both[1], g->synthesis(wplus.slice(0, 1, 2), fast)[0]), 1e-6);
}

TEST(StyleGan2, FastPathEqualsPlainPathAt1024) {
  auto g = StyleGan2::random(1024, 16, 1, 1, /*seed=*/5, torch::kCPU, /*max_channels=*/16);
  with_visible_noise(*g);
  torch::NoGradGuard no_grad;
  auto wplus = g->to_wplus(g->mapping(torch::randn({1, 16})));
  SynthesisOptions plain;
  plain.fast = false;
  auto a = g->synthesis(wplus, plain);
  auto b = g->synthesis(wplus, SynthesisOptions{});
  EXPECT_EQ(b.sizes(), (std::vector<int64_t>{1, 3, 1024, 1024}));
  EXPECT_LT(relative_max_error(b, a), 1e-5);
}

TEST(StyleGan2, LastBlockInBandsEqualsWholeBlock) {
  auto g = StyleGan2::random(64, 32, 1, 1, /*seed=*/7, torch::kCPU, /*max_channels=*/24);
  with_visible_noise(*g);
  torch::NoGradGuard no_grad;
  auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32})));
  for (auto mode : {NoiseMode::Const, NoiseMode::Random, NoiseMode::Zero})
    for (int64_t size : {int64_t(64), int64_t(32)}) {
      SynthesisOptions whole;
      whole.noise = mode;
      whole.seed = 3;
      whole.output_size = size;
      whole.band_rows = 0;
      const auto expected = g->synthesis(wplus, whole);
      // Bands of one row, odd sizes that leave a short last band, and one band taller than the image.
      for (int64_t band : {int64_t(1), int64_t(5), int64_t(16), int64_t(100)}) {
        SynthesisOptions banded = whole;
        banded.band_rows = band;
        EXPECT_LT(relative_max_error(g->synthesis(wplus, banded), expected), 1e-6)
            << "noise " << static_cast<int>(mode) << ", size " << size << ", band " << band;
      }
    }
}

TEST(StyleGan2, BuiltUnderInferenceModeRendersTheSameImage) {
  // Weights made under InferenceMode are inference tensors (no version counter): the fast path's preparation
  // must cope with them.
  auto reference = StyleGan2::random(32, 32, 1, 1, 4, torch::kCPU, 32);
  torch::InferenceMode inference;
  auto built_inside = StyleGan2::random(32, 32, 1, 1, 4, torch::kCPU, 32);
  auto wplus = reference->to_wplus(reference->mapping(torch::randn({1, 32})));
  EXPECT_LT(relative_max_error(built_inside->synthesis(wplus), reference->synthesis(wplus)), 1e-6);
}

TEST(StyleGan2, PreviewSizesAreTheSkipOutputs) {
  auto g = StyleGan2::random(128, 32, 1, 1, 9, torch::kCPU, 32);
  torch::NoGradGuard no_grad;
  auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32})));
  SynthesisOptions o;
  o.output_size = 32;
  EXPECT_EQ(g->synthesis(wplus, o).sizes(), (std::vector<int64_t>{1, 3, 32, 32}));
  o.output_size = 48;
  EXPECT_THROW(g->synthesis(wplus, o), facet::Error);
  o.output_size = 256;
  EXPECT_THROW(g->synthesis(wplus, o), facet::Error);
  EXPECT_THROW(g->synthesis(torch::zeros({1, 3, 32})), facet::Error);
}

TEST(StyleGan2, PlainPathIsDifferentiableInWPlus) {
  auto g = StyleGan2::random(32, 32, 1, 1, 2, torch::kCPU, 32);
  auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32}))).detach().requires_grad_(true);
  SynthesisOptions o;
  o.fast = false;
  auto loss = g->synthesis(wplus, o).pow(2).mean();
  loss.backward();
  ASSERT_TRUE(wplus.grad().defined());
  EXPECT_GT(wplus.grad().abs().sum().item<double>(), 0.0);
}

TEST(StyleGan2, RandomNoiseIsSeeded) {
  auto g = StyleGan2::random(32, 32, 1, 1, 2, torch::kCPU, 32);
  with_visible_noise(*g);
  torch::NoGradGuard no_grad;
  auto wplus = g->to_wplus(g->mapping(torch::randn({1, 32})));
  SynthesisOptions o;
  o.noise = NoiseMode::Random;
  o.seed = 4;
  auto a = g->synthesis(wplus, o), b = g->synthesis(wplus, o);
  o.seed = 5;
  auto c = g->synthesis(wplus, o);
  EXPECT_TRUE(torch::equal(a, b));
  EXPECT_FALSE(torch::equal(a, c));
}

TEST(StyleGan2, WrongFilesAreExplained) {
  try {
    StyleGan2::load(facet::test::source_dir() + "/tests/data/io/mixed_zip.pt");
    FAIL();
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("StyleGAN2"), std::string::npos) << e.what();
  }
  FACET_REQUIRE_FIXTURES();
  try {
    StyleGan2::load(fixture("latent_transformer/latent_classifier.pth"));
    FAIL();
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("missing key 'style.1.weight'"), std::string::npos) << e.what();
  }
}

TEST(Upfirdn2d, MatchesDirectDefinition) {
  // A 1-channel impulse through up=2 with a 2×2 kernel reproduces the kernel, flipped (true convolution).
  auto x = torch::zeros({1, 1, 3, 3});
  x[0][0][1][1] = 1;
  auto k = torch::tensor({{1.f, 2.f}, {3.f, 4.f}});
  auto y = facet::nn::stylegan2::upfirdn2d(x, k, 2, 1, {0, 0, 0, 0});
  // After zero insertion the impulse sits at (2, 2); output 6-2+1 = 5; the kernel appears at rows/cols 1–2.
  EXPECT_EQ(y.sizes(), (std::vector<int64_t>{1, 1, 5, 5}));
  EXPECT_FLOAT_EQ(y[0][0][1][1].item<float>(), 1.f);
  EXPECT_FLOAT_EQ(y[0][0][1][2].item<float>(), 2.f);
  EXPECT_FLOAT_EQ(y[0][0][2][1].item<float>(), 3.f);
  EXPECT_FLOAT_EQ(y[0][0][2][2].item<float>(), 4.f);
  EXPECT_FLOAT_EQ(y[0][0][0][0].item<float>(), 0.f);
}
