#pragma once
// VGG-16's convolutional trunk in torchvision's layout (`features.N.weight/bias`, N the index in
// torchvision.models.vgg16().features), returning the ReLU activations that Image2StyleGAN's perceptual loss
// (relu1_1, relu1_2, relu3_2, relu4_2) and LPIPS (relu1_2, relu2_2, relu3_3, relu4_3, relu5_3) compare.
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

#include "core/io/checkpoint.h"

namespace facet::embed {

// Indices into torchvision's vgg16().features of the ReLU whose output is tapped.
namespace vgg_taps {
inline const std::vector<int> kImage2StyleGan = {1, 3, 13, 20};   // relu1_1, relu1_2, relu3_2, relu4_2
inline const std::vector<int> kLpips = {3, 8, 15, 22, 29};        // relu1_2, relu2_2, relu3_3, relu4_3, relu5_3
}  // namespace vgg_taps

class Vgg16FeaturesImpl : public torch::nn::Module {
 public:
  Vgg16FeaturesImpl();
  // x: [N, 3, H, W], already normalised for the network (see imagenet_normalise). Returns the outputs of the
  // ReLUs at `taps` (ascending indices of features), stopping after the last one.
  std::vector<torch::Tensor> forward(const torch::Tensor& x, const std::vector<int>& taps) const;

 private:
  std::vector<torch::nn::Conv2d> convs_;  // in features order, registered as features.N
};
TORCH_MODULE(Vgg16Features);

// Images in [-1, 1] → [0, 1] → (x − mean) / std with the ImageNet statistics torchvision's checkpoint expects.
torch::Tensor imagenet_normalise(const torch::Tensor& x);

// Accepts torchvision's vgg16 state dict (vgg16-397923af.pth: features.* and classifier.*, the classifier is
// ignored), a bare `features` state dict ("0.weight", …) or a full lpips.LPIPS state dict ("net.sliceK.N.*").
// Throws facet::Error naming the file (`what`) when the convolution weights are missing or mis-shaped.
Vgg16Features vgg16_from_tensors(const io::TensorMap& tensors, const std::string& what);
Vgg16Features load_vgg16(const std::string& path, const torch::Device& device = torch::kCPU);

}  // namespace facet::embed
