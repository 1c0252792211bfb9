#pragma once
// face-api.js FaceExpressionNet: FaceFeatureExtractor (four 4-layer dense blocks, 112×112 input) + average pool
// + fc + softmax over 7 expressions. Weights: face_expression_model-weights_manifest.json.
#include <array>
#include <string>

#include <torch/types.h>

#include "core/nn/faceapi/conv_params.h"

namespace facet::nn::faceapi {

// Output order of the softmax, face-api's FACE_EXPRESSION_LABELS.
inline constexpr std::array<const char*, 7> kExpressionLabels = {"neutral", "happy",     "sad",      "angry",
                                                                 "fearful", "disgusted", "surprised"};

class FaceExpressionNet {
 public:
  static constexpr int64_t kInputSize = 112;
  FaceExpressionNet(const TfjsWeights& weights, const std::string& what);
  torch::Tensor forward(const torch::Tensor& input) const;  // [N, 7] probabilities
  void to(torch::Device device);

 private:
  struct DenseBlock {
    ConvParams first_conv0;            // dense0 only: a plain conv
    SeparableConvParams conv0;         // the others: separable
    SeparableConvParams conv1, conv2, conv3;
    bool first = false;
  };
  torch::Tensor dense_block(const torch::Tensor& x, const DenseBlock& p) const;

  std::array<DenseBlock, 4> dense_;
  FcParams fc_;
};

}  // namespace facet::nn::faceapi
