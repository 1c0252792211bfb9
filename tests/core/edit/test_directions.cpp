// Linear directions (the InterFaceGAN-style baseline and fallback), the editor's fallback to them, and the paper's
// evaluation protocol, on latents with planted structure.
#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "core/edit/edit_stack.h"
#include "core/edit/evaluation.h"
#include "core/edit/linear_directions.h"
#include "core/edit/training.h"
#include "core/io/error.h"
#include "tests/core/edit/planted_data.h"
#include "tests/support/test_support.h"

using namespace facet::edit;
using facet::test::planted;

namespace {
// Moves every code against its current true label by |α|·s along the normal; the share whose true label flips.
double flipped_share(const facet::test::Planted& data, const torch::Tensor& w, int k, const LinearDirection& d,
                     double magnitude) {
  torch::Tensor before = data.label(w).select(1, k);
  torch::Tensor sign = 1 - 2 * before;  // present → −1, absent → +1
  torch::Tensor after = data.label(apply_direction(w, d, sign * magnitude)).select(1, k);
  return after.ne(before).to(torch::kFloat64).mean().item<double>();
}
}  // namespace

TEST(LinearDirections, FittedHyperplanesSeparateAndFlipThePlantedAttributes) {
  auto data = planted(1500, 4, 8, 11);
  DirectionFitOptions o;
  o.layers = parse_layers("all", 4);
  DirectionFitReport report;
  DirectionSet set = fit_directions(data.latents, data.labels, o, &report);
  ASSERT_EQ(set.directions.size(), 40u);
  EXPECT_TRUE(report.skipped.empty());
  EXPECT_EQ(report.validation_count, 150);
  double mean_acc = 0;
  for (const auto& [k, acc] : report.validation_accuracy) mean_acc += acc / 40;
  std::cout << "hyperplane mean validation accuracy " << mean_acc << "\n";
  EXPECT_GT(mean_acc, 0.8) << "the planted labels are mostly linear; the hyperplanes should separate them";

  // The normal points along the planted linear part v_k (its cosine with v_k is high) and has unit length.
  const int k = 31;
  const LinearDirection& d = set.directions.at(k);
  EXPECT_NEAR(d.normal.norm().item<double>(), 1.0, 1e-5);
  const double cosine = torch::cosine_similarity(d.normal.reshape({1, -1}), data.v.select(1, k).reshape({1, -1}))
                            .item<double>();
  EXPECT_GT(cosine, 0.8);
  // The sign convention: n·w + b > 0 where the attribute is present.
  torch::Tensor agree = direction_score(data.latents, d).gt(0).to(torch::kFloat32).eq(data.labels.select(1, k));
  EXPECT_GT(agree.to(torch::kFloat64).mean().item<double>(), 0.8);

  // Edits along the normal flip the true (planted) attribute for most codes at the top of the paper's range.
  const double flipped = flipped_share(data, data.latents, k, d, 2.0);
  std::cout << "linear edit |α| = 2 flips the true attribute for " << flipped << "\n";
  EXPECT_GT(flipped, 0.8);
  EXPECT_LT(flipped_share(data, data.latents, k, d, 0.05), flipped);  // small steps flip fewer
}

// The score is n·w + offset, the signed distance the fit's hyperplane gives (positive: attribute present).
TEST(LinearDirections, TheScoreIsTheSignedDistanceToTheHyperplane) {
  LinearDirection d;
  d.normal = torch::zeros({2, 3});
  d.normal[1][2] = 1.f;
  d.offset = 0.75;
  torch::Tensor w = torch::zeros({2, 2, 3});
  w[0][1][2] = 0.5f;   // n·w = 0.5
  w[1][1][2] = -2.f;   // n·w = −2
  const auto score = direction_score(w, d);
  EXPECT_NEAR(score[0].item<double>(), 1.25, 1e-6);
  EXPECT_NEAR(score[1].item<double>(), -1.25, 1e-6);
}

TEST(LinearDirections, FitOnEditedLayersOnlyAndRefusesBadData) {
  auto data = planted(400, 4, 8, 3);
  DirectionFitOptions o;
  o.layers = parse_layers("0-1", 4);
  o.attributes = {5, 20};
  DirectionSet set = fit_directions(data.latents, data.labels, o);
  ASSERT_EQ(set.directions.size(), 2u);
  EXPECT_EQ(set.directions.at(5).normal.slice(0, 2).abs().max().item<float>(), 0.f);  // layers 2, 3 untouched
  EXPECT_GT(set.directions.at(5).normal.slice(0, 0, 2).abs().max().item<float>(), 0.f);
  // A column with one class only is skipped, not fitted on nonsense.
  torch::Tensor labels = data.labels.clone();
  labels.select(1, 7).fill_(1);
  o.attributes = {7, 8};
  DirectionFitReport report;
  set = fit_directions(data.latents, labels, o, &report);
  EXPECT_EQ(report.skipped, std::vector<int>{7});
  EXPECT_EQ(set.directions.count(7), 0u);
  EXPECT_THROW(fit_directions(data.latents, data.labels.slice(0, 0, 10), o), facet::Error);
  EXPECT_THROW(fit_directions(torch::full({8, 4, 8}, NAN), data.labels.slice(0, 0, 8), o), facet::Error);
  o.attributes = {40};
  EXPECT_THROW(fit_directions(data.latents, data.labels, o), facet::Error);
}

