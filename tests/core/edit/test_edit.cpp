#include <cmath>

#include <torch/torch.h>

#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/edit/two_faces.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "tests/support/test_support.h"

using namespace facet::edit;

TEST(Attributes, CatalogueIsTheAuthorsOrder) {
  const auto& all = celeba_attributes();
  ASSERT_EQ(all.size(), 40u);
  EXPECT_EQ(all[15].id, "Eyeglasses");
  EXPECT_EQ(all[20].id, "Male");
  EXPECT_EQ(all[31].id, "Smiling");
  EXPECT_EQ(all[39].id, "Young");
  EXPECT_EQ(find_attribute("smiling")->index, 31);
  EXPECT_EQ(find_attribute("5 o clock shadow")->index, 0);
  EXPECT_EQ(find_attribute("Grey hair")->index, 17);  // display name
  EXPECT_EQ(find_attribute("15")->id, "Eyeglasses");
  EXPECT_FALSE(find_attribute("40").has_value());
  EXPECT_FALSE(find_attribute("Tail").has_value());
  EXPECT_THROW(require_attribute("Smilling"), facet::Error);
}

TEST(EditStack, LayerMasks) {
  auto d = default_layers(18);
  EXPECT_TRUE(d[10]);
  EXPECT_FALSE(d[11]);
  auto m = parse_layers("0,2-3", 5);
  EXPECT_EQ(m, (std::vector<bool>{true, false, true, true, false}));
  EXPECT_EQ(parse_layers("all", 3), (std::vector<bool>{true, true, true}));
  EXPECT_THROW(parse_layers("0-20", 18), facet::Error);
  EXPECT_THROW(parse_layers("x", 18), facet::Error);
  // The boundary: the last layer is 17 of 18, and 18 is the first one past the end (one past would write outside).
  EXPECT_TRUE(parse_layers("17", 18)[17]);
  EXPECT_THROW(parse_layers("17-18", 18), facet::Error);
  EXPECT_THROW(parse_layers("18", 18), facet::Error);
}

TEST(EditStack, AppliesTransformersInOrderKeepsMaskedLayersAndClamps) {
  torch::manual_seed(1);
  facet::nn::LatentTransformer a(14, 8), b(14, 8);
  Editor editor;
  editor.set_transformer(31, a);
  editor.set_transformer(15, b);
  auto w = torch::randn({2, 14, 8});
  EditState state;
  state.edits = {{31, 1.5}, {15, -9.0}};  // -9 clamps to -3
  torch::NoGradGuard no_grad;
  auto out = editor.apply(w, state);
  auto expected = b->forward(a->forward(w, torch::full({2}, 1.5)), torch::full({2}, -3.0));
  EXPECT_TRUE(torch::allclose(out.slice(1, 0, 11), expected.slice(1, 0, 11), 1e-5, 1e-6));
  EXPECT_TRUE(torch::equal(out.slice(1, 11), w.slice(1, 11)));  // layers 11+ from the input
  state.edited_layers = parse_layers("all", 14);
  EXPECT_TRUE(torch::allclose(editor.apply(w, state), expected, 1e-5, 1e-6));
  state.edits = {{20, 1.0}};
  EXPECT_THROW(editor.apply(w, state), facet::Error);  // no transformer for Male
  EXPECT_THROW(editor.apply(torch::full({1, 14, 8}, NAN), EditState{}), facet::Error);
}

TEST(EditStack, LoadsAFolderOfAuthorsFiles) {
  FACET_REQUIRE_FIXTURES();
  Editor editor;
  EXPECT_EQ(editor.load_folder(facet::test::fixture("latent_transformer")), 1);
  EXPECT_TRUE(editor.has_transformer(15));
  EditState state;
  state.edits = {{15, 0.75}};
  state.edited_layers = parse_layers("all", 10);
  torch::NoGradGuard no_grad;
  auto w = facet::io::read_npy(facet::test::fixture("stylegan2/wplus.npy")).slice(0, 0, 1);
  auto out = editor.apply(w, state);
  auto ref = facet::io::read_npy(facet::test::fixture("latent_transformer/tnet_out.npy")).slice(0, 0, 1);
  EXPECT_LT(facet::test::relative_max_error(out, ref), 1e-5);  // sample 0 of the fixture used α = 0.75
}

