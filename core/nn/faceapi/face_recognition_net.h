#pragma once
// face-api.js FaceRecognitionNet: dlib's ResNet-34-like face descriptor network (150×150 input, 128-D output;
// descriptors of one person lie within Euclidean distance ~0.6). Weights: face_recognition_model-weights_manifest.json.
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/nn/faceapi/tfjs_weights.h"

namespace facet::nn::faceapi {

class FaceRecognitionNet {
 public:
  static constexpr int64_t kInputSize = 150;
  // `what` names the source in error messages.
  FaceRecognitionNet(const TfjsWeights& weights, const std::string& what);
  // input: prepare_face_input(image, kInputSize), [N, 3, 150, 150] → descriptors [N, 128].
  torch::Tensor forward(const torch::Tensor& input) const;
  void to(torch::Device device);

 private:
  struct ConvScale {  // conv + bias, then dlib's affine "scale" layer (per-channel weights and biases)
    torch::Tensor filter, bias, scale_weights, scale_biases;
  };
  struct Residual {
    ConvScale conv1, conv2;
  };
  torch::Tensor conv_scale(const torch::Tensor& x, const ConvScale& p, int64_t stride, bool same, bool relu) const;
  torch::Tensor residual(const torch::Tensor& x, const Residual& p) const;
  torch::Tensor residual_down(const torch::Tensor& x, const Residual& p) const;

  ConvScale conv32_down_;
  // Blocks in forward order; `down` marks the down-sampling ones.
  std::vector<std::pair<Residual, bool>> blocks_;
  torch::Tensor fc_;  // [256, 128]
};

}  // namespace facet::nn::faceapi