TEST(LinearDirections, FileRoundTripsAndOtherFilesAreRefused) {
  auto data = planted(300, 3, 4, 5);
  DirectionFitOptions o;
  o.attributes = {0, 15, 39};
  DirectionSet set = fit_directions(data.latents, data.labels, o);
  const std::string dir = facet::test::scratch_dir("directions");
  const std::string path = dir + "/d.pth";
  save_directions(path, set);
  DirectionSet back = load_directions(path);
  EXPECT_EQ(back.n_latent, 3);
  EXPECT_EQ(back.dim, 4);
  EXPECT_EQ(back.layers, set.layers);
  ASSERT_EQ(back.directions.size(), 3u);
  for (const auto& [k, d] : set.directions) {
    const auto& b = back.directions.at(k);
    EXPECT_TRUE(torch::equal(b.normal, d.normal)) << k;
    EXPECT_NEAR(b.offset, d.offset, 1e-6 * (1 + std::abs(d.offset)));
    EXPECT_NEAR(b.scale, d.scale, 1e-6 * d.scale);
    EXPECT_NEAR(b.validation_accuracy, d.validation_accuracy, 1e-6);
  }
  facet::nn::LatentClassifier c(std::vector<int64_t>{12, 40});
  facet::nn::save_latent_classifier(dir + "/c.pth", c);
  EXPECT_THROW(load_directions(dir + "/c.pth"), facet::Error);
  std::ofstream(dir + "/junk.pth") << "not a checkpoint";
  EXPECT_THROW(load_directions(dir + "/junk.pth"), facet::Error);
}

TEST(EditStack, FallsBackToADirectionOnlyWithoutATransformer) {
  torch::manual_seed(2);
  facet::nn::LatentTransformer t(14, 8);
  LinearDirection d;
  d.normal = torch::randn({14, 8});
  d.normal /= d.normal.norm();
  d.scale = 0.7;
  Editor editor;
  editor.set_direction(31, d);
  editor.set_direction(20, d);
  editor.set_transformer(31, t);
  EXPECT_EQ(editor.method_for(31), EditMethod::Transformer);
  EXPECT_EQ(editor.method_for(20), EditMethod::Linear);
  EXPECT_EQ(editor.method_for(15), EditMethod::None);
  EXPECT_STREQ(method_name(editor.method_for(20)), "linear");
  auto w = torch::randn({2, 14, 8});
  torch::NoGradGuard no_grad;
  EditState state;
  state.edits = {{31, 1.5}};
  auto by_transformer = editor.apply(w, state);
  EXPECT_TRUE(torch::allclose(by_transformer.slice(1, 0, 11), t->forward(w, torch::full({2}, 1.5)).slice(1, 0, 11),
                              1e-5, 1e-6));
  state.edits = {{20, 1.5}};
  auto by_direction = editor.apply(w, state);
  auto expected = w + 1.5 * 0.7 * d.normal.unsqueeze(0);
  EXPECT_TRUE(torch::allclose(by_direction.slice(1, 0, 11), expected.slice(1, 0, 11), 1e-5, 1e-6));
  EXPECT_TRUE(torch::equal(by_direction.slice(1, 11), w.slice(1, 11)));  // mask as for transformers
  EXPECT_TRUE(torch::equal(editor.apply(w, state), by_direction));       // a pure function of (W+, state)
  state.edits = {{15, 1.0}};
  EXPECT_THROW(editor.apply(w, state), facet::Error);
  LinearDirection wrong = d;
  wrong.normal = torch::zeros({3, 8});
  editor.set_direction(15, wrong);
  EXPECT_THROW(editor.apply(w, state), facet::Error);
}