TEST(Image2StyleGanOps, MorphMixTransfer) {
  auto a = torch::zeros({1, 4, 2}), b = torch::ones({1, 4, 2});
  EXPECT_TRUE(torch::allclose(morph(a, b, 0.25), torch::full({1, 4, 2}, 0.75)));
  auto mixed = style_mix(a, b, 1, 3);
  EXPECT_EQ(mixed.sum().item<float>(), 4.f);
  EXPECT_EQ(mixed[0][0][0].item<float>(), 0.f);
  EXPECT_THROW(style_mix(a, b, 3, 1), facet::Error);
  EXPECT_TRUE(torch::allclose(expression_transfer(a, b, b * 3, 0.5), torch::ones({1, 4, 2})));
}

TEST(TwoFaces, MorphEndsAreTheTwoCodesExactly) {
  torch::manual_seed(4);
  const auto a = torch::randn({1, 6, 8}), b = torch::randn({1, 6, 8});
  EXPECT_TRUE(torch::equal(morph(a, b, 1.0), a));
  EXPECT_TRUE(torch::equal(morph(a, b, 0.0), b));
  EXPECT_TRUE(torch::allclose(morph(a, b, 0.25), 0.25 * a + 0.75 * b));
}

TEST(TwoFaces, MixingSwapsExactlyTheChosenLayers) {
  torch::manual_seed(5);
  const auto target = torch::randn({1, 6, 8}), source = torch::randn({1, 6, 8});
  const std::vector<bool> layers{true, false, false, true, false, true};
  const auto mixed = style_mix(target, source, layers);
  for (int64_t l = 0; l < 6; ++l)
    EXPECT_TRUE(torch::equal(mixed.select(1, l), (layers[size_t(l)] ? source : target).select(1, l))) << l;
  // Half strength moves the chosen layers half-way and leaves the others bit-identical.
  const auto half = style_mix(target, source, layers, 0.5);
  EXPECT_TRUE(torch::allclose(half.select(1, 3), 0.5 * (target.select(1, 3) + source.select(1, 3)), 1e-6, 1e-6));
  EXPECT_TRUE(torch::equal(half.select(1, 1), target.select(1, 1)));
  EXPECT_THROW(style_mix(target, source, std::vector<bool>(5, true)), facet::Error);
  EXPECT_THROW(style_mix(target, torch::randn({1, 5, 8}), layers), facet::Error);
}

// The presets' ranges (the StyleGAN mixing literature's coarse 0–3, middle 4–7, fine 8 onwards), exactly.
TEST(TwoFaces, MixPresetsNameExactlyTheirLayers) {
  const auto layers = [](int64_t first, int64_t end, int64_t n) {
    std::vector<bool> m(static_cast<size_t>(n), false);
    for (int64_t l = first; l < end; ++l) m[static_cast<size_t>(l)] = true;
    return m;
  };
  EXPECT_EQ(mix_layer_preset("coarse", 18), layers(0, 4, 18));
  EXPECT_EQ(mix_layer_preset("middle", 18), layers(4, 8, 18));
  EXPECT_EQ(mix_layer_preset("fine", 18), layers(8, 18, 18));
}

TEST(TwoFaces, ExpressionTransferFromAFaceToItselfChangesNothing) {
  torch::manual_seed(6);
  const auto a = torch::randn({1, 6, 8}), b = torch::randn({1, 6, 8}), c = torch::randn({1, 6, 8});
  EXPECT_TRUE(torch::equal(expression_transfer(a, b, b, 1.0), a));
  EXPECT_TRUE(torch::allclose(expression_transfer(a, b, c, 0.5), a + 0.5 * (c - b)));
}

TEST(TwoFaces, SlerpStaysOnTheSphereAndEndsAtBothLatents) {
  torch::manual_seed(7);
  const auto a = torch::randn({1, 512}), b = torch::randn({1, 512});
  EXPECT_TRUE(torch::allclose(slerp(a, b, 0.0), a, 1e-5, 1e-5));
  EXPECT_TRUE(torch::allclose(slerp(a, b, 1.0), b, 1e-5, 1e-5));
  // Halfway between two vectors of equal norm the arc keeps the norm; the straight line shortens it.
  const auto bn = b / b.norm() * a.norm();
  EXPECT_NEAR(slerp(a, bn, 0.5).norm().item<double>(), a.norm().item<double>(), 1e-3);
  EXPECT_LT(morph(a, bn, 0.5).norm().item<double>(), 0.8 * a.norm().item<double>());
  EXPECT_TRUE(torch::allclose(slerp(a, a, 0.3), a, 1e-5, 1e-5));  // parallel: no division by zero
}

