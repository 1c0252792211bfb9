#include "core/nn/faceapi/face_expression_net.h"
#include "core/nn/network_guard.h"

#include <torch/nn/functional.h>

namespace facet::nn::faceapi {
namespace {
namespace F = torch::nn::functional;
}

FaceExpressionNet::FaceExpressionNet(const TfjsWeights& w, const std::string& what) {
  for (size_t i = 0; i < dense_.size(); ++i) {
    const std::string prefix = "dense" + std::to_string(i);
    auto& d = dense_[i];
    d.first = i == 0;
    if (d.first)
      d.first_conv0 = ConvParams::load(w, prefix + "/conv0", what);
    else
      d.conv0 = SeparableConvParams::load(w, prefix + "/conv0", what);
    d.conv1 = SeparableConvParams::load(w, prefix + "/conv1", what);
    d.conv2 = SeparableConvParams::load(w, prefix + "/conv2", what);
    d.conv3 = SeparableConvParams::load(w, prefix + "/conv3", what);
  }
  fc_ = FcParams::load(w, "fc", what);
}

void FaceExpressionNet::to(torch::Device device) {
  for (auto& d : dense_) {
    if (d.first)
      d.first_conv0.to(device);
    else
      d.conv0.to(device);
    d.conv1.to(device);
    d.conv2.to(device);
    d.conv3.to(device);
  }
  fc_.to(device);
}

// denseBlock4(x, params, isFirstLayer, isScaleDown = true): each layer sees the sum of all earlier outputs.
torch::Tensor FaceExpressionNet::dense_block(const torch::Tensor& x, const DenseBlock& p) const {
  auto out1 = torch::relu(p.first ? p.first_conv0(x, 2) : p.conv0(x, 2));
  auto out2 = p.conv1(out1, 1);
  auto in3 = torch::relu(out1 + out2);
  auto out3 = p.conv2(in3, 1);
  auto in4 = torch::relu(out1 + (out2 + out3));
  auto out4 = p.conv3(in4, 1);
  return torch::relu(out1 + (out2 + (out3 + out4)));
}

torch::Tensor FaceExpressionNet::forward(const torch::Tensor& input) const {
  check_network_thread("face-api expressions");
  auto out = input;
  for (const auto& d : dense_) out = dense_block(out, d);
  auto pooled = F::avg_pool2d(out, F::AvgPool2dFuncOptions(7).stride(2)).flatten(1);
  return torch::softmax(fc_(pooled), 1);
}

}  // namespace facet::nn::faceapi
