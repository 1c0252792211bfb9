// The layout the fast path's 3×3 convolutions run in: which layers take NCHW without AVX-512, and that they give
// the channels-last convolution's result, channels-last.
#include <torch/torch.h>

#include "core/nn/stylegan2/conv_layout.h"
#include "core/nn/stylegan2/cpu_features.h"
#include "tests/support/cpu_features_cap.h"
#include "tests/support/test_support.h"

using namespace facet::nn::stylegan2;
using facet::test::CpuFeaturesCap;
using facet::test::relative_max_error;

namespace {

constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

}  // namespace

TEST(StyleGan2ConvLayout, WithoutAvx512TheWideLayersFrom32SquaredTakeNchw) {
  CpuFeaturesCap cap("avx2");
  EXPECT_TRUE(plain_layout_for_conv3x3(512, 32, 32));
  EXPECT_TRUE(plain_layout_for_conv3x3(512, 64, 64));
  EXPECT_TRUE(plain_layout_for_conv3x3(256, 128, 128));
  EXPECT_FALSE(plain_layout_for_conv3x3(512, 16, 16));
  EXPECT_FALSE(plain_layout_for_conv3x3(128, 256, 256));
  EXPECT_FALSE(plain_layout_for_conv3x3(64, 512, 512));
  EXPECT_TRUE(plain_layout_for_weight_grads());
  if (cpu_features_capped("native").avx512) {
    CpuFeaturesCap native("native");
    EXPECT_FALSE(plain_layout_for_conv3x3(512, 64, 64));
    EXPECT_FALSE(plain_layout_for_weight_grads());
  }
}

TEST(StyleGan2ConvLayout, EitherLayoutGivesTheChannelsLastConvolution) {
  torch::manual_seed(3);
  // 256 channels at 32²: NCHW under the AVX2 cap; a narrow layer stays channels-last.
  for (const int64_t channels : {256, 32}) {
    const auto x = torch::randn({1, channels, 32, 32}).contiguous(kChannelsLast);
    const auto w = torch::randn({channels, channels, 3, 3}).contiguous(kChannelsLast);
    const auto expected = torch::nn::functional::conv2d(x.to(torch::kFloat64), w.to(torch::kFloat64),
                                                        torch::nn::functional::Conv2dFuncOptions().padding(1));
    for (const char* name : {"avx2", "native"}) {
      SCOPED_TRACE(std::string(name) + ", " + std::to_string(channels) + " channels");
      CpuFeaturesCap cap(name);
      const auto y = conv3x3_channels_last(x, w);
      EXPECT_TRUE(y.is_contiguous(kChannelsLast));
      EXPECT_EQ(y.sizes(), expected.sizes());
      EXPECT_LT(relative_max_error(y.to(torch::kFloat64), expected), 1e-5);
    }
  }
}