TEST(TwoFaces, SlerpFollowsTheArcNotTheChord) {
  // Closed form on a quarter circle with unequal radii: a = 2·e₀, b = e₁, ω = 90°, so at t the arc gives
  // sin((1 − t)·ω)·a + sin(t·ω)·b = (2·cos(t·90°), sin(t·90°)). The chord (linear interpolation) gives
  // (2·(1 − t), t): at t = 1/3 that is (1.333, 0.333) against the arc's (1.732, 0.5).
  const auto a = torch::tensor({{2.0f, 0.0f}}), b = torch::tensor({{0.0f, 1.0f}});
  for (double t : {1.0 / 3, 0.5, 0.9}) {
    const double angle = t * M_PI / 2;
    const auto expected = torch::tensor({{float(2 * std::cos(angle)), float(std::sin(angle))}});
    EXPECT_TRUE(torch::allclose(slerp(a, b, t), expected, 1e-5, 1e-5)) << t << ": " << slerp(a, b, t);
  }
  // The same at 60° in 512 dimensions, batched: each row on its own arc.
  torch::manual_seed(9);
  const auto u = torch::nn::functional::normalize(torch::randn({3, 512}), torch::nn::functional::NormalizeFuncOptions().dim(1));
  auto v = torch::randn({3, 512});
  v = v - (v * u).sum(1, true) * u;  // orthogonal to u
  v = torch::nn::functional::normalize(v, torch::nn::functional::NormalizeFuncOptions().dim(1));
  const auto at60 = 0.5 * u + std::sqrt(3.0) / 2 * v;  // unit vector 60° from u
  EXPECT_TRUE(torch::allclose(slerp(u, at60, 0.5), std::cos(M_PI / 6) * u + std::sin(M_PI / 6) * v, 1e-4, 1e-4));
}

// The operation as the editor, sessions and timelines hold it: the same exact results, first in the edit order.
TEST(TwoFaces, TheHeldOperationGivesExactResultsAndIsInertUntilComplete) {
  torch::manual_seed(8);
  const auto a = torch::randn({1, 6, 8}), b = torch::randn({1, 6, 8}), c = torch::randn({1, 6, 8});
  TwoFaces two;
  EXPECT_FALSE(two.active());
  EXPECT_TRUE(apply_two_faces(a, two).is_same(a));
  two.mode = TwoFaceMode::Morph;
  two.amount = 0.0;
  EXPECT_FALSE(two.active());  // no second face yet: nothing changes
  EXPECT_TRUE(torch::equal(apply_two_faces(a, two), a));
  two.second = b;
  EXPECT_TRUE(torch::equal(apply_two_faces(a, two), b));
  two.amount = 1.0;
  EXPECT_TRUE(torch::equal(apply_two_faces(a, two), a));
  two.mode = TwoFaceMode::Mix;
  two.mix_layers = {false, true, true, false, false, false};
  const auto mixed = apply_two_faces(a, two);
  for (int64_t l = 0; l < 6; ++l)
    EXPECT_TRUE(torch::equal(mixed.select(1, l), (two.mix_layers[size_t(l)] ? b : a).select(1, l))) << l;
  two.mix_layers.clear();  // coarse: layers 0–3
  EXPECT_TRUE(torch::equal(apply_two_faces(a, two).slice(1, 0, 4), b.slice(1, 0, 4)));
  EXPECT_TRUE(torch::equal(apply_two_faces(a, two).slice(1, 4), a.slice(1, 4)));
  two.mode = TwoFaceMode::Expression;
  EXPECT_FALSE(two.active());
  two.neutral = c;
  two.expressive = c;
  EXPECT_TRUE(torch::equal(apply_two_faces(a, two), a));
  two.expressive = b;
  EXPECT_TRUE(torch::allclose(apply_two_faces(a, two), a + (b - c)));
  // A batch of codes takes the same faces; a code of another generator is refused with a message.
  EXPECT_EQ(apply_two_faces(torch::randn({3, 6, 8}), two).size(0), 3);
  two.neutral = torch::randn({1, 5, 8});
  EXPECT_THROW(apply_two_faces(a, two), facet::Error);
  EXPECT_EQ(parse_two_face_mode("mix"), TwoFaceMode::Mix);
  EXPECT_STREQ(two_face_mode_name(TwoFaceMode::Expression), "expression");
  EXPECT_THROW(parse_two_face_mode("blend"), facet::Error);
  EXPECT_EQ(mix_layer_preset("fine", 10), (std::vector<bool>{false, false, false, false, false, false, false, false,
                                                             true, true}));
  EXPECT_EQ(mix_layer_preset("4-5", 6), (std::vector<bool>{false, false, false, false, true, true}));
  EXPECT_EQ(resting_amount(TwoFaceMode::Morph), 1.0);
  EXPECT_EQ(resting_amount(TwoFaceMode::Expression), 0.0);
}
