// Winograd F(4,3) for the fast path's constant 3×3 layers: equal to a direct convolution to float rounding, at
// sizes that are no multiple of its tiles; taken by inference renders at 32² and above, never by the gradients'
// forward; and a generator's renders keep their parity with the plain path.
#include <torch/torch.h>

#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/winograd_conv.h"
#include "tests/support/test_support.h"

using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::nn::stylegan2::WinogradConv3x3;
using facet::test::relative_max_error;

#define REQUIRE_WINOGRAD() \
  if (!WinogradConv3x3::available()) GTEST_SKIP() << "no oneDNN Winograd kernel here (AVX-512 and libdnnl-dev needed)"

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
  SynthesisOptions plain;
  plain.fast = false;
  torch::Tensor fast_image, plain_image;
  int64_t before = WinogradConv3x3::runs();
  {
    torch::NoGradGuard no_grad;
    fast_image = g->synthesis(wplus, SynthesisOptions{});
    plain_image = g->synthesis(wplus, plain);
  }
  // The 3×3 layers at 32², 64² and 128² (whose inputs reach 32²).
  EXPECT_EQ(WinogradConv3x3::runs() - before, 3);
  EXPECT_LT(relative_max_error(fast_image, plain_image), 1e-4);

  SynthesisOptions gradients;
  gradients.fast = false;
  gradients.fast_gradients = true;
  for (auto& p : g->module().parameters()) p.requires_grad_(false);
  const torch::Tensor code = wplus.detach().clone().requires_grad_(true);
  before = WinogradConv3x3::runs();
  g->synthesis(code, gradients).square().mean().backward();
  EXPECT_EQ(WinogradConv3x3::runs(), before) << "the gradients' forward stays direct";
  EXPECT_TRUE(code.grad().defined());
}
