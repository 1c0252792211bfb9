#include "core/nn/encoders/psp_encoder.h"

#include <cmath>
#include <set>

#include <torch/nn/functional/upsampling.h>
#include <torch/nn/modules/activation.h>

#include "core/io/error.h"
#include "core/nn/state_dict.h"
#include "core/nn/network_guard.h"

namespace facet::nn {

GradualStyleBlockImpl::GradualStyleBlockImpl(int64_t spatial, int64_t out_c) : out_c_(out_c) {
  const int num_pools = static_cast<int>(std::log2(static_cast<double>(spatial)));
  convs_ = torch::nn::Sequential();
  for (int i = 0; i < num_pools; ++i) {
    convs_->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(i == 0 ? 512 : out_c, out_c, 3).stride(2).padding(1)));
    convs_->push_back(torch::nn::LeakyReLU());
  }
  register_module("convs", convs_);
  auto linear = register_module("linear", std::make_shared<torch::nn::Module>());
  linear_weight_ = linear->register_parameter("weight", torch::zeros({out_c, out_c}));
  linear_bias_ = linear->register_parameter("bias", torch::zeros({out_c}));
}

torch::Tensor GradualStyleBlockImpl::forward(const torch::Tensor& x) {
  // Reference: x.view(-1, out_c) — the convolutions end at 1x1 for the input sizes the encoders accept.
  auto h = convs_->forward(x).reshape({-1, out_c_});
  return torch::nn::functional::linear(h, linear_weight_ * (1.0 / std::sqrt(static_cast<double>(out_c_))),
                                       linear_bias_);
}

torch::Tensor upsample_add(const torch::Tensor& x, const torch::Tensor& y) {
  namespace F = torch::nn::functional;
  return F::interpolate(x, F::InterpolateFuncOptions()
                               .size(std::vector<int64_t>{y.size(2), y.size(3)})
                               .mode(torch::kBilinear)
                               .align_corners(true)) +
         y;
}

namespace {
constexpr int64_t kCoarseEnd = 3;
constexpr int64_t kMiddleEnd = 7;
}  // namespace

GradualStyleEncoderImpl::GradualStyleEncoderImpl(int64_t n_styles, EncoderKind kind, int64_t style_dim)
    : kind_(kind), style_dim_(style_dim) {
  trunk_.register_on(*this);
  auto styles = register_module("styles", torch::nn::ModuleList());
  for (int64_t i = 0; i < n_styles; ++i) {
    styles_.push_back(GradualStyleBlock(i < kCoarseEnd ? 16 : i < kMiddleEnd ? 32 : 64, style_dim));
    styles->push_back(styles_.back());
  }
  latlayer1_ = register_module("latlayer1", torch::nn::Conv2d(torch::nn::Conv2dOptions(256, 512, 1)));
  latlayer2_ = register_module("latlayer2", torch::nn::Conv2d(torch::nn::Conv2dOptions(128, 512, 1)));
}

torch::Tensor GradualStyleEncoderImpl::forward(const torch::Tensor& input) {
  check_network_thread("pSp/e4e encoder");
  auto x = trunk_.input_layer->forward(input);
  torch::Tensor c1, c2, c3;
  for (size_t i = 0; i < trunk_.units.size(); ++i) {
    x = trunk_.units[i]->forward(x);
    if (i == 6) c1 = x;
    else if (i == 20) c2 = x;
    else if (i == 23) c3 = x;
  }
  const int64_t n = n_styles();
  std::vector<torch::Tensor> latents;
  torch::Tensor features = c3, p2;
  if (kind_ == EncoderKind::Psp) {
    for (int64_t j = 0; j < n; ++j) {
      if (j == kCoarseEnd) features = p2 = upsample_add(c3, latlayer1_->forward(c2));
      else if (j == kMiddleEnd) features = upsample_add(p2, latlayer2_->forward(c1));
      latents.push_back(styles_[j]->forward(features));
    }
    return torch::stack(latents, 1);
  }
  // e4e: w0 for every layer, plus a delta per layer from the same FPN level pSp uses for it.
  const auto w0 = styles_[0]->forward(c3);
  latents.push_back(w0);
  for (int64_t j = 1; j < n; ++j) {
    if (j == kCoarseEnd) features = p2 = upsample_add(c3, latlayer1_->forward(c2));
    else if (j == kMiddleEnd) features = upsample_add(p2, latlayer2_->forward(c1));
    latents.push_back(w0 + styles_[j]->forward(features));
  }
  return torch::stack(latents, 1);
}

