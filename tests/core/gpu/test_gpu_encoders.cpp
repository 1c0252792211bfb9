// pSp, e4e and ArcFace on CUDA against the CPU, on random weights (the networks' own initialisation).
#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/nn/encoders/arcface.h"
#include "core/nn/encoders/psp_encoder.h"
#include "tests/core/gpu/gpu_support.h"
#include "tests/support/test_support.h"

using facet::test::relative_max_error;

namespace {
constexpr double kParity = 1e-4;

facet::io::TensorMap tensors_of(torch::nn::Module& module) {
  facet::io::TensorMap map;
  for (const auto& p : module.named_parameters()) map[p.key()] = p.value().detach().clone();
  for (const auto& b : module.named_buffers()) map[b.key()] = b.value().clone();
  return map;
}

void check_encoder(facet::nn::EncoderKind kind) {
  torch::manual_seed(3);
  facet::nn::GradualStyleEncoder net(10, kind, 128);
  const auto weights = tensors_of(*net);
  const auto latent_avg = 0.1 * torch::randn({128});
  facet::nn::PspEncoder::Options options;
  options.kind = kind;
  const auto cpu = facet::nn::PspEncoder::from_tensors(weights, latent_avg, options, "random weights");
  const auto cuda = facet::nn::PspEncoder::from_tensors(weights, latent_avg, options, "random weights",
                                                        facet::test::cuda_device());
  torch::NoGradGuard no_grad;
  const auto faces = torch::rand({2, 3, 256, 256}) * 2 - 1;
  const auto expected = cpu.encode(faces);
  const auto actual = cuda.encode(faces);
  EXPECT_TRUE(actual.is_cuda());
  EXPECT_EQ(actual.sizes(), expected.sizes());
  EXPECT_LT(relative_max_error(actual, expected), kParity);
}
}  // namespace

TEST(EncodersOnCuda, PspMatchesTheCpu) {
  FACET_REQUIRE_CUDA();
  check_encoder(facet::nn::EncoderKind::Psp);
}

TEST(EncodersOnCuda, E4eMatchesTheCpu) {
  FACET_REQUIRE_CUDA();
  check_encoder(facet::nn::EncoderKind::E4e);
}

TEST(EncodersOnCuda, ArcFaceMatchesTheCpu) {
  FACET_REQUIRE_CUDA();
  torch::manual_seed(4);
  facet::nn::ArcFaceNet net;
  const auto weights = tensors_of(*net);
  const auto cpu = facet::nn::ArcFace::from_tensors(weights, "random weights");
  const auto cuda = facet::nn::ArcFace::from_tensors(weights, "random weights", facet::test::cuda_device());
  torch::NoGradGuard no_grad;
  const auto faces = torch::rand({2, 3, 256, 256}) * 2 - 1;
  const auto actual = cuda.features(faces);
  EXPECT_TRUE(actual.is_cuda());
  EXPECT_LT(relative_max_error(actual, cpu.features(faces)), kParity);
  EXPECT_LT(relative_max_error(cuda.features112(faces.slice(2, 0, 112).slice(3, 0, 112)),
                               cpu.features112(faces.slice(2, 0, 112).slice(3, 0, 112))),
            kParity);
}
