#pragma once
// StyleGAN2 generator (config-f) in the layout of rosinality/stylegan2-pytorch — the layout of pSp, e4e,
// StyleCLIP and the Latent Transformer. Every size comes from the checkpoint's shapes.
//
// Two synthesis paths compute the same function:
//  - plain: the reference maths (grouped modulated convolutions, upfirdn2d blur); differentiable. Optimisers that
//           keep the weights frozen (embedding, text edits) take SynthesisOptions::fast_gradients instead: the fast
//           path's forward with a hand-written backward, the same function and gradients.
//  - fast:  inference only, one sample at a time, channels-last; per-sample modulated weights, or a modulated
//           input where the weights outweigh it (ModulatedConv::prepare_fast); the up-sampling convolutions as
//           four sub-pixel convolutions whose blur, demodulation, noise, bias and activation run in one pass
//           (fast_ops.h); on the CPU the last block in row bands (SynthesisOptions::band_rows).
//
// Devices: the fast path's kernels are CPU code, so on any other device (CUDA) synthesis takes the plain path,
// batched, under InferenceMode when `fast` is asked for, and autograd over it when gradients are wanted. A
// generator lives on one device (GeneratorLoadOptions::device); its weights, noise buffers and latent_avg stay
// there, inputs are moved to it once, and the image is returned on it. Reduced precision (half, bfloat16) is a
// copy of the generator with its weights cast (StyleGan2::cast), for CUDA.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/types.h>

namespace facet::nn {

enum class NoiseMode { Const, Random, Zero };  // Const: the checkpoint's noises.noise_i (randomize_noise=False)

struct SynthesisOptions {
  NoiseMode noise = NoiseMode::Const;
  uint64_t seed = 0;          // for NoiseMode::Random: sample i of a batch draws from seed + i on every path
  int64_t output_size = 0;    // 0: the model's size; else a power of two ≥ 4: the skip RGB of that block
  bool fast = true;           // fast path (inference only); false: differentiable, see fast_gradients
  // With fast = false: the gradients w.r.t. W+, the styles and the noise maps through the fast path's forward and a
  // hand-written backward (stylegan2/synthesis_grad.h) instead of autograd over the plain path, when the weights
  // need none (every parameter has requires_grad off, as while embedding); the plain path otherwise.
  bool fast_gradients = false;
  // Fast path on the CPU: the last block in row bands of this many output rows, so that its two full-size
  // activations (128 MB each at 1024²) never exist whole; 0: whole; -1: chosen from the block's size.
  int64_t band_rows = -1;
  // Plain path: activations in channels-last memory (cuDNN's NHWC kernels, which tensor cores need in half
  // precision). The same values; only the layout, and so the speed, changes.
  bool channels_last = false;
};

struct GeneratorLoadOptions {
  double lr_mlp = 0.01;  // the mapping network's learning-rate multiplier: not stored in checkpoints
  torch::Device device = torch::kCPU;
};

struct GeneratorConfig {
  int64_t size = 0, style_dim = 0, n_mlp = 0, n_latent = 0;
  std::vector<int64_t> channels;  // channels at 4, 8, 16, …, size
};

class StyleGan2 {
 public:
  // Reads a rosinality checkpoint ({"g_ema", "latent_avg"}), a pSp/e4e checkpoint ({"state_dict": "decoder.*",
  // "latent_avg"}) or a bare generator state dict. Throws facet::Error naming missing/unexpected keys and shapes.
  static std::shared_ptr<StyleGan2> load(const std::string& path, const GeneratorLoadOptions& options = {});
  // Random weights of a given shape (benchmarks and tests without downloads). channel_multiplier 2 = config-f.
  // max_channels caps the config-f channel table (512) for small test models.
  static std::shared_ptr<StyleGan2> random(int64_t size, int64_t style_dim = 512, int64_t n_mlp = 8,
                                           int64_t channel_multiplier = 2, uint64_t seed = 0,
                                           torch::Device device = torch::kCPU, int64_t max_channels = 512);

  ~StyleGan2();
  const GeneratorConfig& config() const;
  int64_t size() const { return config().size; }
  int64_t n_latent() const { return config().n_latent; }
  int64_t style_dim() const { return config().style_dim; }
  torch::Device device() const;
  // The weights' type: float32, or what cast() made.
  torch::ScalarType dtype() const;
  // The mean w ([style_dim]); from the checkpoint, or estimated from 4096 mapped z when absent.
  torch::Tensor latent_avg() const;

  // z [N, style_dim] → w [N, style_dim] (PixelNorm + the mapping MLP).
  torch::Tensor mapping(const torch::Tensor& z) const;
  // w [N, style_dim] or W+ [N, n_latent, style_dim] → W+, truncated towards latent_avg by psi.
  torch::Tensor to_wplus(const torch::Tensor& w, double psi = 1.0) const;

  // W+ [N, n_latent, style_dim] → image [N, 3, S, S] in about [-1, 1] (raw, not clamped).
  torch::Tensor synthesis(const torch::Tensor& wplus, const SynthesisOptions& options = {}) const;

  // Style space S: the modulation vectors of every modulated layer in synthesis order (conv1, to_rgb1, then per
  // block conv_up, conv, to_rgb). And the synthesis that takes them instead of W+ (StyleCLIP global directions).
  std::vector<torch::Tensor> styles(const torch::Tensor& wplus) const;
  torch::Tensor synthesis_from_styles(const std::vector<torch::Tensor>& styles, const SynthesisOptions& options = {}) const;

  // A copy of this generator with its weights, buffers and latent_avg cast to `dtype` (float16, bfloat16 or
  // float32) on the same device; this one is unchanged. Its synthesis computes in that type and returns float32
  // images. Reduced precision is for CUDA: throws facet::Error on the CPU, whose convolutions lack it.
  std::shared_ptr<StyleGan2> cast(torch::ScalarType dtype) const;

  // The module holding the parameters (rosinality key names), e.g. for requires_grad_(false) or moving.
  torch::nn::Module& module();

  struct Impl;

 private:
  explicit StyleGan2(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace facet::nn
