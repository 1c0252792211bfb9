#include "core/embed/perceptual_loss.h"

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::embed {

std::string PerceptualLoss::describe() const {
  switch (kind_) {
    case PerceptualKind::Lpips: return "LPIPS v0.1 (VGG-16)";
    case PerceptualKind::VggFeatures: return "VGG-16 features (relu1_1, relu1_2, relu3_2, relu4_2)";
    case PerceptualKind::None: break;
  }
  return "none (pixel loss only)";
}

std::vector<torch::Tensor> PerceptualLoss::target_features(const torch::Tensor& target) const {
  torch::NoGradGuard no_grad;
  switch (kind_) {
    case PerceptualKind::Lpips: return lpips_->features(target);
    case PerceptualKind::VggFeatures: return vgg_->forward(imagenet_normalise(target), vgg_taps::kImage2StyleGan);
    case PerceptualKind::None: break;
  }
  return {};
}

torch::Tensor PerceptualLoss::loss(const torch::Tensor& images, const std::vector<torch::Tensor>& target) const {
  switch (kind_) {
    case PerceptualKind::Lpips: return lpips_->distance_from_features(lpips_->features(images), target).mean();
    case PerceptualKind::VggFeatures: {
      const auto feats = vgg_->forward(imagenet_normalise(images), vgg_taps::kImage2StyleGan);
      if (feats.size() != target.size()) throw Error("perceptual loss: target features do not match");
      torch::Tensor total = torch::zeros({}, images.options());
      for (size_t j = 0; j < feats.size(); ++j) total = total + (feats[j] - target[j]).pow(2).mean();
      return total;
    }
    case PerceptualKind::None: break;
  }
  return torch::zeros({}, images.options());
}

}  // namespace facet::embed
