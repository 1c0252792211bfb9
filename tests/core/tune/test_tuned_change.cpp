// The tuned-generator change file: exact round trip, only changed tensors stored, refusal of another base, low-rank
// factors, and the rosinality export loading back as the same generator.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/stylegan2/generator.h"
#include "core/tune/tuned_change.h"
#include "tests/support/test_support.h"

using facet::nn::StyleGan2;
using namespace facet::tune;

namespace {

std::shared_ptr<StyleGan2> small(uint64_t seed) { return StyleGan2::random(16, 16, 1, 1, seed, torch::kCPU, 16); }

// A copy of `base` with two tensors changed: a conv weight by a rank-2 difference and a bias.
std::shared_ptr<StyleGan2> changed(StyleGan2& base) {
  auto tuned = base.cast(torch::kFloat32);
  torch::NoGradGuard no_grad;
  auto params = tuned->module().named_parameters();
  auto& w = params["convs.0.conv.weight"];  // [1, 16, 16, 3, 3]
  torch::manual_seed(3);
  const auto d = torch::mm(torch::randn({16, 2}), torch::randn({2, 16 * 9})) * 0.01;
  w.add_(d.view(w.sizes()));
  params["to_rgb1.bias"].add_(0.25);
  return tuned;
}

torch::Tensor image(StyleGan2& g) {
  facet::nn::SynthesisOptions o;
  torch::manual_seed(0);
  return g.synthesis(g.to_wplus(g.mapping(torch::randn({1, 16}))), o);
}

}  // namespace

TEST(TunedChange, RoundTripsExactlyAndStoresOnlyTheChange) {
  auto base = small(1);
  auto tuned = changed(*base);
  const TunedChange change = make_change(*base, *tuned);
  EXPECT_EQ(change.deltas.size(), 2u);
  EXPECT_TRUE(change.deltas.count("convs.0.conv.weight"));
  EXPECT_TRUE(change.deltas.count("to_rgb1.bias"));
  EXPECT_EQ(change.base_sha256, weights_sha256(*base));
  EXPECT_NE(change.base_sha256, weights_sha256(*tuned));

  const std::string path = facet::test::scratch_dir("tuned") + "/face.tuned";
  save_change(path, change);
  const TunedChange back = load_change(path);
  EXPECT_EQ(back.base_sha256, change.base_sha256);
  ASSERT_EQ(back.deltas.size(), change.deltas.size());
  for (const auto& [name, d] : change.deltas) {
    ASSERT_TRUE(back.deltas.count(name)) << name;
    EXPECT_EQ(back.deltas.at(name).scalar_type(), torch::kBFloat16);
    EXPECT_TRUE(torch::equal(back.deltas.at(name), d)) << name;
  }
  // Applied to the base, it gives the tuned generator up to bfloat16's rounding of the differences.
  auto applied = apply_change(*base, back);
  EXPECT_LT(facet::test::relative_max_error(image(*applied), image(*tuned)), 1e-2);
  EXPECT_GT(facet::test::relative_max_error(image(*base), image(*tuned)), 1e-2);
  // The base itself is unchanged.
  EXPECT_EQ(weights_sha256(*base), change.base_sha256);
}

TEST(TunedChange, RefusesAnotherBase) {
  auto base = small(1);
  const TunedChange change = make_change(*base, *changed(*base));
  auto other = small(2);
  try {
    apply_change(*other, change, "face.tuned");
    FAIL() << "applied onto another generator";
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("face.tuned was tuned from another generator"), std::string::npos) << e.what();
  }
}

TEST(TunedChange, LowRankFactorsHoldALowRankChange) {
  auto base = small(1);
  auto tuned = changed(*base);
  const TunedChange full = make_change(*base, *tuned);
  const TunedChange low = make_change(*base, *tuned, ChangeEncoding::LowRank, /*rank=*/2);
  ASSERT_TRUE(low.factors.count("convs.0.conv.weight"));  // 2·(16 + 144) values instead of 16·144
  EXPECT_EQ(low.factors.at("convs.0.conv.weight").first.size(1), 2);
  EXPECT_TRUE(low.deltas.count("to_rgb1.bias"));  // 1-D: stored whole
  const auto shape = base->module().named_parameters()["convs.0.conv.weight"].sizes();
  EXPECT_LT(facet::test::relative_max_error(low.delta("convs.0.conv.weight", shape),
                                            full.delta("convs.0.conv.weight", shape)),
            2e-2);

  const std::string path = facet::test::scratch_dir("tuned-lowrank") + "/face.tuned";
  save_change(path, low);
  const TunedChange back = load_change(path);
  EXPECT_EQ(back.encoding, ChangeEncoding::LowRank);
  EXPECT_TRUE(torch::equal(back.delta("convs.0.conv.weight", shape), low.delta("convs.0.conv.weight", shape)));
}

TEST(TunedChange, ExportLoadsAsTheSameGenerator) {
  auto base = small(1);
  auto tuned = changed(*base);
  const std::string path = facet::test::scratch_dir("tuned-export") + "/tuned.pt";
  export_rosinality(*tuned, path);
  auto loaded = StyleGan2::load(path);
  EXPECT_EQ(weights_sha256(*loaded), weights_sha256(*tuned));
  EXPECT_LT(facet::test::relative_max_error(image(*loaded), image(*tuned)), 1e-6);
}

TEST(TunedChange, RefusesOtherFiles) {
  const std::string path = facet::test::scratch_dir("tuned-bad") + "/plain.pt";
  export_rosinality(*small(1), path);
  EXPECT_THROW(load_change(path), facet::Error);
}
