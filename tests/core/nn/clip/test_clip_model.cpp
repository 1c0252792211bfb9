// CLIP model loading on the tiny TorchScript stand-in (tests/data/clip, made by make_clip_standin.py): its graphs
// carry "cuda" devices and float16 casts like the released archives, so these tests also prove the CPU rewrite.

#include <gtest/gtest.h>
#include <torch/script.h>

#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/clip/clip_model.h"
#include "core/nn/clip/clip_preprocess.h"
#include "tests/support/test_support.h"

namespace facet::nn::clip {
namespace {

std::string data(const std::string& name) { return test::source_dir() + "/tests/data/clip/" + name; }

TEST(ClipModel, StandInMatchesItsPythonReference) {
  const auto model = ClipModel::load(data("clip_standin.pt"));
  EXPECT_EQ(model.input_resolution(), 32);
  EXPECT_EQ(model.context_length(), 77);
  const auto images = io::read_npy(data("standin_images.npy"));
  const auto tokens = io::read_npy(data("standin_tokens.npy"));
  const auto image_ref = io::read_npy(data("standin_image_features.npy"));
  const auto text_ref = io::read_npy(data("standin_text_features.npy"));
  torch::NoGradGuard no_grad;
  const auto image_features = model.encode_image(images);
  const auto text_features = model.encode_text(tokens);
  EXPECT_EQ(image_features.scalar_type(), torch::kFloat32);
  EXPECT_LT(test::relative_max_error(image_features, image_ref), 1e-5);
  EXPECT_LT(test::relative_max_error(text_features, text_ref), 1e-5);
}

TEST(ClipModel, ArchiveNeedsTheCpuRewrite) {
  // Without the rewrite the archive asks for CUDA (absent here) and float16 matmuls: it must fail; with it, run.
  auto raw = torch::jit::load(data("clip_standin.pt"), torch::kCPU);
  const auto tokens = torch::zeros({1, 77}, torch::kInt64);
  if (!torch::cuda::is_available()) {
    EXPECT_ANY_THROW(raw.get_method("encode_text")({tokens}));
  }
  auto patched = torch::jit::load(data("clip_standin.pt"), torch::kCPU);
  EXPECT_GE(patch_for_cpu(patched, true), 4);  // a device constant and a float16 cast in each encoder
  patched.to(torch::kFloat32);
  EXPECT_NO_THROW(patched.get_method("encode_text")({tokens}));
}

TEST(ClipModel, ImageGradientsFlow) {
  const auto model = ClipModel::load(data("clip_standin.pt"));
  auto images = torch::rand({1, 3, 32, 32}).requires_grad_(true);
  model.encode_image(images).sum().backward();
  ASSERT_TRUE(images.grad().defined());
  EXPECT_GT(images.grad().abs().sum().item<double>(), 0.0);
}

TEST(ClipModel, BadInputsGiveClearErrors) {
  EXPECT_THROW(ClipModel::load("/nonexistent/ViT-B-32.pt"), Error);
  EXPECT_THROW(ClipModel::load(data("standin_images.npy")), Error);
  const auto model = ClipModel::load(data("clip_standin.pt"));
  EXPECT_THROW(model.encode_image(torch::zeros({1, 3, 31, 32})), Error);
  EXPECT_THROW(model.encode_text(torch::zeros({1, 76}, torch::kInt64)), Error);
}

TEST(ClipPreprocess, ResizeCropNormalise) {
  EXPECT_EQ(resized_size(100, 200, 224), (std::pair<int64_t, int64_t>{224, 448}));
  EXPECT_EQ(resized_size(300, 200, 224), (std::pair<int64_t, int64_t>{336, 224}));
  // A constant image stays constant through resize and crop: each channel becomes (v − mean) / std.
  const auto out = preprocess(torch::full({2, 3, 48, 64}, 0.5), 32);
  ASSERT_EQ(out.sizes(), (c10::IntArrayRef{2, 3, 32, 32}));
  for (int c = 0; c < 3; ++c)
    EXPECT_NEAR(out[0][c].mean().item<double>(), (0.5 - kClipMean[c]) / kClipStd[c], 1e-5);
  // The centre crop keeps the middle: a left/right split image keeps both halves equally.
  auto split = torch::zeros({1, 3, 32, 64});
  split.narrow(3, 32, 32).fill_(1.0);
  const auto cropped = preprocess(split, 32);
  EXPECT_NEAR(cropped[0][0].narrow(1, 0, 8).mean().item<double>(), (0.0 - kClipMean[0]) / kClipStd[0], 1e-4);
  EXPECT_NEAR(cropped[0][0].narrow(1, 24, 8).mean().item<double>(), (1.0 - kClipMean[0]) / kClipStd[0], 1e-4);
  EXPECT_THROW(preprocess(torch::zeros({3, 32, 32}), 32), Error);
}

TEST(ClipModel, EncodingIsDeterministicAndBatchIndependent) {
  const auto model = ClipModel::load(data("clip_standin.pt"));
  torch::NoGradGuard no_grad;
  torch::manual_seed(3);
  const auto images = torch::rand({2, 3, 32, 32});
  const auto tokens = torch::randint(1, 400, {2, 77}, torch::kInt64);
  const auto image_features = model.encode_image(images), text_features = model.encode_text(tokens);
  EXPECT_TRUE(torch::equal(model.encode_image(images), image_features));
  EXPECT_TRUE(torch::equal(model.encode_text(tokens), text_features));
  // Each sample's features do not depend on the rest of its batch.
  EXPECT_TRUE(torch::allclose(model.encode_image(images.narrow(0, 1, 1))[0], image_features[1], 1e-5, 1e-6));
  EXPECT_TRUE(torch::allclose(model.encode_text(tokens.narrow(0, 1, 1))[0], text_features[1], 1e-5, 1e-6));
}

}  // namespace
}  // namespace facet::nn::clip
