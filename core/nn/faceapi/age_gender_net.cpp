#include "core/nn/faceapi/age_gender_net.h"

#include <torch/nn/functional.h>

#include "core/nn/faceapi/tfjs_ops.h"
#include "core/nn/network_guard.h"

namespace facet::nn::faceapi {
namespace {
namespace F = torch::nn::functional;
constexpr int kMainBlocks = 2;  // AgeGenderNet builds TinyXception(2)
}  // namespace

AgeGenderNet::AgeGenderNet(const TfjsWeights& w, const std::string& what) {
  auto reduction_params = [&](const std::string& prefix) {
    return ReductionBlock{SeparableConvParams::load(w, prefix + "/separable_conv0", what),
                          SeparableConvParams::load(w, prefix + "/separable_conv1", what),
                          ConvParams::load(w, prefix + "/expansion_conv", what)};
  };
  conv_in_ = ConvParams::load(w, "entry_flow/conv_in", what);
  entry0_ = reduction_params("entry_flow/reduction_block_0");
  entry1_ = reduction_params("entry_flow/reduction_block_1");
  for (int i = 0; i < kMainBlocks; ++i) {
    const std::string prefix = "middle_flow/main_block_" + std::to_string(i);
    middle_.push_back({SeparableConvParams::load(w, prefix + "/separable_conv0", what),
                       SeparableConvParams::load(w, prefix + "/separable_conv1", what),
                       SeparableConvParams::load(w, prefix + "/separable_conv2", what)});
  }
  exit_ = reduction_params("exit_flow/reduction_block");
  exit_separable_ = SeparableConvParams::load(w, "exit_flow/separable_conv", what);
  age_ = FcParams::load(w, "fc/age", what);
  gender_ = FcParams::load(w, "fc/gender", what);
}

void AgeGenderNet::to(torch::Device device) {
  conv_in_.to(device);
  for (auto* r : {&entry0_, &entry1_, &exit_}) {
    r->separable0.to(device);
    r->separable1.to(device);
    r->expansion.to(device);
  }
  for (auto& m : middle_) {
    m.separable0.to(device);
    m.separable1.to(device);
    m.separable2.to(device);
  }
  exit_separable_.to(device);
  age_.to(device);
  gender_.to(device);
}

torch::Tensor AgeGenderNet::reduction(const torch::Tensor& x, const ReductionBlock& p, bool activate_input) const {
  auto out = activate_input ? torch::relu(x) : x;
  out = p.separable0(out, 1);
  out = p.separable1(torch::relu(out), 1);
  out = max_pool_tfjs(out, 3, 2, true);
  return out + p.expansion(x, 2);
}

torch::Tensor AgeGenderNet::main_block(const torch::Tensor& x, const MainBlock& p) const {
  auto out = p.separable0(torch::relu(x), 1);
  out = p.separable1(torch::relu(out), 1);
  out = p.separable2(torch::relu(out), 1);
  return out + x;
}

AgeGender AgeGenderNet::forward(const torch::Tensor& input) const {
  check_network_thread("face-api age/gender");
  auto out = torch::relu(conv_in_(input, 2));
  out = reduction(out, entry0_, false);
  out = reduction(out, entry1_, true);
  for (const auto& m : middle_) out = main_block(out, m);
  out = reduction(out, exit_, true);
  out = torch::relu(exit_separable_(out, 1));
  // avgPool 7×7 stride 2 'valid' over the 7×7 map → one vector per face.
  auto pooled = F::avg_pool2d(out, F::AvgPool2dFuncOptions(7).stride(2)).flatten(1);
  return {age_(pooled).view({-1}), torch::softmax(gender_(pooled), 1)};
}

}  // namespace facet::nn::faceapi