int64_t count_style_blocks(const io::TensorMap& encoder_tensors) {
  std::set<int64_t> blocks;
  for (const auto& [key, tensor] : encoder_tensors) {
    if (key.rfind("styles.", 0) != 0) continue;
    const auto end = key.find('.', 7);
    try {
      blocks.insert(std::stoll(key.substr(7, end - 7)));
    } catch (const std::exception&) {
    }
  }
  return static_cast<int64_t>(blocks.size());
}

PspEncoder PspEncoder::from_tensors(const io::TensorMap& encoder_tensors, const torch::Tensor& latent_avg,
                                    const Options& options, const std::string& what, const torch::Device& device) {
  const int64_t n_styles = count_style_blocks(encoder_tensors);
  if (n_styles < 1)
    throw Error(what + ": no encoder.styles.N weights; is this a pSp or e4e encoder checkpoint "
                       "(psp_ffhq_encode.pt / e4e_ffhq_encode.pt)?");
  // The code width: 512 in the released models; a smaller generator's encoder has narrower style blocks.
  int64_t style_dim = 512;
  if (const auto it = encoder_tensors.find("styles.0.linear.weight");
      it != encoder_tensors.end() && it->second.dim() == 2 && it->second.size(0) > 0)
    style_dim = it->second.size(0);
  PspEncoder encoder;
  encoder.options_ = options;
  encoder.net_ = GradualStyleEncoder(n_styles, options.kind, style_dim);
  StateDictOptions sd;
  sd.allow_missing = [](const std::string& key) { return key.find("num_batches_tracked") != std::string::npos; };
  sd.ignore_unexpected = sd.allow_missing;
  load_state_dict(*encoder.net_, encoder_tensors, what, "pSp/e4e encoder", sd);
  if (options.add_latent_avg) {
    if (!latent_avg.defined())
      throw Error(what + ": the checkpoint has no latent_avg, which this encoder adds to its codes");
    auto avg = latent_avg.to(torch::kFloat);
    if (avg.dim() == 2 && avg.size(0) == 1) avg = avg.squeeze(0);
    const bool ok = (avg.dim() == 1 && avg.size(0) == style_dim) ||
                    (avg.dim() == 2 && avg.size(0) == n_styles && avg.size(1) == style_dim);
    const std::string d = std::to_string(style_dim);
    if (!ok) throw Error(what + ": latent_avg has shape " + c10::str(avg.sizes()) + ", expected [" + d + "] or [" +
                         std::to_string(n_styles) + "," + d + "]");
    encoder.latent_avg_ = (avg.dim() == 1 ? avg.view({1, 1, style_dim}) : avg.unsqueeze(0)).to(device);
  }
  encoder.net_->eval();
  encoder.net_->to(device);
  encoder.device_ = device;
  return encoder;
}

torch::Tensor PspEncoder::encode(const torch::Tensor& aligned) const {
  // The style blocks pool 16x (coarse) down to one pixel only for square inputs of 64..256 pixels.
  if (aligned.dim() != 4 || aligned.size(1) != 3 || aligned.size(2) != aligned.size(3) || aligned.size(2) % 32 != 0 ||
      aligned.size(2) < 64 || aligned.size(2) > 256)
    throw Error("encoder: expected aligned faces [N,3,S,S] with S = 64..256, a multiple of 32 (resize to 256 first)");
  torch::NoGradGuard no_grad;
  auto codes = net_.ptr()->forward(aligned.to(device_, torch::kFloat));
  if (latent_avg_.defined()) codes = codes + latent_avg_;
  return codes;
}

}  // namespace facet::nn
