#include "core/nn/encoders/ir_se.h"

#include <torch/nn/functional/pooling.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

namespace facet::nn::encoders {

namespace {
torch::nn::Conv2d conv(int64_t in, int64_t out, int64_t k, int64_t stride, int64_t pad) {
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, k).stride(stride).padding(pad).bias(false));
}
}  // namespace

SEModuleImpl::SEModuleImpl(int64_t channels, int64_t reduction) {
  fc1_ = register_module("fc1", conv(channels, channels / reduction, 1, 1, 0));
  fc2_ = register_module("fc2", conv(channels / reduction, channels, 1, 1, 0));
}

torch::Tensor SEModuleImpl::forward(const torch::Tensor& x) {
  auto s = torch::adaptive_avg_pool2d(x, {1, 1});
  s = torch::sigmoid(fc2_->forward(torch::relu(fc1_->forward(s))));
  return x * s;
}

BottleneckIRSEImpl::BottleneckIRSEImpl(int64_t in_channel, int64_t depth, int64_t stride) : stride_(stride) {
  if (in_channel != depth) {
    shortcut_ = register_module(
        "shortcut_layer", torch::nn::Sequential(conv(in_channel, depth, 1, stride, 0), torch::nn::BatchNorm2d(depth)));
  }
  res_ = register_module(
      "res_layer", torch::nn::Sequential(torch::nn::BatchNorm2d(in_channel), conv(in_channel, depth, 3, 1, 1),
                                         torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(depth)),
                                         conv(depth, depth, 3, stride, 1), torch::nn::BatchNorm2d(depth),
                                         SEModule(depth, 16)));
}

torch::Tensor BottleneckIRSEImpl::forward(const torch::Tensor& x) {
  // MaxPool2d(kernel 1, stride s) is plain subsampling.
  const torch::Tensor shortcut =
      shortcut_ ? shortcut_->forward(x)
                : (stride_ == 1 ? x : x.slice(2, 0, c10::nullopt, stride_).slice(3, 0, c10::nullopt, stride_));
  return res_->forward(x) + shortcut;
}

std::vector<UnitSpec> ir_se50_units() {
  std::vector<UnitSpec> units;
  const int64_t stages[4][3] = {{64, 64, 3}, {64, 128, 4}, {128, 256, 14}, {256, 512, 3}};
  for (const auto& s : stages) {
    units.push_back({s[0], s[1], 2});
    for (int64_t i = 1; i < s[2]; ++i) units.push_back({s[1], s[1], 1});
  }
  return units;
}

void IrSe50Trunk::register_on(torch::nn::Module& owner) {
  input_layer = owner.register_module(
      "input_layer", torch::nn::Sequential(conv(3, 64, 3, 1, 1), torch::nn::BatchNorm2d(64),
                                           torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(64))));
  auto body = owner.register_module("body", torch::nn::Sequential());
  for (const auto& u : ir_se50_units()) {
    units.push_back(BottleneckIRSE(u.in_channel, u.depth, u.stride));
    body->push_back(units.back());
  }
}

}  // namespace facet::nn::encoders
