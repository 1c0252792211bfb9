// face-api.js's recognition, age/gender and expression networks on CUDA against the CPU (needs the npm model
// files, as the CPU parity tests do).
#include <fstream>
#include <iterator>

#include <torch/torch.h>

#include "core/nn/faceapi/face_analyzer.h"
#include "tests/core/gpu/gpu_support.h"
#include "tests/core/nn/faceapi/faceapi_models_dir.h"
#include "tests/support/test_support.h"

namespace {

// tests/data/faceapi/astronaut_tall.rgb: 180 rows × 140 columns, which the networks pad and resize.
torch::Tensor astronaut() {
  const std::string path = facet::test::source_dir() + "/tests/data/faceapi/astronaut_tall.rgb";
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(bytes.size(), 180u * 140u * 3u) << path;
  return torch::from_blob(bytes.data(), {180, 140, 3}, torch::kUInt8).clone();
}

}  // namespace

TEST(FaceApiOnCuda, AnalysisMatchesTheCpu) {
  FACET_REQUIRE_CUDA();
  FACET_REQUIRE_FACEAPI_MODELS();
  const auto dir = facet::test::faceapi_models_dir();
  const auto cpu = facet::nn::FaceAnalyzer::load(dir);
  const auto cuda = facet::nn::FaceAnalyzer::load(dir, facet::test::cuda_device());
  const auto image = astronaut();
  const auto expected = cpu.analyze(image);
  // The editor hands over a crop already on the GPU; the CLI a host image.
  for (const auto& input : {image, image.cuda()}) {
    SCOPED_TRACE(input.device().str());
    const auto actual = cuda.analyze(input);
    EXPECT_TRUE(actual.descriptor.device().is_cpu());
    EXPECT_LT(facet::test::relative_max_error(actual.descriptor, expected.descriptor), 1e-4);
    EXPECT_NEAR(actual.age, expected.age, 1e-3);
    EXPECT_NEAR(actual.male_probability, expected.male_probability, 1e-4);
    for (size_t i = 0; i < expected.expressions.size(); ++i)
      EXPECT_NEAR(actual.expressions[i], expected.expressions[i], 1e-4) << i;
  }
}
