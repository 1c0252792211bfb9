// Parity of the pSp / e4e encoders and ArcFace IR-SE50 with their reference code, full size, on weights made by
// a formula of (name, shape) that tests/data/enc/make_fixtures.py shares; the fixtures hold reference outputs.
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/encoders/arcface.h"
#include "core/nn/encoders/psp_encoder.h"
#include "tests/support/test_support.h"

namespace {

bool ends_with(const std::string& s, const std::string& t) {
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

torch::Tensor det(const std::string& name, std::vector<int64_t> shape) {
  int64_t n = 1;
  for (auto s : shape) n *= s;
  int sum = 0;
  for (unsigned char c : name) sum += c;
  const double phase = (sum % 101) * 0.1;
  auto base = torch::sin(torch::arange(n, torch::kDouble) * 0.7 + phase).reshape(shape);
  torch::Tensor v;
  if (ends_with(name, "running_var")) v = 1 + 0.25 * (base + 1);
  else if (ends_with(name, "running_mean") || ends_with(name, "bias") || name == "latent_avg") v = 0.05 * base;
  else if (shape.size() == 1) v = 0.75 + 0.25 * base;
  else if (name.rfind("styles.", 0) == 0 && ends_with(name, "linear.weight")) v = base;
  else v = base * std::sqrt(1.5 / static_cast<double>(n / shape[0]));
  return v.to(torch::kFloat);
}

facet::io::TensorMap det_weights(torch::nn::Module& module) {
  facet::io::TensorMap map;
  for (const auto& p : module.named_parameters()) map[p.key()] = det(p.key(), p.value().sizes().vec());
  for (const auto& b : module.named_buffers())
    if (!ends_with(b.key(), "num_batches_tracked")) map[b.key()] = det(b.key(), b.value().sizes().vec());
  return map;
}

torch::Tensor reference(const std::string& file, std::vector<int64_t> shape) {
  const auto path = facet::test::source_dir() + "/tests/data/enc/" + file;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  auto t = torch::empty(shape, torch::kFloat);
  in.read(reinterpret_cast<char*>(t.data_ptr<float>()), static_cast<std::streamsize>(t.numel() * sizeof(float)));
  EXPECT_TRUE(in.good()) << path << " is shorter than expected";
  return t;
}

void check_encoder(facet::nn::EncoderKind kind, const std::string& file) {
  facet::nn::GradualStyleEncoder shape_only(8, kind);
  const auto weights = det_weights(*shape_only);
  facet::nn::PspEncoder::Options options;
  options.kind = kind;
  const auto encoder =
      facet::nn::PspEncoder::from_tensors(weights, det("latent_avg", {512}), options, "det weights");
  EXPECT_EQ(encoder.n_styles(), 8);
  const auto w = encoder.encode(0.9 * det("input", {2, 3, 64, 64}));
  const auto ref = reference(file, {2, 8, 512});
  EXPECT_LT(facet::test::relative_max_error(w, ref), 1e-4);
}

}  // namespace

TEST(Encoders, PspMatchesReference) { check_encoder(facet::nn::EncoderKind::Psp, "psp_out.f32"); }
TEST(Encoders, E4eMatchesReference) { check_encoder(facet::nn::EncoderKind::E4e, "e4e_out.f32"); }

TEST(Encoders, ArcFaceMatchesReference) {
  facet::nn::ArcFaceNet shape_only;
  const auto face = facet::nn::ArcFace::from_tensors(det_weights(*shape_only), "det weights");
  const auto f112 = face.features112(0.9 * det("input", {2, 3, 112, 112}));
  EXPECT_LT(facet::test::relative_max_error(f112, reference("arcface112_out.f32", {2, 512})), 1e-4);
  EXPECT_NEAR(f112.norm(2, 1).max().item<double>(), 1.0, 1e-5);
  const auto f256 = face.features(0.9 * det("input", {1, 3, 256, 256}));
  EXPECT_LT(facet::test::relative_max_error(f256, reference("arcface256_out.f32", {1, 512})), 1e-4);
}

TEST(Encoders, WrongFileIsReported) {
  facet::io::TensorMap junk{{"conv1.weight", torch::zeros({3})}};
  EXPECT_THROW(facet::nn::PspEncoder::from_tensors(junk, {}, {}, "junk.pt"), facet::Error);
  EXPECT_THROW(facet::nn::ArcFace::from_tensors(junk, "junk.pt"), facet::Error);
}
