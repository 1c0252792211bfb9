// Parity of VGG-16 (torchvision layout) and LPIPS v0.1 with the reference maths, full size, on deterministic
// weights shared with tests/data/embed/make_fixtures.py; the fixtures hold the reference outputs.
#include <cmath>
#include <fstream>
#include <iostream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/embed/lpips.h"
#include "core/embed/perceptual_loss.h"
#include "core/embed/vgg16_features.h"
#include "core/io/error.h"
#include "tests/core/embed/det_weights.h"
#include "tests/support/test_support.h"

namespace {

using facet::test::embed_det;

torch::Tensor reference(const std::string& file, int64_t count) {
  const auto path = facet::test::source_dir() + "/tests/data/embed/" + file;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  auto t = torch::zeros({count}, torch::kFloat);
  in.read(reinterpret_cast<char*>(t.data_ptr<float>()), static_cast<std::streamsize>(count * sizeof(float)));
  EXPECT_TRUE(in.good()) << path << " is shorter than expected";
  return t;
}

facet::embed::Vgg16Features det_vgg() { return facet::embed::vgg16_from_tensors(facet::test::det_vgg16_tensors(), "det"); }

std::vector<torch::Tensor> det_lin() {
  return facet::embed::Lpips::lin_from_tensors(facet::test::det_lpips_lin_tensors(), "det");
}

}  // namespace

TEST(Vgg16Features, TapsMatchTorchvision) {
  torch::NoGradGuard no_grad;
  auto vgg = det_vgg();
  const std::vector<int> taps = {1, 3, 8, 13, 15, 20, 22, 29};
  const auto x = embed_det("input", {1, 3, 32, 32});
  const auto feats = vgg->forward(facet::embed::imagenet_normalise(x), taps);
  ASSERT_EQ(feats.size(), taps.size());
  std::vector<torch::Tensor> parts;
  for (const auto& f : feats) {
    parts.push_back(f[0].mean({1, 2}).flatten());
    parts.push_back(f[0].slice(0, 0, 4).flatten());
  }
  const auto ours = torch::cat(parts);
  const auto ref = reference("vgg_taps.f32", ours.numel());
  // Compare tap by tap so a failure names the layer.
  int64_t offset = 0;
  for (size_t i = 0; i < feats.size(); ++i) {
    const int64_t n = feats[i].size(1) + 4 * feats[i].size(2) * feats[i].size(3);
    const double err =
        facet::test::relative_max_error(ours.slice(0, offset, offset + n), ref.slice(0, offset, offset + n));
    std::cout << "relu at features." << taps[i] << ": relative max error " << err << "\n";
    EXPECT_LT(err, 1e-4) << "relu at features." << taps[i];
    offset += n;
  }
}

TEST(Lpips, DistanceAndImage2StyleGanLossMatchReference) {
  torch::NoGradGuard no_grad;
  const auto x = embed_det("input_x", {2, 3, 64, 64});
  const auto y = embed_det("input_y", {2, 3, 64, 64}).transpose(2, 3);
  const auto ref = reference("lpips_i2s.f32", 3);
  facet::embed::Lpips lpips(det_vgg(), det_lin());
  const auto d = lpips.distance(x, y);
  ASSERT_EQ(d.sizes(), (std::vector<int64_t>{2}));
  const double lpips_err = facet::test::relative_max_error(d, ref.slice(0, 0, 2));
  std::cout << "LPIPS " << d[0].item<double>() << ", " << d[1].item<double>() << ": relative error " << lpips_err << "\n";
  EXPECT_LT(lpips_err, 1e-4);
  EXPECT_GT(d.min().item<double>(), 0.01);  // the fixture pairs really differ
  EXPECT_NEAR(lpips.distance(x, x).abs().max().item<double>(), 0.0, 1e-7);

  // The same distance through PerceptualLoss (the embedder's path), target features cached.
  facet::embed::PerceptualLoss as_loss(lpips);
  EXPECT_NEAR(as_loss.loss(x, as_loss.target_features(y)).item<double>(), d.mean().item<double>(), 1e-6);

  // Image2StyleGAN: Σ_j mean squared difference of relu1_1, relu1_2, relu3_2, relu4_2 (ImageNet-normalised).
  facet::embed::PerceptualLoss i2s(det_vgg());
  const double ours = i2s.loss(x, i2s.target_features(y)).item<double>();
  const double i2s_err = std::abs(ours - ref[2].item<double>()) / ref[2].item<double>();
  std::cout << "Image2StyleGAN feature loss " << ours << ": relative error " << i2s_err << "\n";
  EXPECT_LT(i2s_err, 1e-4);
}

