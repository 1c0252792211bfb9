#include "core/nn/faceapi/face_analyzer.h"

#include <algorithm>
#include <filesystem>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/log.h"
#include "core/nn/faceapi/tfjs_ops.h"
#include "core/nn/scoped_threads.h"

namespace facet::nn {

double descriptor_distance(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kCPU, torch::kFloat64) - b.to(torch::kCPU, torch::kFloat64)).norm().item<double>();
}

double identity_score(double distance) {
  return 100.0 * std::clamp(1.0 - distance / (2 * kSamePersonDistance), 0.0, 1.0);
}

namespace {
faceapi::TfjsWeights load_model(const std::string& dir, const std::string& name) {
  const auto manifest = (std::filesystem::path(dir) / (name + "-weights_manifest.json")).string();
  if (!std::filesystem::exists(manifest))
    throw Error("face-api model " + manifest + " not found; fetch the models (facet-cli models fetch) or copy "
                "@vladmandic/face-api's model/ folder there");
  return faceapi::load_tfjs_weights(manifest);
}
}  // namespace

FaceAnalyzer::FaceAnalyzer(faceapi::FaceRecognitionNet recognition, faceapi::AgeGenderNet age_gender,
                           faceapi::FaceExpressionNet expression, torch::Device device)
    : recognition_(std::move(recognition)),
      age_gender_(std::move(age_gender)),
      expression_(std::move(expression)),
      device_(device) {}

FaceAnalyzer FaceAnalyzer::load(const std::string& dir, torch::Device device) {
  const std::string rec = "face_recognition_model", ag = "age_gender_model", ex = "face_expression_model";
  // One after the other (argument evaluation order is unspecified), so a missing folder names the first file.
  faceapi::FaceRecognitionNet recognition(load_model(dir, rec), rec);
  faceapi::AgeGenderNet age_gender(load_model(dir, ag), ag);
  faceapi::FaceExpressionNet expression(load_model(dir, ex), ex);
  FaceAnalyzer analyzer(std::move(recognition), std::move(age_gender), std::move(expression), device);
  analyzer.recognition_.to(device);
  analyzer.age_gender_.to(device);
  analyzer.expression_.to(device);
  log::get("nn")->debug("face-api networks loaded from {}", dir);
  return analyzer;
}

torch::Tensor FaceAnalyzer::descriptor(const torch::Tensor& image) const {
  torch::NoGradGuard no_grad;
  ScopedThreads one_thread(device_.is_cpu() ? 1 : omp_get_max_threads());  // see scoped_threads.h
  auto input = faceapi::prepare_face_input(image, faceapi::FaceRecognitionNet::kInputSize).to(device_);
  return recognition_.forward(input)[0].to(torch::kCPU);
}

FaceAnalysis FaceAnalyzer::analyze(const torch::Tensor& image) const {
  torch::NoGradGuard no_grad;
  ScopedThreads one_thread(device_.is_cpu() ? 1 : omp_get_max_threads());
  FaceAnalysis result;
  result.descriptor = descriptor(image);
  // Age/gender and expression share the 112×112 input preparation.
  auto input = faceapi::prepare_face_input(image, faceapi::AgeGenderNet::kInputSize).to(device_);
  auto ag = age_gender_.forward(input);
  // One copy to the host for every readout.
  const torch::Tensor values = torch::cat({ag.age[0].reshape({1}), ag.gender[0][0].reshape({1}),
                                           expression_.forward(input)[0].reshape({-1})})
                                   .to(torch::kCPU, torch::kFloat32);
  const float* v = values.data_ptr<float>();
  result.age = v[0];
  result.male_probability = v[1];
  result.male = result.male_probability > 0.5f;
  result.gender_probability = result.male ? result.male_probability : 1.0f - result.male_probability;
  if (values.numel() != 2 + static_cast<int64_t>(result.expressions.size()))
    throw Error("face-api expression network gave " + std::to_string(values.numel() - 2) + " values, expected " +
                std::to_string(result.expressions.size()));
  std::copy(v + 2, v + values.numel(), result.expressions.begin());
  return result;
}

}  // namespace facet::nn
