#include "core/embed/lpips.h"

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/log.h"

namespace facet::embed {

namespace {
const std::vector<int64_t> kLpipsChannels = {64, 128, 256, 512, 512};

std::string shape_of(const torch::Tensor& t) {
  std::string s = "[";
  for (int64_t i = 0; i < t.dim(); ++i) s += (i ? "," : "") + std::to_string(t.size(i));
  return s + "]";
}
}  // namespace

torch::Tensor lpips_scale(const torch::Tensor& x) {
  const auto opts = x.options();
  const auto shift = torch::tensor({-0.030, -0.088, -0.188}, opts).view({1, 3, 1, 1});
  const auto scale = torch::tensor({0.458, 0.448, 0.450}, opts).view({1, 3, 1, 1});
  return (x - shift) / scale;
}

Lpips::Lpips(Vgg16Features vgg, std::vector<torch::Tensor> lin_weights) : vgg_(std::move(vgg)) {
  if (lin_weights.size() != kLpipsChannels.size()) throw Error("LPIPS needs five linear layers (lin0..lin4)");
  const auto device = vgg_->parameters().front().device();
  for (size_t i = 0; i < lin_weights.size(); ++i) {
    const auto& w = lin_weights[i];
    if (!w.defined() || w.dim() != 4 || w.size(0) != 1 || w.size(1) != kLpipsChannels[i] || w.size(2) != 1 ||
        w.size(3) != 1)
      throw Error("LPIPS lin" + std::to_string(i) + " must be [1," + std::to_string(kLpipsChannels[i]) +
                  ",1,1], got " + (w.defined() ? shape_of(w) : "nothing"));
    lin_.push_back(w.detach().to(device, torch::kFloat32));
  }
}

std::vector<torch::Tensor> Lpips::lin_from_tensors(const io::TensorMap& tensors, const std::string& what) {
  std::vector<torch::Tensor> lin;
  std::string missing;
  for (int i = 0; i < 5; ++i) {
    const std::string key = "lin" + std::to_string(i) + ".model.1.weight";
    auto it = tensors.find(key);
    if (it == tensors.end()) it = tensors.find("module." + key);
    if (it == tensors.end()) {
      missing += (missing.empty() ? "" : ", ") + key;
      continue;
    }
    lin.push_back(it->second);
  }
  if (!missing.empty())
    throw Error(what + ": missing keys: " + missing + "; is this LPIPS v0.1 vgg.pth (richzhang/PerceptualSimilarity)?");
  return lin;
}

Lpips Lpips::load(const std::string& vgg_path, const std::string& lin_path, const torch::Device& device) {
  auto vgg = load_vgg16(vgg_path, device);
  const auto ckpt = io::load_checkpoint(lin_path);
  Lpips lpips(vgg, lin_from_tensors(ckpt.tensors_with_prefix(""), lin_path));
  log::get("embed")->info("loaded LPIPS linear layers from {}", lin_path);
  return lpips;
}

std::vector<torch::Tensor> Lpips::features(const torch::Tensor& images) const {
  auto feats = vgg_->forward(lpips_scale(images), vgg_taps::kLpips);
  for (auto& f : feats) f = f / (torch::sqrt(f.pow(2).sum(1, /*keepdim=*/true)) + 1e-10);
  return feats;
}

torch::Tensor Lpips::distance_from_features(const std::vector<torch::Tensor>& a,
                                            const std::vector<torch::Tensor>& b) const {
  if (a.size() != lin_.size() || b.size() != lin_.size()) throw Error("LPIPS: expected five feature maps per input");
  torch::Tensor total;
  for (size_t i = 0; i < lin_.size(); ++i) {
    const auto d = torch::conv2d((a[i] - b[i]).pow(2), lin_[i]).mean({1, 2, 3});
    total = total.defined() ? total + d : d;
  }
  return total;
}

torch::Tensor Lpips::distance(const torch::Tensor& x, const torch::Tensor& y) const {
  return distance_from_features(features(x), features(y));
}

}  // namespace facet::embed
