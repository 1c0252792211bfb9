#pragma once
// face-api.js AgeGenderNet: TinyXception (2 middle blocks, 112×112 input) + average pool + two fc heads:
// age regression (years) and gender softmax [male, female]. Weights: age_gender_model-weights_manifest.json.
#include <array>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/nn/faceapi/conv_params.h"

namespace facet::nn::faceapi {

struct AgeGender {
  torch::Tensor age;     // [N] years
  torch::Tensor gender;  // [N, 2] softmax: [male, female]
};

class AgeGenderNet {
 public:
  static constexpr int64_t kInputSize = 112;
  AgeGenderNet(const TfjsWeights& weights, const std::string& what);
  AgeGender forward(const torch::Tensor& input) const;  // input: prepare_face_input(image, 112)
  void to(torch::Device device);

 private:
  struct ReductionBlock {
    SeparableConvParams separable0, separable1;
    ConvParams expansion;
  };
  struct MainBlock {
    SeparableConvParams separable0, separable1, separable2;
  };
  torch::Tensor reduction(const torch::Tensor& x, const ReductionBlock& p, bool activate_input) const;
  torch::Tensor main_block(const torch::Tensor& x, const MainBlock& p) const;

  ConvParams conv_in_;
  ReductionBlock entry0_, entry1_, exit_;
  std::vector<MainBlock> middle_;
  SeparableConvParams exit_separable_;
  FcParams age_, gender_;
};

}  // namespace facet::nn::faceapi
