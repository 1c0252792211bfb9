// Training works: on latents with planted structure, C learns the labels and T_k flips attribute k while the
// other attributes mostly stay.
#include <torch/torch.h>

#include "core/edit/training.h"
#include "core/io/error.h"
#include "tests/core/edit/planted_data.h"
#include "tests/support/test_support.h"

using namespace facet::edit;

using facet::test::planted;

TEST(Training, FlipCoefficientAndCorrelationMaskFollowTheAuthors) {
  auto c = flip_coefficient(torch::tensor({0.9f, 0.2f, 0.5f}));
  EXPECT_NEAR(c[0].item<float>(), -0.9f, 1e-6);
  EXPECT_NEAR(c[1].item<float>(), 0.8f, 1e-6);
  EXPECT_EQ(c[2].item<float>(), 0.f);
  auto labels = torch::tensor({{1.f, 1.f, 0.f}, {0.f, 0.f, 1.f}, {1.f, 1.f, 1.f}, {0.f, 0.f, 0.f}});
  auto m = correlation_mask(labels, 0);
  EXPECT_EQ(m[0].item<float>(), 0.f);   // itself
  EXPECT_EQ(m[1].item<float>(), 0.f);   // perfectly correlated with attribute 0
  EXPECT_NEAR(m[2].item<float>(), 1.f, 1e-6);  // uncorrelated
}

TEST(Training, ClassifierAndTransformerLearnPlantedStructure) {
  auto data = planted(768, 4, 8, 7);
  facet::nn::LatentClassifier c(std::vector<int64_t>{32, 64, 32, 40});
  ClassifierTrainOptions co;
  co.epochs = 25;
  auto report = train_classifier(c, data.latents, data.labels, co);
  EXPECT_GT(report.mean_accuracy, 0.75) << "the classifier did not learn the planted labels";

  const int64_t k = 31;
  facet::nn::LatentTransformer t(4, 8);
  TransformerTrainOptions to;
  to.epochs = 30;
  to.step_size = 20;
  auto tr = train_transformer(t, c, data.latents, data.labels, k, to);
  EXPECT_GT(tr.steps, 300);

  torch::NoGradGuard no_grad;
  auto p0 = torch::sigmoid(c->forward(data.latents));
  // α = 2 × the flip coefficient: the top of the paper's evaluation range (scales 0…2).
  auto coeff = 2 * flip_coefficient(p0.select(1, k));
  auto p1 = torch::sigmoid(c->forward(t->forward(data.latents, coeff)));
  const double flipped = p0.select(1, k).gt(0.5).ne(p1.select(1, k).gt(0.5)).to(torch::kFloat64).mean().item<double>();
  auto others = torch::ones({40}, torch::kBool);
  others[k] = false;
  auto mask = correlation_mask(data.labels, k).gt(0.9);  // attributes not correlated with k
  auto keep = others & mask;
  const double kept = p0.gt(0.5).eq(p1.gt(0.5)).index({torch::indexing::Slice(), keep}).to(torch::kFloat64).mean().item<double>();
  std::cout << "classifier accuracy " << report.mean_accuracy << ", flipped " << flipped << ", kept " << kept << "\n";
  EXPECT_GT(flipped, 0.8) << "target attribute flipped for " << flipped;
  EXPECT_GT(kept, 0.8) << "other attributes kept for " << kept;
}

TEST(Training, CancellationStopsAndBadDataIsRefused) {
  auto data = planted(64, 2, 4, 1);
  facet::nn::LatentClassifier c(std::vector<int64_t>{8, 16, 40});
  std::atomic<bool> cancel{true};
  ClassifierTrainOptions co;
  co.cancel = &cancel;
  EXPECT_TRUE(train_classifier(c, data.latents, data.labels, co).cancelled);
  facet::nn::LatentTransformer t(2, 4);
  EXPECT_THROW(train_transformer(t, c, data.latents, data.labels.slice(0, 0, 10), 3, {}), facet::Error);
  EXPECT_THROW(train_transformer(t, c, data.latents, data.labels, 40, {}), facet::Error);
}
