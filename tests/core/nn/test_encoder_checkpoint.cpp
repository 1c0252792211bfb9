// The random-weight pSp / e4e checkpoint maker (tests/support/encoder_checkpoint.h) and what it relies on: an
// encoder whose code width is not 512 (the reference's GradualStyleBlock out_c) loads with the width read from
// the file, encodes to [N, n_styles, style_dim], and adds the file's latent_avg.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/encoders/psp_encoder.h"
#include "tests/support/encoder_checkpoint.h"
#include "tests/support/test_support.h"

namespace {

using facet::nn::EncoderKind;
using facet::nn::PspEncoder;

torch::Tensor face(int64_t side) {
  torch::manual_seed(3);
  return torch::rand({1, 3, side, side}) * 2 - 1;
}

TEST(EncoderCheckpoint, PspSizedForTheFixtureGeneratorLoadsAndEncodes) {
  const std::string path = facet::test::scratch_dir("encoder_ckpt") + "/psp_small.pt";
  facet::test::EncoderCheckpointSpec spec;
  spec.latent_avg = torch::linspace(-1, 1, 128);
  facet::test::write_encoder_checkpoint(path, spec);

  // The layout of psp_ffhq_encode.pt: state_dict.encoder.*, latent_avg, opts.
  const auto ckpt = facet::io::load_checkpoint(path);
  ASSERT_TRUE(ckpt.find("opts.encoder_type"));
  EXPECT_EQ(ckpt.find("opts.encoder_type")->as_string(), "GradualStyleEncoder");
  EXPECT_EQ(ckpt.find("opts.output_size")->as_int(), 64);
  EXPECT_EQ(ckpt.tensors_with_prefix("state_dict.encoder.").at("styles.9.linear.weight").sizes(),
            (std::vector<int64_t>{128, 128}));
  EXPECT_EQ(ckpt.tensors_with_prefix("state_dict.encoder.").at("styles.0.convs.0.weight").sizes(),
            (std::vector<int64_t>{128, 512, 3, 3}));

  const PspEncoder encoder = PspEncoder::load(path);
  EXPECT_EQ(encoder.kind(), EncoderKind::Psp);
  EXPECT_EQ(encoder.n_styles(), 10);
  EXPECT_EQ(encoder.style_dim(), 128);
  const torch::Tensor w = encoder.encode(face(256));
  ASSERT_EQ(w.sizes(), (std::vector<int64_t>{1, 10, 128}));
  EXPECT_TRUE(torch::isfinite(w).all().item<bool>());
  // Random weights: the codes differ per layer and from latent_avg, but stay near it (style_scale 0.5).
  const torch::Tensor offset = w[0] - spec.latent_avg;
  EXPECT_GT(offset.abs().max().item<double>(), 1e-3);
  EXPECT_LT(offset.abs().max().item<double>(), 50.0);
  EXPECT_GT((w[0][0] - w[0][9]).abs().max().item<double>(), 1e-4);
  // Another photo, another code.
  torch::manual_seed(4);
  EXPECT_GT((encoder.encode(torch::rand({1, 3, 256, 256}) * 2 - 1) - w).abs().max().item<double>(), 1e-5);
}

TEST(EncoderCheckpoint, E4eWithZeroStyleScaleGivesLatentAvgEverywhere) {
  const std::string path = facet::test::scratch_dir("encoder_ckpt_e4e") + "/e4e_small.pt";
  facet::test::EncoderCheckpointSpec spec;
  spec.kind = EncoderKind::E4e;
  spec.n_styles = 6;
  spec.style_dim = 64;
  spec.style_scale = 0;
  spec.latent_avg = torch::arange(64, torch::kFloat32) / 10;
  facet::test::write_encoder_checkpoint(path, spec);
  const PspEncoder encoder = PspEncoder::load(path);
  EXPECT_EQ(encoder.kind(), EncoderKind::E4e);
  EXPECT_EQ(encoder.n_styles(), 6);
  EXPECT_EQ(encoder.style_dim(), 64);
  const torch::Tensor w = encoder.encode(face(128));
  ASSERT_EQ(w.sizes(), (std::vector<int64_t>{1, 6, 64}));
  EXPECT_TRUE(torch::allclose(w[0], spec.latent_avg.expand({6, 64}), 1e-6, 1e-6));
}

TEST(EncoderCheckpoint, LatentAvgOfTheWrongWidthIsAClearError) {
  const std::string dir = facet::test::scratch_dir("encoder_ckpt_bad");
  const std::string path = dir + "/bad.pt";
  // Write a good one, then rebuild it with a 512-wide latent_avg for 64-wide codes.
  facet::test::EncoderCheckpointSpec spec;
  spec.n_styles = 4;
  spec.style_dim = 64;
  facet::test::write_encoder_checkpoint(path, spec);
  const auto tensors = facet::io::load_checkpoint(path).tensors_with_prefix("state_dict.encoder.");
  try {
    PspEncoder::from_tensors(tensors, torch::zeros({512}), {}, "bad.pt");
    FAIL() << "expected facet::Error";
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("expected [64] or [4,64]"), std::string::npos) << e.what();
  }
}

}  // namespace
