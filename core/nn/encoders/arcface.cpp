#include "core/nn/encoders/arcface.h"


#include "core/io/error.h"
#include "core/nn/state_dict.h"
#include "core/nn/network_guard.h"

namespace facet::nn {

ArcFaceNetImpl::ArcFaceNetImpl() {
  trunk_.register_on(*this);
  // output_layer = Sequential(BN2d, Dropout, Flatten, Linear, BN1d(affine=False in IR_SE_50, True in
  // Backbone(112, 50, 'ir_se') which pSp uses)); indices 1 and 2 carry no parameters.
  output_bn2d = torch::nn::BatchNorm2d(512);
  output_linear = torch::nn::Linear(512 * 7 * 7, 512);
  output_bn1d = torch::nn::BatchNorm1d(512);
  auto output_layer = register_module("output_layer", std::make_shared<torch::nn::Module>());
  output_layer->register_module("0", output_bn2d);
  output_layer->register_module("3", output_linear);
  output_layer->register_module("4", output_bn1d);
}

torch::Tensor ArcFaceNetImpl::forward(const torch::Tensor& face112) {
  check_network_thread("ArcFace");
  auto x = trunk_.input_layer->forward(face112);
  for (auto& unit : trunk_.units) x = unit->forward(x);
  x = output_bn2d->forward(x).flatten(1);  // Dropout is the identity in eval mode
  x = output_bn1d->forward(output_linear->forward(x));
  return x / x.norm(2, 1, true);
}

torch::Tensor arcface_crop(const torch::Tensor& aligned) {
  if (aligned.dim() != 4) throw Error("ArcFace: expected an NCHW image batch, got " + std::to_string(aligned.dim()) + " dims");
  torch::Tensor x = aligned;
  if (x.size(2) != 256 || x.size(3) != 256) x = torch::adaptive_avg_pool2d(x, {256, 256});
  x = x.slice(2, 35, 223).slice(3, 32, 220);
  return torch::adaptive_avg_pool2d(x, {112, 112});
}

ArcFace ArcFace::from_tensors(const io::TensorMap& tensors, const std::string& what, const torch::Device& device) {
  ArcFace face;
  face.net_ = ArcFaceNet();
  StateDictOptions options;
  options.allow_missing = [](const std::string& key) { return key.find("num_batches_tracked") != std::string::npos; };
  options.ignore_unexpected = options.allow_missing;
  load_state_dict(*face.net_, tensors, what, "ArcFace IR-SE50 (model_ir_se50.pth)", options);
  face.net_->eval();
  face.net_->to(device);
  face.device_ = device;
  return face;
}

torch::Tensor ArcFace::features112(const torch::Tensor& face112) const {
  if (face112.dim() != 4 || face112.size(1) != 3 || face112.size(2) != 112 || face112.size(3) != 112)
    throw Error("ArcFace: expected faces of shape [N,3,112,112]");
  torch::NoGradGuard no_grad;
  return net_.ptr()->forward(face112.to(device_, torch::kFloat));
}

torch::Tensor ArcFace::features(const torch::Tensor& aligned) const {
  if (aligned.dim() != 4 || aligned.size(1) != 3) throw Error("ArcFace: expected aligned faces of shape [N,3,H,W]");
  torch::NoGradGuard no_grad;
  return features112(arcface_crop(aligned.to(device_, torch::kFloat)));
}

}  // namespace facet::nn
