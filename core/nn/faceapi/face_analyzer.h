#pragma once
// Facet's face analysis: face-api.js's recognition, age/gender and expression networks on one face crop.
// The three networks read the tfjs files that @vladmandic/face-api ships in model/ (models/fetch copies them
// to <models dir>/face-api/). Each network pads the crop to a square and resizes it itself, exactly as
// face-api.js does, so any face crop (e.g. an aligned crop from core/face) can be passed as it is.
//
// Identity score (identity_score): how much an edit kept the person, from the Euclidean distance d between
// the 128-D descriptors of the unedited and the edited face: score = 100 · clamp(1 − d / 1.2, 0, 1).
// d = 0 → 100 (same image); d = 0.6, dlib's same-person threshold → 50; d ≥ 1.2 → 0. Linear so that equal
// steps in descriptor distance read as equal steps in the score.
#include <array>
#include <string>

#include <torch/types.h>

#include "core/nn/faceapi/age_gender_net.h"
#include "core/nn/faceapi/face_expression_net.h"
#include "core/nn/faceapi/face_recognition_net.h"

namespace facet::nn {

struct FaceAnalysis {
  torch::Tensor descriptor;        // [128] float, CPU
  float age = 0;                   // years
  bool male = false;               // gender with the larger probability
  float gender_probability = 0;    // probability of that gender (≥ 0.5)
  float male_probability = 0;      // raw softmax output for "male"
  std::array<float, 7> expressions{};  // probabilities in faceapi::kExpressionLabels order
};

// Distance at which dlib/face-api consider two descriptors the same person.
inline constexpr double kSamePersonDistance = 0.6;
double descriptor_distance(const torch::Tensor& a, const torch::Tensor& b);
double identity_score(double descriptor_distance);  // see the header comment

class FaceAnalyzer {
 public:
  // dir holds face_recognition_model-, age_gender_model- and face_expression_model-weights_manifest.json and
  // their .bin shards. Throws facet::Error naming the missing file.
  static FaceAnalyzer load(const std::string& dir, torch::Device device = torch::kCPU);

  // image: RGB [H, W, 3], uint8 (or float 0–255), a face crop. Throws facet::Error on a wrong shape.
  FaceAnalysis analyze(const torch::Tensor& image) const;
  torch::Tensor descriptor(const torch::Tensor& image) const;  // [128], recognition network only

 private:
  FaceAnalyzer(faceapi::FaceRecognitionNet recognition, faceapi::AgeGenderNet age_gender,
               faceapi::FaceExpressionNet expression, torch::Device device);
  faceapi::FaceRecognitionNet recognition_;
  faceapi::AgeGenderNet age_gender_;
  faceapi::FaceExpressionNet expression_;
  torch::Device device_;
};

}  // namespace facet::nn
