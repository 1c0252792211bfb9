// Latent classifier and transformer parity with InterDigitalInc/latent-transformer (fixtures), and round trips.
#include <torch/torch.h>

#include "core/io/checkpoint.h"
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

// The model's size comes from the file: weights without elements, or layers that do not fit together, are refused
// before a model of the size they claim is built (a weight [2^40, 0] would otherwise ask for terabytes).
TEST(LatentNets, SizesTheFileCannotBackAreRefusedBeforeBuilding) {
  const std::string dir = facet::test::scratch_dir("latent-sizes");
  auto error_of = [](auto load, const std::string& path) -> std::string {
    try {
      load(path);
      return "";
    } catch (const facet::Error& e) {
      return e.what();
    }
  };
  auto transformer = [](const std::string& p) { facet::nn::load_latent_transformer(p); };
  auto classifier = [](const std::string& p) { facet::nn::load_latent_classifier(p); };
  const int64_t huge = int64_t{1} << 40;

  facet::io::save_state_dict(dir + "/empty_tnet.pth", {{"dense.0.weight", torch::zeros({huge, 0})},
                                                       {"dense.0.bias", torch::zeros({0})}});
  EXPECT_NE(error_of(transformer, dir + "/empty_tnet.pth").find("not a square matrix"), std::string::npos);
  facet::io::save_state_dict(dir + "/uneven_tnet.pth",
                             {{"dense.0.weight", torch::zeros({4, 4})}, {"dense.0.bias", torch::zeros({4})},
                              {"dense.1.weight", torch::zeros({8, 8})}, {"dense.1.bias", torch::zeros({8})}});
  EXPECT_NE(error_of(transformer, dir + "/uneven_tnet.pth").find("dense.1.weight"), std::string::npos);

  facet::io::save_state_dict(dir + "/empty_lc.pth", {{"fcs.0.weight", torch::zeros({huge, 0})},
                                                     {"fcs.0.bias", torch::zeros({0})}});
  EXPECT_NE(error_of(classifier, dir + "/empty_lc.pth").find("is not a matrix"), std::string::npos);
  facet::io::save_state_dict(dir + "/chain_lc.pth",
                             {{"fcs.0.weight", torch::zeros({6, 12})}, {"fcs.0.bias", torch::zeros({6})},
                              {"fcs.1.weight", torch::zeros({3, 5})}, {"fcs.1.bias", torch::zeros({3})}});
  EXPECT_NE(error_of(classifier, dir + "/chain_lc.pth").find("takes 5 inputs, the layer before gives 6"),
            std::string::npos);
}
