// The roofline's two halves: the direct-convolution work of a synthesis (against the figures worked out by hand for
// config-f) and the FMA peak probe, and the per-block times synthesis reports for it.
#include <numeric>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/stylegan2/block_times.h"
#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/roofline.h"
#include "tests/support/test_support.h"

using namespace facet::nn::stylegan2;

namespace {
double total_gmac(const std::vector<BlockWork>& blocks) {
  return std::accumulate(blocks.begin(), blocks.end(), 0.0, [](double s, const BlockWork& b) { return s + b.macs; }) /
         1e9;
}
facet::nn::GeneratorConfig config_f_1024() {
  facet::nn::GeneratorConfig c;
  c.size = 1024;
  c.channels = {512, 512, 512, 512, 512, 256, 128, 64, 32};
  return c;
}
}  // namespace

TEST(StyleGan2Roofline, ConfigFWorkIsTheDirectConvolutionCount) {
  const auto full = synthesis_work(config_f_1024());
  ASSERT_EQ(full.size(), 9u);
  EXPECT_EQ(full.front().resolution, 4);
  EXPECT_EQ(full.back().resolution, 1024);
  // 1024²: 64·32·9·512² (up-sampling, at its input size) + 32·32·9·1024² + 32·3·1024² (ToRGB).
  EXPECT_DOUBLE_EQ(full.back().macs, 64.0 * 32 * 9 * 512 * 512 + 32.0 * 32 * 9 * 1024 * 1024 + 32.0 * 3 * 1024 * 1024);
  EXPECT_NEAR(total_gmac(full), 74.3, 0.05);
  const auto preview = synthesis_work(config_f_1024(), 256);
  ASSERT_EQ(preview.size(), 7u);
  EXPECT_NEAR(total_gmac(preview), 45.1, 0.05);
}

TEST(StyleGan2Roofline, FmaProbeMeasuresEachInstructionSet) {
  const FmaPeak baseline = measure_fma_peak(1, 0.01, cpu_features_capped("baseline"));
  EXPECT_EQ(baseline.isa, "baseline");
  EXPECT_EQ(baseline.threads, 1);
  EXPECT_GT(baseline.gmacs, 0.0);
  const CpuFeatures native = cpu_features_capped("native");
  if (!native.avx2_fma) GTEST_SKIP() << "no AVX2 here";
  const FmaPeak avx2 = measure_fma_peak(1, 0.01, cpu_features_capped("avx2"));
  EXPECT_EQ(avx2.isa, "avx2");
  // Eight lanes with fused multiply-adds against one lane with a multiply and an add: far more than 2× even on a
  // busy machine.
  EXPECT_GT(avx2.gmacs, 2 * baseline.gmacs);
  if (native.avx512) {
    EXPECT_EQ(measure_fma_peak(1, 0.01, native).isa, "avx512");
  }
}

TEST(StyleGan2Roofline, FeatureCapsTurnFeaturesOffAndRefuseUnknownNames) {
  const CpuFeatures native = cpu_features_capped("native");
  EXPECT_FALSE(cpu_features_capped("avx512").avx512_bf16);
  EXPECT_EQ(cpu_features_capped("avx512").avx512, native.avx512);
  EXPECT_FALSE(cpu_features_capped("avx2").avx512);
  EXPECT_EQ(cpu_features_capped("avx2").avx2_fma, native.avx2_fma);
  EXPECT_EQ(describe(cpu_features_capped("baseline")), "baseline");
  EXPECT_THROW(cpu_features_capped("avx9000"), facet::Error);
}

TEST(StyleGan2Roofline, SynthesisReportsOneTimePerBlock) {
  auto g = facet::nn::StyleGan2::random(32, 16, 2, 1, 0, torch::kCPU, 16);
  torch::InferenceMode guard;
  const torch::Tensor wplus = g->to_wplus(g->mapping(torch::randn({1, 16})));
  for (int64_t size : {int64_t(16), int64_t(32)}) {
    facet::nn::SynthesisOptions o;
    o.output_size = size;
    torch::Tensor timed;
    std::vector<double> blocks;
    {
      BlockTimes times;
      timed = g->synthesis(wplus, o);
      blocks = times.ms();
    }
    ASSERT_EQ(blocks.size(), synthesis_work(g->config(), size).size()) << size;
    for (double ms : blocks) EXPECT_GE(ms, 0.0);
    EXPECT_TRUE(torch::equal(timed, g->synthesis(wplus, o))) << "timing changes nothing";
  }
}
