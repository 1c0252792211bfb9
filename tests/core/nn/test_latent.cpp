// Latent classifier and transformer parity with InterDigitalInc/latent-transformer (fixtures), and round trips.
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/latent/latent_classifier.h"
#include "core/nn/latent/latent_transformer.h"
#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::relative_max_error;

TEST(LatentClassifier, MatchesReferenceLogits) {
  FACET_REQUIRE_FIXTURES();
  auto c = facet::nn::load_latent_classifier(fixture("latent_transformer/latent_classifier.pth"));
  EXPECT_EQ(c->fmaps, (std::vector<int64_t>{1280, 64, 32, 40}));
  torch::NoGradGuard no_grad;
  auto logits = c->forward(facet::io::read_npy(fixture("stylegan2/wplus.npy")));
  EXPECT_LT(relative_max_error(logits, facet::io::read_npy(fixture("latent_transformer/classifier_logits.npy"))), 1e-5);
}

TEST(LatentTransformer, MatchesReferenceOutput) {
  FACET_REQUIRE_FIXTURES();
  auto t = facet::nn::load_latent_transformer(fixture("latent_transformer/tnet_15.pth.tar"));
  EXPECT_EQ(t->layers, 10);
  EXPECT_EQ(t->dim, 128);
  torch::NoGradGuard no_grad;
  auto out = t->forward(facet::io::read_npy(fixture("stylegan2/wplus.npy")),
                        facet::io::read_npy(fixture("latent_transformer/alpha.npy")));
  EXPECT_LT(relative_max_error(out, facet::io::read_npy(fixture("latent_transformer/tnet_out.npy"))), 1e-5);
}

TEST(LatentTransformer, SaveLoadRoundTripAndAlphaZeroIsIdentity) {
  facet::nn::LatentTransformer t(4, 16);
  const std::string path = facet::test::scratch_dir("tnet") + "/tnet_31.pth.tar";
  facet::nn::save_latent_transformer(path, t);
  auto back = facet::nn::load_latent_transformer(path);
  torch::NoGradGuard no_grad;
  auto w = torch::randn({3, 4, 16});
  EXPECT_TRUE(torch::allclose(back->forward(w, torch::tensor({0.5f, -1.f, 2.f})),
                              t->forward(w, torch::tensor({0.5f, -1.f, 2.f}))));
  EXPECT_TRUE(torch::equal(back->forward(w, torch::zeros({3})), w));
}

TEST(LatentNets, WrongFilesAndShapesAreExplained) {
  FACET_REQUIRE_FIXTURES();
  EXPECT_THROW(facet::nn::load_latent_classifier(fixture("latent_transformer/tnet_15.pth.tar")), facet::Error);
  EXPECT_THROW(facet::nn::load_latent_transformer(fixture("latent_transformer/latent_classifier.pth")), facet::Error);
  auto c = facet::nn::load_latent_classifier(fixture("latent_transformer/latent_classifier.pth"));
  EXPECT_THROW(c->forward(torch::zeros({1, 18, 512})), facet::Error);
}
