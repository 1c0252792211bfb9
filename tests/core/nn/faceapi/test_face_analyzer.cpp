// Parity with face-api.js (tfjs CPU backend, outputs in tests/data/faceapi/reference.json made by
// make_reference.mjs) on crops of skimage's astronaut, plus the identity score's behaviour on real faces.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/nn/faceapi/face_analyzer.h"
#include "tests/core/nn/faceapi/faceapi_models_dir.h"
#include "tests/support/test_support.h"

namespace facet::nn {
namespace {

const std::string kDataDir = test::source_dir() + "/tests/data/faceapi/";

nlohmann::json reference() {
  std::ifstream in(kDataDir + "reference.json");
  return nlohmann::json::parse(in);
}

torch::Tensor load_rgb(const std::string& name, int64_t height, int64_t width) {
  std::ifstream in(kDataDir + name + ".rgb", std::ios::binary);
  std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(static_cast<int64_t>(bytes.size()), height * width * 3) << name;
  return torch::from_blob(bytes.data(), {height, width, 3}, torch::kUInt8).clone();
}

class FaceAnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!test::faceapi_models_dir().empty())
      analyzer_ = std::make_unique<FaceAnalyzer>(FaceAnalyzer::load(test::faceapi_models_dir()));
  }
  static void TearDownTestSuite() { analyzer_.reset(); }
  static std::unique_ptr<FaceAnalyzer> analyzer_;
};
std::unique_ptr<FaceAnalyzer> FaceAnalyzerTest::analyzer_;

TEST_F(FaceAnalyzerTest, MatchesFaceApiJsOnEveryReferenceImage) {
  FACET_REQUIRE_FACEAPI_MODELS();
  const auto ref = reference();
  ASSERT_GE(ref.at("images").size(), 4u);
  for (const auto& [name, expected] : ref.at("images").items()) {
    SCOPED_TRACE(name);
    auto image = load_rgb(name, expected.at("height"), expected.at("width"));
    const auto result = analyzer_->analyze(image);

    auto descriptor = torch::tensor(expected.at("descriptor").get<std::vector<float>>());
    ASSERT_EQ(result.descriptor.sizes(), descriptor.sizes());
    EXPECT_LT((result.descriptor - descriptor).abs().max().item<float>(), 1e-3f);

    EXPECT_NEAR(result.age, expected.at("age").get<float>(), 1e-2);  // years
    EXPECT_NEAR(result.male_probability, expected.at("gender")[0].get<float>(), 1e-3);
    const auto expressions = expected.at("expressions").get<std::vector<float>>();
    ASSERT_EQ(expressions.size(), result.expressions.size());
    for (size_t i = 0; i < expressions.size(); ++i)
      EXPECT_NEAR(result.expressions[i], expressions[i], 1e-3) << faceapi::kExpressionLabels[i];
  }
}

TEST_F(FaceAnalyzerTest, IdentityScoreSeparatesSamePersonFromNoFace) {
  FACET_REQUIRE_FACEAPI_MODELS();
  const auto ref = reference().at("images");
  auto square = load_rgb("astronaut_square", 160, 160);
  auto mirror = load_rgb("astronaut_mirror", 160, 160);
  auto a = analyzer_->descriptor(square);
  EXPECT_DOUBLE_EQ(identity_score(descriptor_distance(a, a)), 100.0);
  // The mirrored face is the same person: within dlib's 0.6.
  const double same = descriptor_distance(a, analyzer_->descriptor(mirror));
  EXPECT_LT(same, kSamePersonDistance);
  EXPECT_GT(identity_score(same), 50.0);
  // A flat grey image is nobody: further away and a lower score.
  const double other = descriptor_distance(a, analyzer_->descriptor(torch::full({150, 150, 3}, 128, torch::kUInt8)));
  EXPECT_GT(other, same);
  EXPECT_LT(identity_score(other), identity_score(same));
}

TEST(IdentityScore, MapsDistanceLinearlyWithTheThresholdAtFifty) {
  EXPECT_DOUBLE_EQ(identity_score(0.0), 100.0);
  EXPECT_DOUBLE_EQ(identity_score(kSamePersonDistance), 50.0);
  EXPECT_DOUBLE_EQ(identity_score(1.2), 0.0);
  EXPECT_DOUBLE_EQ(identity_score(5.0), 0.0);
  EXPECT_DOUBLE_EQ(descriptor_distance(torch::tensor({3.f, 0.f}), torch::tensor({0.f, 4.f})), 5.0);
}

TEST(FaceAnalyzerLoad, MissingFolderNamesTheFile) {
  try {
    FaceAnalyzer::load(test::scratch_dir("faceapi_empty"));
    FAIL() << "expected facet::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("face_recognition_model-weights_manifest.json"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace facet::nn
