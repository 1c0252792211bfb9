#pragma once
// LPIPS v0.1 with the VGG-16 trunk (Zhang et al., CVPR 2018; the `lpips` package, weights/v0.1/vgg.pth):
//   x, y in [-1, 1] → ScalingLayer ((x − shift) / scale) → VGG-16 relu1_2 … relu5_3 → unit-normalise each
//   position's channel vector (eps 1e-10 added to the norm) → squared difference → 1×1 conv to one channel
//   (lin0..lin4, no bias) → spatial mean → sum over the five layers. One distance per image pair.
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/embed/vgg16_features.h"

namespace facet::embed {

class Lpips {
 public:
  // lin_weights: the five [1, C, 1, 1] tensors of vgg.pth (`linK.model.1.weight`); checked against the trunk.
  Lpips(Vgg16Features vgg, std::vector<torch::Tensor> lin_weights);
  // vgg.pth holds only the linear layers; the trunk comes from torchvision's VGG-16 checkpoint (as the package
  // does). A full lpips.LPIPS state dict (net.slice*, lin*) may be given as both files.
  static Lpips load(const std::string& vgg_path, const std::string& lin_path, const torch::Device& device = torch::kCPU);
  // The lin layers from a vgg.pth-like map (`what` names it in messages).
  static std::vector<torch::Tensor> lin_from_tensors(const io::TensorMap& tensors, const std::string& what);

  // The unit-normalised features of images in [-1, 1] (cache a target's with this).
  std::vector<torch::Tensor> features(const torch::Tensor& images) const;
  // [N] distances between normalised features of two batches.
  torch::Tensor distance_from_features(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) const;
  // [N] distances between images in [-1, 1].
  torch::Tensor distance(const torch::Tensor& x, const torch::Tensor& y) const;

  const Vgg16Features& vgg() const { return vgg_; }

 private:
  Vgg16Features vgg_;
  std::vector<torch::Tensor> lin_;
};

// LPIPS's ScalingLayer: (x − shift) / scale with its published constants (inputs in [-1, 1]).
torch::Tensor lpips_scale(const torch::Tensor& x);

}  // namespace facet::embed
