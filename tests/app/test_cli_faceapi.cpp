// label and bench faceapi, run as a user would (label `models`: needs face-api's model files, skips without).
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#if FACET_WITH_VISION
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#endif

#include "core/edit/attributes.h"
#include "core/io/npy.h"
#include "tests/core/nn/faceapi/faceapi_models_dir.h"
#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::run_command;

namespace {

std::string cli() { return FACET_CLI; }

#define REQUIRE_FACEAPI_MODELS()                                                                  \
  if (facet::test::faceapi_models_dir().empty())                                                  \
  GTEST_SKIP() << "face-api model files not found (./facet.sh test unpacks them; or FACET_FACEAPI_DIR)"

TEST(CliFaceApi, LabelWritesCodesAndLabelsForTheMeasuredAttributesOnly) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_FACEAPI_MODELS();
  const std::string dir = facet::test::scratch_dir("label");
  const std::string args = " label --generator " + fixture("stylegan2/g_small_zip.pt") + " --faceapi " +
                           facet::test::faceapi_models_dir() + " --count 3 --seed 5 --json --out ";
  auto r = run_command(cli() + args + dir, false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto summary = nlohmann::json::parse(r.output);
  EXPECT_EQ(summary["count"], 3);

  const torch::Tensor w = facet::io::read_npy(dir + "/W.npy");
  const torch::Tensor l = facet::io::read_npy(dir + "/L.npy");
  const torch::Tensor raw = facet::io::read_npy(dir + "/faceapi.npy");
  ASSERT_EQ(w.dim(), 3);
  EXPECT_EQ(w.size(0), 3);
  ASSERT_EQ(l.sizes(), (std::vector<int64_t>{3, 40}));
  ASSERT_EQ(raw.sizes(), (std::vector<int64_t>{3, 9}));
  for (const auto& a : facet::edit::celeba_attributes()) {
    const torch::Tensor column = l.select(1, a.index);
    if (a.id == "Male" || a.id == "Young" || a.id == "Smiling") {
      EXPECT_TRUE(((column == 0) | (column == 1)).all().item<bool>()) << a.id;
    } else {
      EXPECT_TRUE(torch::isnan(column).all().item<bool>()) << a.id << " should be unlabelled";
    }
  }
  // Labels follow the raw measurements and the documented thresholds (age < 35, P(happy) > 0.5).
  const int male = facet::edit::require_attribute("Male").index, young = facet::edit::require_attribute("Young").index;
  const int smiling = facet::edit::require_attribute("Smiling").index;
  for (int64_t i = 0; i < 3; ++i) {
    EXPECT_EQ(l[i][young].item<float>(), raw[i][0].item<float>() < 35 ? 1.f : 0.f);
    EXPECT_EQ(l[i][male].item<float>(), raw[i][1].item<float>() > 0.5 ? 1.f : 0.f);
    EXPECT_EQ(l[i][smiling].item<float>(), raw[i][3].item<float>() > 0.5 ? 1.f : 0.f);
    EXPECT_NEAR(raw[i].slice(0, 2, 9).sum().item<float>(), 1.f, 1e-4);  // expression probabilities
  }
  // Seeded: the same seed gives the same codes and labels; another seed other codes.
  const std::string again = facet::test::scratch_dir("label-again");
  ASSERT_EQ(run_command(cli() + args + again, false).exit_code, 0);
  EXPECT_TRUE(torch::equal(w, facet::io::read_npy(again + "/W.npy")));
  EXPECT_TRUE(torch::allclose(raw, facet::io::read_npy(again + "/faceapi.npy")));
  const std::string other = facet::test::scratch_dir("label-other");
  ASSERT_EQ(run_command(cli() + " label --generator " + fixture("stylegan2/g_small_zip.pt") + " --faceapi " +
                        facet::test::faceapi_models_dir() + " --count 3 --seed 6 --out " + other).exit_code, 0);
  EXPECT_FALSE(torch::equal(w, facet::io::read_npy(other + "/W.npy")));
}

TEST(CliFaceApi, LabelWithoutModelsSaysWhere) {
  FACET_REQUIRE_FIXTURES();
  auto r = run_command(cli() + " label --generator " + fixture("stylegan2/g_small_zip.pt") +
                       " --faceapi /nonexistent --count 1 --out " + facet::test::scratch_dir("label-missing"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("face_recognition_model-weights_manifest.json"), std::string::npos) << r.output;
}

TEST(CliFaceApi, BenchReportsTimes) {
  REQUIRE_FACEAPI_MODELS();
  auto r = run_command(cli() + " bench faceapi --faceapi " + facet::test::faceapi_models_dir() +
                       " --repeat 2 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_GT(j["descriptor_ms"].get<double>(), 0);
  EXPECT_GT(j["all_three_ms"].get<double>(), j["descriptor_ms"].get<double>());
}

// The paper's identity preservation: faces rendered from the codes at every α step, compared with the unedited one.
TEST(CliFaceApi, EvaluateMeasuresIdentityOnRenderedFaces) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_FACEAPI_MODELS();
  auto r = run_command(cli() + " evaluate --json --attrs 15 --identity-samples 2 --latents " +
                           fixture("stylegan2/wplus.npy") + " --classifier " +
                           fixture("latent_transformer/latent_classifier.pth") + " --transformers " +
                           fixture("latent_transformer") + " --generator " + fixture("stylegan2/g_small_zip.pt") +
                           " --faceapi " + facet::test::faceapi_models_dir(),
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  ASSERT_TRUE(j["identity"].is_object()) << j.dump();
  EXPECT_EQ(j["identity"]["samples"], 2);
  const auto& identity = j["attributes"][0]["transformer"]["identity"];
  ASSERT_EQ(identity.size(), 11u) << j.dump();
  EXPECT_NEAR(identity[0].get<double>(), 1.0, 1e-5);  // α = 0: the same face
  for (const auto& v : identity) EXPECT_LE(v.get<double>(), 1.0 + 1e-5);
  EXPECT_LT(identity[10].get<double>(), identity[0].get<double>() - 1e-4) << "the edit should change the face";
}

#if FACET_WITH_VISION
const std::string kAstronaut = facet::test::source_dir() + "/resources/astronaut.png";

TEST(CliFaceApi, AnalyzeReadsTheAstronautsFace) {
  REQUIRE_FACEAPI_MODELS();
  auto r = run_command(cli() + " analyze " + kAstronaut + " --descriptor --json --faceapi " +
                       facet::test::faceapi_models_dir(), false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  ASSERT_EQ(j["faces"].size(), 1u);
  const auto& face = j["faces"][0];
  // Eileen Collins, about 35 in this NASA portrait.
  EXPECT_EQ(face["gender"], "female");
  EXPECT_GT(face["age"].get<double>(), 20);
  EXPECT_LT(face["age"].get<double>(), 55);
  double sum = 0;
  for (const auto& [name, p] : face["expressions"].items()) sum += p.get<double>();
  EXPECT_NEAR(sum, 1.0, 1e-3);
  EXPECT_EQ(face["descriptor"].size(), 128u);
}

TEST(CliFaceApi, IdentityOfAPhotoWithItselfAndItsMirrorImage) {
  REQUIRE_FACEAPI_MODELS();
  const std::string dir = facet::test::scratch_dir("identity");
  // The mirror image: the same person, a different picture.
  cv::Mat flipped;
  cv::flip(cv::imread(kAstronaut), flipped, 1);
  ASSERT_TRUE(cv::imwrite(dir + "/mirror.png", flipped));
  auto self = run_command(cli() + " identity " + kAstronaut + " " + kAstronaut + " --json --faceapi " +
                          facet::test::faceapi_models_dir(), false);
  ASSERT_EQ(self.exit_code, 0) << self.output;
  const auto js = nlohmann::json::parse(self.output);
  EXPECT_LT(js["descriptor_distance"].get<double>(), 1e-4);
  EXPECT_GT(js["identity_score"].get<double>(), 99.9);
  auto mirror = run_command(cli() + " identity " + kAstronaut + " " + dir + "/mirror.png --json --faceapi " +
                            facet::test::faceapi_models_dir(), false);
  ASSERT_EQ(mirror.exit_code, 0) << mirror.output;
  const auto jm = nlohmann::json::parse(mirror.output);
  EXPECT_GT(jm["descriptor_distance"].get<double>(), 1e-3);  // not the same pixels
  EXPECT_TRUE(jm["same_person"].get<bool>()) << jm.dump();
  EXPECT_GT(jm["identity_score"].get<double>(), 50);
}

TEST(CliFaceApi, AnalyzeSaysWhenThereIsNoFace) {
  REQUIRE_FACEAPI_MODELS();
  const std::string dir = facet::test::scratch_dir("analyze-noface");
  const std::string blank = dir + "/blank.png";
  ASSERT_TRUE(cv::imwrite(blank, cv::Mat(240, 320, CV_8UC3, cv::Scalar(128, 128, 128))));
  auto r = run_command(cli() + " analyze " + blank + " --faceapi " + facet::test::faceapi_models_dir());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("face"), std::string::npos) << r.output;
}
#endif

}  // namespace
