#pragma once
// CLIP as StyleCLIP uses it to steer a generator: text features for a prompt, and the CLIP distance of generated
// images to them. As the release's CLIPLoss: the generator image (in [-1, 1], no CLIP mean/std normalisation) is
// up-sampled ×7 (nearest) and average-pooled down to CLIP's input resolution (kernel size/32 at 224 → 7·S/224
// for other sizes; adaptive pooling when that is not an integer); the distance is 1 − cos(image, text), which
// equals the release's 1 − logits/100 for logit scale 100.
// Also the identity term L_ID = 1 − ⟨R(G(w)), R(G(w_s))⟩ with ArcFace (pSp's crop), differentiable.
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/nn/clip/clip_model.h"
#include "core/nn/clip/clip_tokenizer.h"
#include "core/nn/encoders/arcface.h"

namespace facet::edit {

class ClipGuide {
 public:
  ClipGuide(std::shared_ptr<const nn::clip::ClipModel> model, std::shared_ptr<const nn::clip::ClipTokenizer> tokenizer);

  // Unit-norm text features [N, D] of the prompts (one row each).
  torch::Tensor text_features(const std::vector<std::string>& prompts) const;
  // Prompt-template ensemble (CLIP's zero-shot recipe, used by global directions): each prompt put into every
  // template, features normalised, averaged, normalised again. Returns [D].
  torch::Tensor template_features(const std::string& prompt, const std::vector<std::string>& templates) const;
  // Generator images [N,3,S,S] in [-1,1] → [N,3,R,R] as StyleCLIP feeds them to CLIP.
  torch::Tensor pool_for_clip(const torch::Tensor& images) const;
  // Unit-norm image features of generator images (pooled as above); differentiable.
  torch::Tensor image_features(const torch::Tensor& images) const;
  // 1 − cos between each image and text_feature ([D] or [1, D]); [N]. Differentiable in the images.
  torch::Tensor distance(const torch::Tensor& images, const torch::Tensor& text_feature) const;

  const nn::clip::ClipModel& model() const { return *model_; }

 private:
  std::shared_ptr<const nn::clip::ClipModel> model_;
  std::shared_ptr<const nn::clip::ClipTokenizer> tokenizer_;
};

// The per-axis linear map of StyleCLIP's nearest ×7 up-sampling + average pooling, [resolution, size]
// (needs 7·size divisible by resolution).
torch::Tensor clip_pool_matrix(int64_t size, int64_t resolution);

// The 79 ImageNet prompt templates of StyleCLIP's global directions ("a bad photo of a {}." …).
const std::vector<std::string>& imagenet_templates();

// StyleCLIP's IDLoss on generator images: 1 − cos(ArcFace(x), ArcFace(x_ref)), averaged over the batch.
// Holds its own ArcFace network so gradients flow (nn::ArcFace runs without them).
class IdentityLoss {
 public:
  // model_ir_se50.pth; throws facet::Error naming the file.
  static std::shared_ptr<IdentityLoss> load(const std::string& path, const torch::Device& device = torch::kCPU);
  explicit IdentityLoss(nn::ArcFaceNet net);
  torch::Tensor features(const torch::Tensor& images) const;  // [N, 512], differentiable
  torch::Tensor operator()(const torch::Tensor& images, const torch::Tensor& reference_features) const;

 private:
  nn::ArcFaceNet net_;
};

// Sets requires_grad(false) on a module's parameters for a scope and restores it (gradients flow to inputs only).
class FrozenParameters {
 public:
  explicit FrozenParameters(torch::nn::Module& module);
  ~FrozenParameters();
  FrozenParameters(const FrozenParameters&) = delete;
  FrozenParameters& operator=(const FrozenParameters&) = delete;

 private:
  std::vector<std::pair<torch::Tensor, bool>> saved_;
};

}  // namespace facet::edit
