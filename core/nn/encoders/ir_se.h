#pragma once
// The IR-SE residual network shared by ArcFace and the pSp / e4e encoders (InsightFace's "ir_se" mode, as in
// pixel2style2pixel models/encoders/helpers.py). Submodule names follow the PyTorch files so state dicts load
// unchanged: input_layer.{0,1,2}.*, body.N.shortcut_layer.{0,1}.*, body.N.res_layer.{0..5}.*.
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>

namespace facet::nn::encoders {

// Squeeze-and-excitation gate: x * sigmoid(fc2(relu(fc1(avgpool(x))))), 1x1 convolutions without bias.
class SEModuleImpl : public torch::nn::Module {
 public:
  SEModuleImpl(int64_t channels, int64_t reduction);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d fc1_{nullptr}, fc2_{nullptr};
};
TORCH_MODULE(SEModule);

// One bottleneck_IR_SE unit: BN, conv3x3, PReLU, conv3x3 (stride), BN, SE; plus a shortcut that is a strided
// identity (MaxPool2d(1, stride)) when the depth is unchanged, else conv1x1 + BN.
class BottleneckIRSEImpl : public torch::nn::Module {
 public:
  BottleneckIRSEImpl(int64_t in_channel, int64_t depth, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  int64_t stride_;
  torch::nn::Sequential shortcut_{nullptr};  // null when the shortcut is the strided identity
  torch::nn::Sequential res_{nullptr};
};
TORCH_MODULE(BottleneckIRSE);

// The 24 units of get_blocks(50): depths 64x3, 128x4, 256x14, 512x3, each stage starting with stride 2.
struct UnitSpec {
  int64_t in_channel, depth, stride;
};
std::vector<UnitSpec> ir_se50_units();

// input_layer (conv3x3 3->64 + BN + PReLU) and body (the 24 units), registered as `input_layer` and `body`
// on `owner`, the module whose state dict carries those names.
struct IrSe50Trunk {
  torch::nn::Sequential input_layer{nullptr};
  std::vector<BottleneckIRSE> units;
  void register_on(torch::nn::Module& owner);
};

}  // namespace facet::nn::encoders