TEST(Vgg16Features, AcceptsTheKeyLayoutsItDocuments) {
  torch::NoGradGuard no_grad;
  const auto x = embed_det("input", {1, 3, 16, 16});
  const auto expected = det_vgg()->forward(facet::embed::imagenet_normalise(x), {3})[0];
  // Bare `features` state dict and a torchvision full model with its classifier.
  facet::io::TensorMap bare, full = facet::test::det_vgg16_tensors();
  for (const auto& [k, v] : facet::test::det_vgg16_tensors()) bare[k.substr(9)] = v;
  full["classifier.0.weight"] = torch::zeros({4096, 25088});
  for (const auto& map : {bare, full}) {
    const auto got = facet::embed::vgg16_from_tensors(map, "variant")->forward(facet::embed::imagenet_normalise(x), {3})[0];
    EXPECT_TRUE(torch::allclose(got, expected));
  }
}

TEST(Vgg16Features, BadFilesAreReported) {
  facet::io::TensorMap junk{{"conv1.weight", torch::zeros({3})}};
  EXPECT_THROW(facet::embed::vgg16_from_tensors(junk, "junk.pth"), facet::Error);
  auto partial = facet::test::det_vgg16_tensors();
  partial.erase("features.28.weight");
  EXPECT_THROW(facet::embed::vgg16_from_tensors(partial, "partial.pth"), facet::Error);
  EXPECT_THROW(facet::embed::Lpips::lin_from_tensors(junk, "junk.pth"), facet::Error);
  auto lin = det_lin();
  lin[2] = torch::zeros({1, 255, 1, 1});
  EXPECT_THROW(facet::embed::Lpips(det_vgg(), lin), facet::Error);
}

TEST(Lpips, LoadsFromTorchSaveFiles) {
  // The file layouts: torchvision's vgg16 state dict (features.* plus classifier.*) and vgg.pth (lin*).
  const auto dir = facet::test::scratch_dir("embed_files");
  std::vector<facet::io::NamedTensor> vgg, lin;
  for (const auto& kv : facet::test::det_vgg16_tensors()) vgg.emplace_back(kv.first, kv.second);
  vgg.emplace_back("classifier.6.bias", torch::zeros({1000}));
  for (const auto& kv : facet::test::det_lpips_lin_tensors()) lin.emplace_back(kv.first, kv.second);
  facet::io::save_state_dict(dir + "/vgg16.pth", vgg);
  facet::io::save_state_dict(dir + "/vgg.pth", lin);
  torch::NoGradGuard no_grad;
  const auto lpips = facet::embed::Lpips::load(dir + "/vgg16.pth", dir + "/vgg.pth");
  const auto x = embed_det("input_x", {2, 3, 64, 64});
  const auto y = embed_det("input_y", {2, 3, 64, 64}).transpose(2, 3);
  EXPECT_LT(facet::test::relative_max_error(lpips.distance(x, y), reference("lpips_i2s.f32", 3).slice(0, 0, 2)), 1e-4);
  EXPECT_THROW(facet::embed::Lpips::load(dir + "/vgg.pth", dir + "/vgg.pth"), facet::Error);   // no VGG in it
  EXPECT_THROW(facet::embed::Lpips::load(dir + "/vgg16.pth", dir + "/vgg16.pth"), facet::Error);  // no lin
  EXPECT_THROW(facet::embed::load_vgg16(dir + "/missing.pth"), facet::Error);
}
