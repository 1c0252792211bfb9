#pragma once
// pSp GradualStyleEncoder (pixel2style2pixel) and e4e Encoder4Editing (encoder4editing): an IR-SE50 trunk,
// an FPN over body units 6 / 20 / 23, and one GradualStyleBlock per W+ layer (coarse < 3 <= middle < 7 <= fine).
// pSp maps every layer independently; e4e predicts one w from styles[0] and adds a delta per layer (inference
// stage: all deltas). Keys: "encoder.*" inside "state_dict" of psp_ffhq_encode.pt / e4e_ffhq_encode.pt.
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>

#include "core/io/checkpoint.h"
#include "core/nn/encoders/ir_se.h"

namespace facet::nn {

enum class EncoderKind { Psp, E4e };

// map2style: log2(spatial) stride-2 conv3x3 + LeakyReLU(0.01) (512 -> out_c, then out_c -> out_c), then an
// EqualLinear out_c -> out_c (weight / sqrt(out_c)). The released models use out_c = 512, the generator's style
// size; the reference's block takes out_c as a parameter, and a smaller generator needs a smaller one.
class GradualStyleBlockImpl : public torch::nn::Module {
 public:
  explicit GradualStyleBlockImpl(int64_t spatial, int64_t out_c = 512);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  int64_t out_c_;
  torch::nn::Sequential convs_{nullptr};
  torch::Tensor linear_weight_, linear_bias_;
};
TORCH_MODULE(GradualStyleBlock);

class GradualStyleEncoderImpl : public torch::nn::Module {
 public:
  // style_dim: the width of each code (512 for the released FFHQ models; the generator's style size).
  GradualStyleEncoderImpl(int64_t n_styles, EncoderKind kind, int64_t style_dim = 512);
  // x: [N,3,H,W] in [-1, 1] (256² for the released models); returns codes [N,n_styles,style_dim] before latent_avg.
  torch::Tensor forward(const torch::Tensor& x);
  int64_t n_styles() const { return static_cast<int64_t>(styles_.size()); }
  int64_t style_dim() const { return style_dim_; }

 private:
  EncoderKind kind_;
  int64_t style_dim_;
  encoders::IrSe50Trunk trunk_;
  std::vector<GradualStyleBlock> styles_;
  torch::nn::Conv2d latlayer1_{nullptr}, latlayer2_{nullptr};
};
TORCH_MODULE(GradualStyleEncoder);

// Bilinear (align_corners) upsampling of x to y's size, plus y: the FPN merge of both references.
torch::Tensor upsample_add(const torch::Tensor& x, const torch::Tensor& y);

class PspEncoder {
 public:
  struct Options {
    EncoderKind kind = EncoderKind::Psp;
    // Add latent_avg to the codes (opts.start_from_latent_avg in the checkpoint; true for the FFHQ models).
    bool add_latent_avg = true;
  };
  // Reads psp_ffhq_encode.pt or e4e_ffhq_encode.pt: the kind from opts.encoder_type, n_styles from the number of
  // "encoder.styles.N" blocks, the code width from styles.0.linear.weight, latent_avg from the file. Throws
  // facet::Error naming the file otherwise.
  static PspEncoder load(const std::string& path, const torch::Device& device = torch::kCPU);
  // From the encoder's tensors (keys without "encoder."), and latent_avg ([D] or [n_styles,D]; undefined
  // when absent, which is an error if options.add_latent_avg).
  static PspEncoder from_tensors(const io::TensorMap& encoder_tensors, const torch::Tensor& latent_avg,
                                 const Options& options, const std::string& what,
                                 const torch::Device& device = torch::kCPU);
  // Aligned faces NCHW in [-1, 1] (256² for the released models) -> W+ [N,n_styles,style_dim] (512 released).
  torch::Tensor encode(const torch::Tensor& aligned) const;
  int64_t n_styles() const { return net_->n_styles(); }
  int64_t style_dim() const { return net_->style_dim(); }
  EncoderKind kind() const { return options_.kind; }

 private:
  GradualStyleEncoder net_{nullptr};
  torch::Tensor latent_avg_;
  Options options_;
  torch::Device device_ = torch::kCPU;
};

// Counts the "styles.N." blocks among encoder tensors (keys without "encoder.").
int64_t count_style_blocks(const io::TensorMap& encoder_tensors);

}  // namespace facet::nn
