#pragma once
// ArcFace identity features: InsightFace IR-SE50 Backbone(112, 50, 'ir_se') as used by pSp's IDLoss
// (model_ir_se50.pth: input_layer.*, body.N.*, output_layer.{0,3,4}.*). Output: [N,512], l2-normalised.
#include <string>

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/linear.h>

#include "core/io/checkpoint.h"
#include "core/nn/encoders/ir_se.h"

namespace facet::nn {

class ArcFaceNetImpl : public torch::nn::Module {
 public:
  ArcFaceNetImpl();
  // The backbone on 112x112 faces in [-1, 1] (NCHW); returns l2-normalised [N,512].
  torch::Tensor forward(const torch::Tensor& face112);
  torch::nn::BatchNorm2d output_bn2d{nullptr};
  torch::nn::Linear output_linear{nullptr};
  torch::nn::BatchNorm1d output_bn1d{nullptr};

 private:
  encoders::IrSe50Trunk trunk_;
};
TORCH_MODULE(ArcFaceNet);

// pSp IDLoss's crop of an aligned FFHQ-style face: resize to 256² if needed (adaptive average pool), keep rows
// 35:223 and columns 32:220, then adaptive-average-pool to 112². Input and output NCHW.
torch::Tensor arcface_crop(const torch::Tensor& aligned);

class ArcFace {
 public:
  // Reads model_ir_se50.pth (a plain state dict). Throws facet::Error naming the file when it is not one.
  static ArcFace load(const std::string& path, const torch::Device& device = torch::kCPU);
  // From tensors already read (keys without prefix); `what` names the source in messages.
  static ArcFace from_tensors(const io::TensorMap& tensors, const std::string& what,
                              const torch::Device& device = torch::kCPU);
  // Identity features of aligned faces (NCHW in [-1, 1], 256² FFHQ alignment): arcface_crop then the backbone.
  torch::Tensor features(const torch::Tensor& aligned) const;
  // The backbone alone on 112² crops.
  torch::Tensor features112(const torch::Tensor& face112) const;

 private:
  ArcFaceNet net_{nullptr};
  torch::Device device_ = torch::kCPU;
};

}  // namespace facet::nn
