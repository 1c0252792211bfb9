#pragma once
// Parameter sets shared by face-api's TinyXception and FaceFeatureExtractor, loaded from tfjs weights by prefix
// and converted to PyTorch layout once.
#include <string>

#include <torch/types.h>

#include "core/nn/faceapi/tfjs_weights.h"

namespace facet::nn::faceapi {

struct ConvParams {  // "<prefix>/filters", "<prefix>/bias"
  torch::Tensor filter, bias;
  static ConvParams load(const TfjsWeights& w, const std::string& prefix, const std::string& what);
  void to(torch::Device device);
  torch::Tensor operator()(const torch::Tensor& x, int64_t stride) const;  // tfjs conv2d 'same' + bias
};

struct SeparableConvParams {  // "<prefix>/depthwise_filter", "<prefix>/pointwise_filter", "<prefix>/bias"
  torch::Tensor depthwise, pointwise, bias;
  static SeparableConvParams load(const TfjsWeights& w, const std::string& prefix, const std::string& what);
  void to(torch::Device device);
  torch::Tensor operator()(const torch::Tensor& x, int64_t stride) const;  // tfjs separableConv2d 'same' + bias
};

struct FcParams {  // "<prefix>/weights" [in, out], "<prefix>/bias"
  torch::Tensor weights, bias;
  static FcParams load(const TfjsWeights& w, const std::string& prefix, const std::string& what);
  void to(torch::Device device);
  torch::Tensor operator()(const torch::Tensor& x) const { return x.matmul(weights) + bias; }
};

}  // namespace facet::nn::faceapi
