// The bfloat16 convolutions of previews against float32: within their stated bounds where the CPU has AVX512_BF16,
// and exactly float32 with the feature forced off.
#include <cmath>

#include <torch/torch.h>

#include "core/nn/stylegan2/cpu_features.h"
#include "core/nn/stylegan2/fast_conv.h"
#include "core/nn/stylegan2/generator.h"
#include "tests/support/cpu_features_cap.h"
#include "tests/support/test_support.h"

using namespace facet::nn::stylegan2;
using facet::test::relative_max_error;

namespace {

constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

double psnr_db(const torch::Tensor& image, const torch::Tensor& reference) {
  const double range = (reference.max() - reference.min()).item<double>();
  const double mse = (image.to(torch::kFloat64) - reference.to(torch::kFloat64)).pow(2).mean().item<double>();
  return 10 * std::log10(range * range / mse);
}

// Every convolution the fast path runs: 3×3 (pad 1), the up-sampling phases (2×2, 2×1, 1×2, 1×1, pad 1), ToRGB 1×1.
struct Shape {
  int64_t kh, kw, padding;
};
const Shape kShapes[] = {{3, 3, 1}, {2, 2, 1}, {2, 1, 1}, {1, 2, 1}, {1, 1, 1}, {1, 1, 0}};

torch::Tensor float32_conv(const torch::Tensor& x, const torch::Tensor& w, int64_t padding) {
  return torch::nn::functional::conv2d(x, w, torch::nn::functional::Conv2dFuncOptions().padding(padding));
}

}  // namespace

TEST(StyleGan2BFloat16, ForcedOffEveryConvolutionIsFloat32) {
  facet::test::CpuFeaturesCap cap("avx512");
  torch::manual_seed(5);
  torch::InferenceMode inference;
  BFloat16Convolutions scope;
  EXPECT_FALSE(bfloat16_convolutions());
  for (const Shape& s : kShapes) {
    const auto x = torch::randn({1, 24, 9, 11}).contiguous(kChannelsLast);
    const auto w = torch::randn({20, 24, s.kh, s.kw}).contiguous(kChannelsLast);
    EXPECT_TRUE(torch::equal(fast_conv2d(x, w, s.padding), float32_conv(x, w, s.padding))) << s.kh << "×" << s.kw;
  }
}

TEST(StyleGan2BFloat16, ConvolutionsStayWithinTheirBound) {
  if (!cpu_features_capped("native").avx512_bf16) GTEST_SKIP() << "no AVX512_BF16 here";
  facet::test::CpuFeaturesCap cap("native");
  torch::manual_seed(6);
  torch::InferenceMode inference;
  BFloat16Convolutions scope;
  ASSERT_TRUE(bfloat16_convolutions());
  for (const Shape& s : kShapes) {
    for (int64_t channels : {3, 32, 64}) {  // ToRGB's 3 outputs, and channel counts of the fine blocks
      const auto x = torch::randn({1, 48, 12, 10}).contiguous(kChannelsLast);
      const auto w = torch::randn({channels, 48, s.kh, s.kw}).contiguous(kChannelsLast);
      const auto reference = float32_conv(x, w, s.padding);
      const auto y = fast_conv2d(x, w, s.padding);
      ASSERT_EQ(y.sizes(), reference.sizes());
      EXPECT_EQ(y.scalar_type(), torch::kFloat32);
      EXPECT_TRUE(y.is_contiguous(kChannelsLast));
      // Operands and result rounded to bfloat16's 8-bit significand (2⁻⁹ each), the sums in float32.
      EXPECT_LT(relative_max_error(y, reference), 1e-2) << s.kh << "×" << s.kw << ", " << channels << " out";
      EXPECT_FALSE(torch::equal(y, reference)) << "bfloat16 ran";
    }
  }
}

TEST(StyleGan2BFloat16, PreviewSynthesisKeepsItsPsnr) {
  auto g = facet::nn::StyleGan2::random(64, 32, 2, 1, 3, torch::kCPU, 64);
  torch::InferenceMode inference;
  torch::manual_seed(7);
  const torch::Tensor wplus = g->to_wplus(g->mapping(torch::randn({1, 32})));
  const torch::Tensor float32 = g->synthesis(wplus);
  {
    facet::test::CpuFeaturesCap cap("avx512");
    BFloat16Convolutions scope;
    EXPECT_TRUE(torch::equal(g->synthesis(wplus), float32)) << "without AVX512_BF16: float32";
  }
  if (!cpu_features_capped("native").avx512_bf16) GTEST_SKIP() << "no AVX512_BF16 here";
  torch::Tensor preview;
  {
    BFloat16Convolutions scope;
    preview = g->synthesis(wplus);
  }
  EXPECT_FALSE(torch::equal(preview, float32));
  EXPECT_GT(psnr_db(preview, float32), 35.0);  // the preview's stated bound
  EXPECT_FALSE(bfloat16_convolutions()) << "the scope ended";
  EXPECT_TRUE(torch::equal(g->synthesis(wplus), float32)) << "float32 again after it";
}