TEST(Evaluation, AgreesWithADirectComputationAndShowsTheTradeOff) {
  auto data = planted(768, 4, 8, 7);
  torch::manual_seed(1);
  facet::nn::LatentClassifier c(std::vector<int64_t>{32, 64, 32, 40});
  ClassifierTrainOptions co;
  co.epochs = 25;
  train_classifier(c, data.latents, data.labels, co);
  DirectionFitOptions fo;
  fo.layers = parse_layers("all", 4);
  DirectionSet set = fit_directions(data.latents, data.labels, fo);
  const int k = 31;
  const LinearDirection& d = set.directions.at(k);
  EditFn linear = [&](const torch::Tensor& w, const torch::Tensor& a) { return apply_direction(w, d, a); };
  EvaluationOptions eo;
  eo.edited_layers = parse_layers("0-2", 4);  // layer 3 kept from the input, as layers 11+ are for 18-layer codes
  eo.batch = 100;                             // several batches
  EvaluationCurve curve = evaluate_edit(c, data.latents, k, linear, eo);
  ASSERT_EQ(curve.alpha.size(), 11u);
  EXPECT_DOUBLE_EQ(curve.alpha[10], 2.0);
  EXPECT_DOUBLE_EQ(curve.target_change_rate[0], 0.0);
  EXPECT_DOUBLE_EQ(curve.preservation_rate[0], 1.0);

  // The same numbers by hand at step 7 (|α| = 1.4).
  torch::NoGradGuard no_grad;
  auto pred0 = c->forward(data.latents).gt(0);
  auto sign = pred0.select(1, k).to(torch::kFloat32) * -2 + 1;
  auto edited = apply_direction(data.latents, d, sign * 1.4);
  auto w1 = torch::cat({edited.slice(1, 0, 3), data.latents.slice(1, 3)}, 1);
  auto pred1 = c->forward(w1).gt(0);
  const double change = pred1.select(1, k).ne(pred0.select(1, k)).to(torch::kFloat64).mean().item<double>();
  auto same = pred1.eq(pred0).to(torch::kFloat64);
  const double kept = (same.sum().item<double>() - same.select(1, k).sum().item<double>()) / (768.0 * 39);
  EXPECT_NEAR(curve.target_change_rate[7], change, 1e-12);
  EXPECT_NEAR(curve.preservation_rate[7], kept, 1e-12);

  std::cout << "linear: change";
  for (double r : curve.target_change_rate) std::cout << " " << r;
  std::cout << "\n        preservation";
  for (double r : curve.preservation_rate) std::cout << " " << r;
  std::cout << "\n";
  EXPECT_GT(curve.target_change_rate[10], 0.6);
  EXPECT_GT(curve.target_change_rate[10], curve.target_change_rate[2]);
  EXPECT_LT(curve.preservation_rate[10], 1.0);  // moving codes costs some other attributes
  EXPECT_GT(curve.preservation_rate[10], 0.5);
  EXPECT_THROW(evaluate_edit(c, data.latents, 40, linear, eo), facet::Error);
}

// Shards of whole batches, counted apart (identity faces only where they hold the first codes) and joined, give the
// one-process curve bit for bit: integer counts, identity sums added batch by batch in the same order.
TEST(Evaluation, SlicesOfWholeBatchesJoinIntoTheSameCurve) {
  auto data = planted(300, 4, 8, 7);
  torch::manual_seed(2);
  facet::nn::LatentClassifier c(std::vector<int64_t>{32, 64, 32, 40});
  const torch::Tensor v = torch::randn({1, 4, 8});
  EditFn shift = [&](const torch::Tensor& w, const torch::Tensor& a) { return w + a.view({-1, 1, 1}) * v; };
  EvaluationOptions eo;
  eo.batch = 64;
  eo.identity_samples = 150;  // three batches render faces
  eo.identity = [](const torch::Tensor& w) {
    return torch::nn::functional::normalize(torch::tanh(w.flatten(1)),
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
  };
  const EvaluationCurve whole = evaluate_edit(c, data.latents, 31, shift, eo);
  std::vector<EvaluationCounts> parts;
  for (auto [first, end] : {std::pair<int64_t, int64_t>{0, 128}, {128, 256}, {256, 300}}) {
    EvaluationOptions o = eo;
    o.offset = first;
    parts.push_back(count_edit(c, data.latents.slice(0, first, end), 31, shift, o));
  }
  EXPECT_EQ(parts[0].identity.size(), 2u);
  EXPECT_EQ(parts[1].identity_samples, 22);
  EXPECT_TRUE(parts[2].identity.empty());
  const EvaluationCurve joined = curve_from_counts(join_counts(parts), eo);
  EXPECT_EQ(joined.samples, 300);
  EXPECT_EQ(joined.identity_samples, 150);
  EXPECT_EQ(joined.target_change_rate, whole.target_change_rate);
  EXPECT_EQ(joined.preservation_rate, whole.preservation_rate);
  EXPECT_EQ(joined.identity, whole.identity);
  EXPECT_GT(whole.target_change_rate[10], 0.0);
  EXPECT_LT(whole.identity[10], whole.identity[0]);
}
