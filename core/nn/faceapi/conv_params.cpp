#include "core/nn/faceapi/conv_params.h"

#include "core/nn/faceapi/tfjs_ops.h"

namespace facet::nn::faceapi {

ConvParams ConvParams::load(const TfjsWeights& w, const std::string& prefix, const std::string& what) {
  return {conv_filter_to_torch(require_weight(w, prefix + "/filters", 4, what)),
          require_weight(w, prefix + "/bias", 1, what)};
}

void ConvParams::to(torch::Device device) {
  filter = filter.to(device);
  bias = bias.to(device);
}

torch::Tensor ConvParams::operator()(const torch::Tensor& x, int64_t stride) const {
  return conv2d_tfjs(x, filter, bias, stride, true);
}

SeparableConvParams SeparableConvParams::load(const TfjsWeights& w, const std::string& prefix,
                                              const std::string& what) {
  return {depthwise_filter_to_torch(require_weight(w, prefix + "/depthwise_filter", 4, what)),
          conv_filter_to_torch(require_weight(w, prefix + "/pointwise_filter", 4, what)),
          require_weight(w, prefix + "/bias", 1, what)};
}

void SeparableConvParams::to(torch::Device device) {
  depthwise = depthwise.to(device);
  pointwise = pointwise.to(device);
  bias = bias.to(device);
}

torch::Tensor SeparableConvParams::operator()(const torch::Tensor& x, int64_t stride) const {
  return separable_conv2d_tfjs(x, depthwise, pointwise, bias, stride);
}

FcParams FcParams::load(const TfjsWeights& w, const std::string& prefix, const std::string& what) {
  return {require_weight(w, prefix + "/weights", 2, what), require_weight(w, prefix + "/bias", 1, what)};
}

void FcParams::to(torch::Device device) {
  weights = weights.to(device);
  bias = bias.to(device);
}

}  // namespace facet::nn::faceapi
