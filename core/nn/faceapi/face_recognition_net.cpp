#include "core/nn/faceapi/face_recognition_net.h"

#include <torch/nn/functional.h>

#include "core/nn/faceapi/tfjs_ops.h"
#include "core/nn/network_guard.h"

namespace facet::nn::faceapi {
namespace {
namespace F = torch::nn::functional;
}

FaceRecognitionNet::FaceRecognitionNet(const TfjsWeights& weights, const std::string& what) {
  auto conv_scale_params = [&](const std::string& prefix) {
    ConvScale p;
    p.filter = conv_filter_to_torch(require_weight(weights, prefix + "/conv/filters", 4, what));
    p.bias = require_weight(weights, prefix + "/conv/bias", 1, what);
    p.scale_weights = require_weight(weights, prefix + "/scale/weights", 1, what).view({1, -1, 1, 1});
    p.scale_biases = require_weight(weights, prefix + "/scale/biases", 1, what).view({1, -1, 1, 1});
    return p;
  };
  auto residual_params = [&](const std::string& prefix) {
    return Residual{conv_scale_params(prefix + "/conv1"), conv_scale_params(prefix + "/conv2")};
  };
  conv32_down_ = conv_scale_params("conv32_down");
  const std::vector<std::pair<std::string, bool>> layout = {
      {"conv32_1", false},     {"conv32_2", false},  {"conv32_3", false},   {"conv64_down", true},
      {"conv64_1", false},     {"conv64_2", false},  {"conv64_3", false},   {"conv128_down", true},
      {"conv128_1", false},    {"conv128_2", false}, {"conv256_down", true}, {"conv256_1", false},
      {"conv256_2", false},    {"conv256_down_out", true}};
  for (const auto& [name, down] : layout) blocks_.emplace_back(residual_params(name), down);
  fc_ = require_weight(weights, "fc", 2, what);
}

void FaceRecognitionNet::to(torch::Device device) {
  auto move = [&](ConvScale& p) {
    p.filter = p.filter.to(device);
    p.bias = p.bias.to(device);
    p.scale_weights = p.scale_weights.to(device);
    p.scale_biases = p.scale_biases.to(device);
  };
  move(conv32_down_);
  for (auto& [block, down] : blocks_) {
    move(block.conv1);
    move(block.conv2);
  }
  fc_ = fc_.to(device);
}

torch::Tensor FaceRecognitionNet::conv_scale(const torch::Tensor& x, const ConvScale& p, int64_t stride,
                                             bool same, bool relu) const {
  auto out = conv2d_tfjs(x, p.filter, p.bias, stride, same);
  out = out * p.scale_weights + p.scale_biases;
  return relu ? torch::relu(out) : out;
}

torch::Tensor FaceRecognitionNet::residual(const torch::Tensor& x, const Residual& p) const {
  auto out = conv_scale(x, p.conv1, 1, true, true);
  out = conv_scale(out, p.conv2, 1, true, false);
  return torch::relu(out + x);
}

torch::Tensor FaceRecognitionNet::residual_down(const torch::Tensor& x, const Residual& p) const {
  // dlib's down-sampling block: a stride-2 'valid' conv path and a 2×2 average-pool shortcut whose missing
  // channels are zeros; when the conv path comes out one pixel smaller it gets a zero row and column appended.
  auto out = conv_scale(x, p.conv1, 2, false, true);
  out = conv_scale(out, p.conv2, 1, true, false);
  auto pooled = F::avg_pool2d(x, F::AvgPool2dFuncOptions(2).stride(2));
  if (pooled.size(2) != out.size(2) || pooled.size(3) != out.size(3))
    out = F::pad(out, F::PadFuncOptions({0, pooled.size(3) - out.size(3), 0, pooled.size(2) - out.size(2)}));
  if (pooled.size(1) != out.size(1))
    pooled = torch::cat({pooled, torch::zeros_like(pooled)}, 1);
  return torch::relu(pooled + out);
}

torch::Tensor FaceRecognitionNet::forward(const torch::Tensor& input) const {
  check_network_thread("face-api recognition");
  auto out = conv_scale(input, conv32_down_, 2, false, true);
  out = max_pool_tfjs(out, 3, 2, false);
  for (const auto& [block, down] : blocks_) out = down ? residual_down(out, block) : residual(out, block);
  auto pooled = out.mean({2, 3});
  return pooled.matmul(fc_);
}

}  // namespace facet::nn::faceapi
