// Winograd F(4,3) for the fast path's 3×3 layers, oneDNN's and the portable one: equal to a direct convolution (and
// the portable one's weight gradient to a direct one) to float rounding, at sizes that are no multiple of its tiles;
// taken by inference renders at 32² and above (the portable one only by layers of 128 channels or more), by tuning's
// gradients only in its portable form on those wide layers, never by the gradients w.r.t. W+ alone; and a
// generator's renders keep their parity with the plain path.
#include <utility>

#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/portable_winograd.h"
#include "core/nn/stylegan2/winograd_conv.h"
#include "tests/support/cpu_features_cap.h"
#include "tests/support/test_support.h"

using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::nn::stylegan2::PortableWinograd;
using facet::nn::stylegan2::WinogradConv3x3;
using facet::test::relative_max_error;

#define REQUIRE_WINOGRAD() \
  if (!WinogradConv3x3::available()) GTEST_SKIP() << "no oneDNN Winograd kernel here (AVX-512 and libdnnl-dev needed)"

namespace {

// The generator's image at `wplus` on the fast path and on the plain one, in inference mode as the editor renders
// (the portable kernel's parallel bands keep the caller's modes).
std::pair<torch::Tensor, torch::Tensor> fast_and_plain(StyleGan2& g, const torch::Tensor& wplus) {
  const c10::InferenceMode inference;
  SynthesisOptions plain;
  plain.fast = false;
  torch::Tensor fast = g.synthesis(wplus, SynthesisOptions{});
  return {fast, g.synthesis(wplus, plain)};
}

// The gradients w.r.t. W+ alone (frozen weights) run the direct convolutions they were checked against, whatever the
// CPU: neither Winograd (tuning's gradients take the portable one: test_stylegan2_weight_gradients.cpp).
void expect_gradients_stay_direct(StyleGan2& g, const torch::Tensor& wplus) {
  SynthesisOptions gradients;
  gradients.fast = false;
  gradients.fast_gradients = true;
  for (auto& p : g.module().parameters()) p.requires_grad_(false);
  const torch::Tensor code = wplus.detach().clone().requires_grad_(true);
  const int64_t before = WinogradConv3x3::runs(), portable = PortableWinograd::forward_runs();
  g.synthesis(code, gradients).square().mean().backward();
  EXPECT_EQ(WinogradConv3x3::runs(), before) << "the gradients' forward stays direct";
  EXPECT_EQ(PortableWinograd::forward_runs(), portable) << "the gradients stay direct";
  EXPECT_TRUE(code.grad().defined());
}

}  // namespace

TEST(StyleGan2Winograd, EqualsADirectConvolutionAtAnySize) {
  REQUIRE_WINOGRAD();
  torch::manual_seed(5);
  const torch::Tensor w = torch::randn({40, 48, 3, 3}) / 20;
  WinogradConv3x3 conv(w);
  for (auto [h, width] : {std::pair<int64_t, int64_t>{37, 45}, {32, 32}, {64, 17}}) {
    const torch::Tensor x = torch::randn({1, 48, h, width}).contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor y = conv.forward(x);
    ASSERT_TRUE(y.defined()) << h << "×" << width;
    EXPECT_TRUE(y.is_contiguous(torch::MemoryFormat::ChannelsLast));
    const torch::Tensor direct =
        torch::nn::functional::conv2d(x, w, torch::nn::functional::Conv2dFuncOptions().padding(1));
    EXPECT_LT(relative_max_error(y, direct), 1e-5) << h << "×" << width;
  }
  // The same size again: the cached plan gives the same bits.
  const torch::Tensor x = torch::randn({1, 48, 37, 45});
  EXPECT_TRUE(torch::equal(conv.forward(x), conv.forward(x)));
}

TEST(StyleGan2Winograd, RendersTakeItAndTheGradientsDoNot) {
  REQUIRE_WINOGRAD();
  auto g = StyleGan2::random(128, 64, 2, 1, /*seed=*/4, torch::kCPU, /*max_channels=*/64);
  const torch::Tensor wplus = g->to_wplus(g->mapping(torch::randn({1, 64})));
  const int64_t before = WinogradConv3x3::runs();
  const auto [fast_image, plain_image] = fast_and_plain(*g, wplus);
  // The 3×3 layers at 32², 64² and 128² (whose inputs reach 32²).
  EXPECT_EQ(WinogradConv3x3::runs() - before, 3);
  EXPECT_LT(relative_max_error(fast_image, plain_image), 1e-4);
  expect_gradients_stay_direct(*g, wplus);
}

