// CLIP on CUDA: the TorchScript stand-in (tests/data/clip) runs as released there, in float16, against the CPU's
// float32 run of the same weights.
#include <torch/torch.h>

#include "core/io/npy.h"
#include "core/nn/clip/clip_model.h"
#include "tests/core/gpu/gpu_support.h"
#include "tests/support/test_support.h"

namespace {
std::string data(const std::string& name) { return facet::test::source_dir() + "/tests/data/clip/" + name; }
// float16 activations against float32: each sample's features point the same way.
constexpr double kMinCosine = 0.999;
}  // namespace

TEST(ClipOnCuda, FeaturesMatchTheCpu) {
  FACET_REQUIRE_CUDA();
  const auto cpu = facet::nn::clip::ClipModel::load(data("clip_standin.pt"));
  const auto cuda = facet::nn::clip::ClipModel::load(data("clip_standin.pt"), facet::test::cuda_device());
  EXPECT_TRUE(cuda.device().is_cuda());
  torch::NoGradGuard no_grad;
  const auto images = facet::io::read_npy(data("standin_images.npy"));
  const auto tokens = facet::io::read_npy(data("standin_tokens.npy"));
  const auto image_cpu = cpu.encode_image(images), text_cpu = cpu.encode_text(tokens);
  const auto image_cuda = cuda.encode_image(images.cuda()), text_cuda = cuda.encode_text(tokens.cuda());
  EXPECT_TRUE(image_cuda.is_cuda());
  EXPECT_EQ(image_cuda.scalar_type(), torch::kFloat32);
  ASSERT_EQ(image_cuda.sizes(), image_cpu.sizes());
  for (int64_t i = 0; i < image_cpu.size(0); ++i) {
    EXPECT_GT(facet::test::cosine(image_cuda[i], image_cpu[i]), kMinCosine) << "image " << i;
    EXPECT_GT(facet::test::cosine(text_cuda[i], text_cpu[i]), kMinCosine) << "text " << i;
  }
}
