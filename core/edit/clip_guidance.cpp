#include "core/edit/clip_guidance.h"

#include <torch/nn/functional/pooling.h>
#include <torch/nn/functional/upsampling.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/state_dict.h"

namespace facet::edit {

ClipGuide::ClipGuide(std::shared_ptr<const nn::clip::ClipModel> model,
                     std::shared_ptr<const nn::clip::ClipTokenizer> tokenizer)
    : model_(std::move(model)), tokenizer_(std::move(tokenizer)) {
  if (!model_ || !tokenizer_) throw Error("text edits need both a CLIP model and its vocabulary");
}

torch::Tensor ClipGuide::text_features(const std::vector<std::string>& prompts) const {
  torch::NoGradGuard no_grad;
  const auto tokens = tokenizer_->tokenize(prompts, model_->context_length(), true);
  const auto f = model_->encode_text(tokens);
  return f / f.norm(2, -1, true);
}

torch::Tensor ClipGuide::template_features(const std::string& prompt, const std::vector<std::string>& templates) const {
  std::vector<std::string> texts;
  for (const auto& t : templates) {
    const auto at = t.find("{}");
    texts.push_back(at == std::string::npos ? t : t.substr(0, at) + prompt + t.substr(at + 2));
  }
  if (texts.empty()) texts.push_back(prompt);
  auto mean = text_features(texts).mean(0);
  return mean / mean.norm();
}

torch::Tensor clip_pool_matrix(int64_t size, int64_t resolution) {
  // Nearest ×7 then a k×k average (k = 7·size/resolution) is, per axis, a fixed linear map from `size` source
  // pixels to `resolution` outputs: output i averages up-sampled pixels [i·k, (i+1)·k), each of which is source
  // pixel ⌊u/7⌋. Applying it as A·x·Aᵀ gives the release's numbers without the 49× larger intermediate.
  const int64_t k = 7 * size / resolution;
  auto a = torch::zeros({resolution, size}, torch::kFloat64);
  auto acc = a.accessor<double, 2>();
  for (int64_t i = 0; i < resolution; ++i)
    for (int64_t u = i * k; u < (i + 1) * k; ++u) acc[i][u / 7] += 1.0 / static_cast<double>(k);
  return a.to(torch::kFloat32);
}

torch::Tensor ClipGuide::pool_for_clip(const torch::Tensor& images) const {
  namespace F = torch::nn::functional;
  const int64_t r = model_->input_resolution();
  const int64_t s = images.size(2);
  if (images.size(3) == s && (7 * s) % r == 0) {
    const auto a = clip_pool_matrix(s, r).to(images.device());
    return torch::matmul(torch::matmul(a, images), a.t());
  }
  auto up = F::interpolate(images, F::InterpolateFuncOptions().scale_factor(std::vector<double>{7.0, 7.0}).mode(torch::kNearest));
  return F::adaptive_avg_pool2d(up, F::AdaptiveAvgPool2dFuncOptions({r, r}));
}

torch::Tensor ClipGuide::image_features(const torch::Tensor& images) const {
  const auto f = model_->encode_image(pool_for_clip(images.to(model_->device())));
  return f / f.norm(2, -1, true);
}

torch::Tensor ClipGuide::distance(const torch::Tensor& images, const torch::Tensor& text_feature) const {
  const auto t = text_feature.reshape({1, -1}).to(model_->device());
  return 1 - (image_features(images) * t).sum(-1);
}

const std::vector<std::string>& imagenet_templates() {
  static const std::vector<std::string> templates = {
      "a bad photo of a {}.", "a sculpture of a {}.", "a photo of the hard to see {}.",
      "a low resolution photo of the {}.", "a rendering of a {}.", "graffiti of a {}.", "a bad photo of the {}.",
      "a cropped photo of the {}.", "a tattoo of a {}.", "the embroidered {}.", "a photo of a hard to see {}.",
      "a bright photo of a {}.", "a photo of a clean {}.", "a photo of a dirty {}.", "a dark photo of the {}.",
      "a drawing of a {}.", "a photo of my {}.", "the plastic {}.", "a photo of the cool {}.",
      "a close-up photo of a {}.", "a black and white photo of the {}.", "a painting of the {}.",
      "a painting of a {}.", "a pixelated photo of the {}.", "a sculpture of the {}.", "a bright photo of the {}.",
      "a cropped photo of a {}.", "a plastic {}.", "a photo of the dirty {}.", "a jpeg corrupted photo of a {}.",
      "a blurry photo of the {}.", "a photo of the {}.", "a good photo of the {}.", "a rendering of the {}.",
      "a {} in a video game.", "a photo of one {}.", "a doodle of a {}.", "a close-up photo of the {}.",
      "a photo of a {}.", "the origami {}.", "the {} in a video game.", "a sketch of a {}.", "a doodle of the {}.",
      "a origami {}.", "a low resolution photo of a {}.", "the toy {}.", "a rendition of the {}.",
      "a photo of the clean {}.", "a photo of a large {}.", "a rendition of a {}.", "a photo of a nice {}.",
      "a photo of a weird {}.", "a blurry photo of a {}.", "a cartoon {}.", "art of a {}.", "a sketch of the {}.",
      "a embroidered {}.", "a pixelated photo of a {}.", "itap of the {}.", "a jpeg corrupted photo of the {}.",
      "a good photo of a {}.", "a plushie {}.", "a photo of the nice {}.", "a photo of the small {}.",
      "a photo of the weird {}.", "the cartoon {}.", "art of the {}.", "a drawing of the {}.",
      "a photo of the large {}.", "a black and white photo of a {}.", "the plushie {}.", "a dark photo of a {}.",
      "itap of a {}.", "graffiti of the {}.", "a toy {}.", "itap of my {}.", "a photo of a cool {}.",
      "a photo of a small {}.", "a tattoo of the {}.",
  };
  return templates;
}

std::shared_ptr<IdentityLoss> IdentityLoss::load(const std::string& path, const torch::Device& device) {
  const auto tensors = io::load_checkpoint(path).tensors_with_prefix();
  nn::ArcFaceNet net;
  nn::StateDictOptions options;
  options.allow_missing = [](const std::string& key) { return key.find("num_batches_tracked") != std::string::npos; };
  options.ignore_unexpected = options.allow_missing;
  nn::load_state_dict(*net, tensors, path, "ArcFace IR-SE50 (model_ir_se50.pth)", options);
  net->to(device);
  return std::make_shared<IdentityLoss>(net);
}

IdentityLoss::IdentityLoss(nn::ArcFaceNet net) : net_(std::move(net)) {
  net_->eval();
  for (auto& p : net_->parameters()) p.requires_grad_(false);
}

torch::Tensor IdentityLoss::features(const torch::Tensor& images) const {
  auto device = net_->parameters().front().device();
  return net_.ptr()->forward(nn::arcface_crop(images.to(device, torch::kFloat32)));
}

torch::Tensor IdentityLoss::operator()(const torch::Tensor& images, const torch::Tensor& reference_features) const {
  return (1 - (features(images) * reference_features.to(images.device())).sum(-1)).mean();
}

FrozenParameters::FrozenParameters(torch::nn::Module& module) {
  for (auto& p : module.parameters()) {
    saved_.emplace_back(p, p.requires_grad());
    p.requires_grad_(false);
  }
}

FrozenParameters::~FrozenParameters() {
  for (auto& [p, flag] : saved_) p.requires_grad_(flag);
}

}  // namespace facet::edit
