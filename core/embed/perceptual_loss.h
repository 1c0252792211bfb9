#pragma once
// The perceptual term of the embedding loss, in one of three forms depending on the models available:
//  - Lpips:       LPIPS v0.1 distance (VGG-16 trunk + learned linear layers), as the StyleGAN2 projector uses;
//  - VggFeatures: Image2StyleGAN's Σ_j ‖F_j(x) − F_j(y)‖² / N_j over VGG-16 relu1_1, relu1_2, relu3_2, relu4_2
//                 (ImageNet-normalised inputs; the paper names the conv layers, we tap their ReLU outputs);
//  - None:        no perceptual term (pixel loss alone).
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/embed/lpips.h"
#include "core/embed/vgg16_features.h"

namespace facet::embed {

enum class PerceptualKind { None, VggFeatures, Lpips };

class PerceptualLoss {
 public:
  PerceptualLoss() = default;
  explicit PerceptualLoss(Vgg16Features vgg) : kind_(PerceptualKind::VggFeatures), vgg_(std::move(vgg)) {}
  explicit PerceptualLoss(Lpips lpips) : kind_(PerceptualKind::Lpips), lpips_(std::move(lpips)) {}

  PerceptualKind kind() const { return kind_; }
  std::string describe() const;  // for logs and --json

  // Features of the target images (in [-1, 1]), computed once per embedding.
  std::vector<torch::Tensor> target_features(const torch::Tensor& target) const;
  // Scalar loss (mean over the batch) between images in [-1, 1] and the cached target features.
  torch::Tensor loss(const torch::Tensor& images, const std::vector<torch::Tensor>& target_features) const;

 private:
  PerceptualKind kind_ = PerceptualKind::None;
  Vgg16Features vgg_{nullptr};
  std::optional<Lpips> lpips_;
};

}  // namespace facet::embed
