// StyleGAN2 on CUDA against the CPU and the reference outputs (float32), and reduced precision's PSNR.
#include <iostream>

#include <torch/torch.h>

#include "core/io/npy.h"
#include "core/nn/stylegan2/generator.h"
#include "tests/core/gpu/gpu_support.h"
#include "tests/support/test_support.h"
#include "tests/support/visible_noise.h"

using facet::nn::GeneratorLoadOptions;
using facet::nn::NoiseMode;
using facet::nn::StyleGan2;
using facet::nn::SynthesisOptions;
using facet::test::fixture;
using facet::test::relative_max_error;
using facet::test::with_visible_noise;

namespace {
constexpr double kParity = 1e-4;  // max |CUDA − CPU| / max |CPU|: float32 rounding, as the CPU paths' parity
// Reduced precision against float32 on the same GPU, PSNR over the image's range (config-f, random weights).
constexpr double kHalfPsnrDb = 40.0;
constexpr double kBfloat16PsnrDb = 30.0;

torch::Tensor npy(const std::string& name) { return facet::io::read_npy(fixture("stylegan2/" + name)); }

std::shared_ptr<StyleGan2> load_fixture(const torch::Device& device) {
  GeneratorLoadOptions o;
  o.device = device;
  return StyleGan2::load(fixture("stylegan2/g_small_zip.pt"), o);
}

}  // namespace

TEST(GeneratorOnCuda, StaysOnTheDevice) {
  FACET_REQUIRE_CUDA();
  FACET_REQUIRE_FIXTURES();
  const auto g = load_fixture(facet::test::cuda_device());
  EXPECT_TRUE(g->device().is_cuda());
  for (const auto& p : g->module().parameters()) EXPECT_TRUE(p.is_cuda());
  for (const auto& b : g->module().buffers()) EXPECT_TRUE(b.is_cuda());
  EXPECT_TRUE(g->latent_avg().is_cuda());
  torch::NoGradGuard no_grad;
  const auto wplus = npy("wplus.npy");  // on the CPU: moved once
  EXPECT_TRUE(g->mapping(npy("z.npy")).is_cuda());
  EXPECT_TRUE(g->synthesis(wplus).is_cuda());
  for (const auto& s : g->styles(wplus)) EXPECT_TRUE(s.is_cuda());
}

TEST(GeneratorOnCuda, MatchesTheCpuAndTheReference) {
  FACET_REQUIRE_CUDA();
  FACET_REQUIRE_FIXTURES();
  const auto cpu = load_fixture(torch::kCPU);
  const auto cuda = load_fixture(facet::test::cuda_device());
  torch::NoGradGuard no_grad;
  EXPECT_LT(relative_max_error(cuda->mapping(npy("z.npy")), cpu->mapping(npy("z.npy"))), kParity);
  EXPECT_LT(relative_max_error(cuda->mapping(npy("z.npy")), npy("w_from_z.npy")), kParity);
  const auto wplus = npy("wplus.npy");
  const auto expected = cpu->synthesis(wplus);  // the CPU's fast path, Facet's default there
  for (bool fast : {true, false})
    for (bool channels_last : {false, true}) {
      SynthesisOptions o;
      o.fast = fast;
      o.channels_last = channels_last;
      const auto image = cuda->synthesis(wplus, o);
      EXPECT_LT(relative_max_error(image, expected), kParity) << "fast " << fast << ", channels-last " << channels_last;
      EXPECT_LT(relative_max_error(image, npy("image_wplus.npy")), kParity);
    }
  SynthesisOptions preview;
  preview.output_size = 32;
  EXPECT_LT(relative_max_error(cuda->synthesis(wplus, preview), cpu->synthesis(wplus, preview)), kParity);
}