TEST(StyleGan2Winograd, PortableKernelEqualsADirectConvolutionAtAnySize) {
  torch::manual_seed(6);
  const torch::Tensor w = torch::randn({40, 48, 3, 3}) / 20;
  const PortableWinograd conv(w);
  const PortableWinograd row_bands(w, /*band_bytes=*/1);  // a band per row of tiles, in parallel where BLAS is serial
  // Sizes that are and are not whole tiles, one smaller than a tile, and both memory layouts of the input.
  for (auto [h, width] : {std::pair<int64_t, int64_t>{37, 45}, {32, 32}, {64, 17}, {3, 2}}) {
    for (bool channels_last : {true, false}) {
      torch::Tensor x = torch::randn({1, 48, h, width});
      if (channels_last) x = x.contiguous(torch::MemoryFormat::ChannelsLast);
      const torch::Tensor y = conv.forward(x);
      const torch::Tensor banded = row_bands.forward(x);
      EXPECT_TRUE(y.is_contiguous(torch::MemoryFormat::ChannelsLast));
      const torch::Tensor direct = torch::nn::functional::conv2d(
          x.to(torch::kFloat64), w.to(torch::kFloat64), torch::nn::functional::Conv2dFuncOptions().padding(1));
      ASSERT_EQ(y.sizes(), direct.sizes());
      // Measured 4–6e-6 of the output's range; a wrong tap, tile offset or transform row is off by far more.
      EXPECT_LT(relative_max_error(y.to(torch::kFloat64), direct), 2e-5) << h << "×" << width;
      EXPECT_LT(relative_max_error(banded.to(torch::kFloat64), direct), 2e-5) << "row bands, " << h << "×" << width;
    }
  }
}

TEST(StyleGan2Winograd, WithoutAvx512RendersOfWideLayersTakeThePortableKernel) {
  const facet::test::CpuFeaturesCap avx2("avx2");  // before the generators are built: they pick their kernels then
  if (!WinogradConv3x3::portable_available()) GTEST_SKIP() << "FACET_WINOGRAD=0";
  // 96 channels: below the portable kernel's width, every layer convolves directly.
  auto narrow = StyleGan2::random(64, 64, 2, 1, /*seed=*/8, torch::kCPU, /*max_channels=*/96);
  // 128 channels: the 3×3 layers at 32² and 64² take it (the one at 32² modulates its input anyway, the one at 64²
  // only for the Winograd's sake).
  auto g = StyleGan2::random(64, 64, 2, 1, /*seed=*/8, torch::kCPU, /*max_channels=*/128);
  const torch::Tensor wplus = g->to_wplus(g->mapping(torch::randn({1, 64})));
  const int64_t before = WinogradConv3x3::runs();
  fast_and_plain(*narrow, wplus);
  EXPECT_EQ(WinogradConv3x3::runs(), before);
  const auto [fast_image, plain_image] = fast_and_plain(*g, wplus);
  EXPECT_EQ(WinogradConv3x3::runs() - before, 2);
  EXPECT_LT(relative_max_error(fast_image, plain_image), 1e-4);
  expect_gradients_stay_direct(*g, wplus);
}

TEST(StyleGan2Winograd, PortableWeightGradientEqualsADirectOneAtAnySize) {
  torch::manual_seed(9);
  for (auto [h, width] : {std::pair<int64_t, int64_t>{37, 45}, {32, 32}, {64, 17}, {3, 2}}) {
    for (int64_t band_bytes : {PortableWinograd::kBandBytes, int64_t{1}}) {
      const torch::Tensor x = torch::randn({1, 48, h, width}).contiguous(torch::MemoryFormat::ChannelsLast);
      const torch::Tensor g = torch::randn({1, 40, h, width});
      const torch::Tensor w = torch::zeros({40, 48, 3, 3}, torch::kFloat64);
      const auto direct = at::convolution_backward(g.to(torch::kFloat64), x.to(torch::kFloat64), w, c10::nullopt,
                                                   {1, 1}, {1, 1}, {1, 1}, false, {0, 0}, 1, {false, true, false});
      const torch::Tensor grad = PortableWinograd::weight_gradient(x, g, band_bytes);
      ASSERT_EQ(grad.sizes(), w.sizes());
      // Measured up to 7e-6 of the largest entry; a transposed transform or an overhanging tile is off by far more.
      EXPECT_LT(relative_max_error(grad.to(torch::kFloat64), std::get<1>(direct)), 2e-5)
          << h << "×" << width << (band_bytes == 1 ? ", a band per row of tiles" : "");
      // The threads' sums are added in the order of their bands: the same bits every time.
      EXPECT_TRUE(torch::equal(grad, PortableWinograd::weight_gradient(x, g, band_bytes)));
    }
  }
}
