#include "core/embed/vgg16_features.h"

#include <algorithm>
#include <cctype>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/log.h"
#include "core/nn/state_dict.h"
#include "core/nn/network_guard.h"

namespace facet::embed {

namespace {
// torchvision's cfg "D": (features index, in, out) of each 3×3 convolution; max-pools sit at 4, 9, 16, 23, 30.
struct ConvSpec {
  int index;
  int64_t in, out;
};
const std::vector<ConvSpec>& conv_specs() {
  static const std::vector<ConvSpec> specs = {{0, 3, 64},     {2, 64, 64},    {5, 64, 128},   {7, 128, 128},
                                              {10, 128, 256}, {12, 256, 256}, {14, 256, 256}, {17, 256, 512},
                                              {19, 512, 512}, {21, 512, 512}, {24, 512, 512}, {26, 512, 512},
                                              {28, 512, 512}};
  return specs;
}
bool is_pool(int index) { return index == 4 || index == 9 || index == 16 || index == 23; }

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
}  // namespace

Vgg16FeaturesImpl::Vgg16FeaturesImpl() {
  auto features = register_module("features", std::make_shared<torch::nn::Module>());
  for (const auto& c : conv_specs())
    convs_.push_back(features->register_module(
        std::to_string(c.index), torch::nn::Conv2d(torch::nn::Conv2dOptions(c.in, c.out, 3).padding(1))));
}

std::vector<torch::Tensor> Vgg16FeaturesImpl::forward(const torch::Tensor& x, const std::vector<int>& taps) const {
  nn::check_network_thread("VGG-16");
  if (x.dim() != 4 || x.size(1) != 3) throw Error("VGG-16 expects [N, 3, H, W] images");
  if (taps.empty()) return {};
  std::vector<torch::Tensor> out;
  const int last = *std::max_element(taps.begin(), taps.end());
  torch::Tensor h = x;
  for (size_t i = 0; i < convs_.size(); ++i) {
    const auto& c = conv_specs()[i];
    if (c.index > last) break;
    if (c.index > 0 && is_pool(c.index - 1)) h = torch::max_pool2d(h, 2, 2);
    h = torch::relu(torch::conv2d(h, convs_[i]->weight, convs_[i]->bias, 1, 1));
    if (std::find(taps.begin(), taps.end(), c.index + 1) != taps.end()) out.push_back(h);
  }
  if (out.size() != taps.size()) throw Error("VGG-16 taps must be ReLU indices of vgg16().features (1, 3, … 29)");
  return out;
}

torch::Tensor imagenet_normalise(const torch::Tensor& x) {
  const auto opts = x.options();
  const auto mean = torch::tensor({0.485, 0.456, 0.406}, opts).view({1, 3, 1, 1});
  const auto std = torch::tensor({0.229, 0.224, 0.225}, opts).view({1, 3, 1, 1});
  return ((x + 1) * 0.5 - mean) / std;
}

Vgg16Features vgg16_from_tensors(const io::TensorMap& tensors, const std::string& what) {
  io::TensorMap features;
  for (const auto& [key, value] : tensors) {
    std::string k = key;
    if (starts_with(k, "module.")) k = k.substr(7);
    if (starts_with(k, "net.slice")) {  // lpips.LPIPS: net.slice1.0.weight keeps the features index
      const auto dot = k.find('.', 9);
      if (dot == std::string::npos) continue;
      k = "features." + k.substr(dot + 1);
    } else if (!k.empty() && std::isdigit(static_cast<unsigned char>(k[0]))) {
      k = "features." + k;
    }
    if (starts_with(k, "features.")) features[k] = value;
  }
  if (features.empty())
    throw Error(what + ": no VGG-16 convolution weights (features.N.weight); expected torchvision's "
                       "vgg16-397923af.pth");
  Vgg16Features net;
  nn::load_state_dict(*net, features, what, "torchvision VGG-16");
  net->eval();
  for (auto& p : net->parameters()) p.requires_grad_(false);
  return net;
}

Vgg16Features load_vgg16(const std::string& path, const torch::Device& device) {
  const auto ckpt = io::load_checkpoint(path);
  const std::string prefix = ckpt.find("state_dict") ? "state_dict." : "";
  auto net = vgg16_from_tensors(ckpt.tensors_with_prefix(prefix), path);
  net->to(device);
  log::get("embed")->info("loaded VGG-16 features from {}", path);
  return net;
}

}  // namespace facet::embed
