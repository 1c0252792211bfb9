// The Latent Transformer's classifier and transformers, linear directions and the edit stack on CUDA against
// the CPU, on the parity fixtures.
#include <torch/torch.h>

#include "core/edit/edit_stack.h"
#include "core/io/npy.h"
#include "core/nn/latent/latent_classifier.h"
#include "core/nn/latent/latent_transformer.h"
#include "tests/core/gpu/gpu_support.h"
#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::relative_max_error;

namespace {
constexpr double kParity = 1e-5;  // the CPU's own parity bound for these fixtures
torch::Tensor npy(const std::string& name) { return facet::io::read_npy(fixture(name)); }
}  // namespace

TEST(LatentNetsOnCuda, ClassifierMatchesTheCpu) {
  FACET_REQUIRE_CUDA();
  FACET_REQUIRE_FIXTURES();
  const std::string file = fixture("latent_transformer/latent_classifier.pth");
  auto cpu = facet::nn::load_latent_classifier(file);
  auto cuda = facet::nn::load_latent_classifier(file, facet::test::cuda_device());
  torch::NoGradGuard no_grad;
  const auto wplus = npy("stylegan2/wplus.npy");
  const auto logits = cuda->forward(wplus.cuda());
  EXPECT_TRUE(logits.is_cuda());
  EXPECT_LT(relative_max_error(logits, cpu->forward(wplus)), kParity);
  EXPECT_LT(relative_max_error(logits, npy("latent_transformer/classifier_logits.npy")), kParity);
}

TEST(LatentNetsOnCuda, TransformerMatchesTheCpu) {
  FACET_REQUIRE_CUDA();
  FACET_REQUIRE_FIXTURES();
  const std::string file = fixture("latent_transformer/tnet_15.pth.tar");
  auto cpu = facet::nn::load_latent_transformer(file);
  auto cuda = facet::nn::load_latent_transformer(file, facet::test::cuda_device());
  torch::NoGradGuard no_grad;
  const auto wplus = npy("stylegan2/wplus.npy");
  const auto alpha = npy("latent_transformer/alpha.npy");
  const auto out = cuda->forward(wplus.cuda(), alpha.cuda());
  EXPECT_TRUE(out.is_cuda());
  EXPECT_LT(relative_max_error(out, cpu->forward(wplus, alpha)), kParity);
  EXPECT_LT(relative_max_error(out, npy("latent_transformer/tnet_out.npy")), kParity);
}

TEST(LatentNetsOnCuda, EditStackMatchesTheCpuAndStaysOnTheDevice) {
  FACET_REQUIRE_CUDA();
  FACET_REQUIRE_FIXTURES();
  const auto device = facet::test::cuda_device();
  const std::string file = fixture("latent_transformer/tnet_15.pth.tar");
  facet::edit::Editor cpu, cuda;
  cpu.set_transformer(15, facet::nn::load_latent_transformer(file));
  cuda.set_transformer(15, facet::nn::load_latent_transformer(file, device));
  facet::edit::EditState state;
  state.edits.push_back({15, 1.5});
  torch::NoGradGuard no_grad;
  const auto wplus = npy("stylegan2/wplus.npy");
  const auto edited = cuda.apply(wplus.to(device), state);
  EXPECT_TRUE(edited.is_cuda());
  EXPECT_LT(relative_max_error(edited, cpu.apply(wplus, state)), kParity);
}