TEST(GeneratorOnCuda, RandomNoiseAndBatchesMatchTheCpu) {
  FACET_REQUIRE_CUDA();
  const auto device = facet::test::cuda_device();
  auto cpu = StyleGan2::random(128, 64, 2, 1, /*seed=*/4, torch::kCPU, /*max_channels=*/64);
  auto cuda = StyleGan2::random(128, 64, 2, 1, /*seed=*/4, device, /*max_channels=*/64);
  with_visible_noise(*cpu);
  with_visible_noise(*cuda);
  torch::NoGradGuard no_grad;
  const auto wplus = cpu->to_wplus(cpu->mapping(torch::randn({4, 64})), 0.7);
  for (auto mode : {NoiseMode::Const, NoiseMode::Random, NoiseMode::Zero}) {
    SynthesisOptions o;
    o.noise = mode;
    o.seed = 9;
    EXPECT_LT(relative_max_error(cuda->synthesis(wplus, o), cpu->synthesis(wplus, o)), kParity)
        << "noise " << static_cast<int>(mode);
  }
}

TEST(GeneratorOnCuda, GradientsInWPlusMatchTheCpu) {
  FACET_REQUIRE_CUDA();
  const auto device = facet::test::cuda_device();
  auto cpu = StyleGan2::random(64, 32, 1, 1, /*seed=*/5, torch::kCPU, /*max_channels=*/32);
  auto cuda = StyleGan2::random(64, 32, 1, 1, /*seed=*/5, device, /*max_channels=*/32);
  for (auto* g : {&cpu, &cuda})
    for (auto& p : (*g)->module().parameters()) p.requires_grad_(false);  // as while embedding
  const auto start = cpu->to_wplus(cpu->mapping(torch::randn({1, 32}))).detach();
  const auto target = torch::randn({1, 3, 64, 64});
  SynthesisOptions o;
  o.fast = false;
  o.fast_gradients = true;  // the CPU's hand-written backward; autograd over the plain path on CUDA
  auto a = start.clone().requires_grad_(true);
  auto b = start.to(device).requires_grad_(true);
  (cpu->synthesis(a, o) - target).pow(2).mean().backward();
  (cuda->synthesis(b, o) - target.to(device)).pow(2).mean().backward();
  ASSERT_TRUE(b.grad().defined());
  EXPECT_TRUE(b.grad().is_cuda());
  EXPECT_LT(relative_max_error(b.grad(), a.grad()), 1e-3);  // gradients sum over every pixel: looser
}

TEST(GeneratorOnCuda, ReducedPrecisionStaysWithinItsPsnrBound) {
  FACET_REQUIRE_CUDA();
  const auto device = facet::test::cuda_device();
  // config-f's channel widths at 256²: the accumulation lengths of the released model's convolutions.
  const auto g = StyleGan2::random(256, 512, 8, 2, /*seed=*/1, device);
  torch::NoGradGuard no_grad;
  const auto wplus = g->to_wplus(g->mapping(torch::randn({2, 512})), 0.7);
  const auto reference = g->synthesis(wplus);
  for (auto [dtype, bound] : {std::pair{torch::kFloat16, kHalfPsnrDb}, std::pair{torch::kBFloat16, kBfloat16PsnrDb}}) {
    const auto reduced = g->cast(dtype);
    EXPECT_EQ(reduced->dtype(), dtype);
    for (const auto& p : reduced->module().parameters()) EXPECT_EQ(p.scalar_type(), dtype);
    for (bool channels_last : {false, true}) {
      SynthesisOptions o;
      o.channels_last = channels_last;
      const auto image = reduced->synthesis(wplus, o);
      EXPECT_EQ(image.scalar_type(), torch::kFloat32);
      EXPECT_TRUE(image.is_cuda());
      const double psnr = facet::test::psnr_db(image, reference);
      std::cout << "[ PSNR     ] " << c10::toString(dtype) << (channels_last ? " channels-last" : "")
                << " against float32, 256² config-f: " << psnr << " dB (bound " << bound << " dB)\n";
      RecordProperty(std::string("psnr_db_") + c10::toString(dtype) + (channels_last ? "_nhwc" : ""),
                     std::to_string(psnr));
      EXPECT_GT(psnr, bound) << c10::toString(dtype);
    }
  }
  // The float32 generator is untouched by its copies.
  EXPECT_EQ(g->dtype(), torch::kFloat32);
  EXPECT_LT(relative_max_error(g->synthesis(wplus), reference), 1e-6);
}
