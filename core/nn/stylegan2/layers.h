#pragma once
// The building blocks of rosinality's StyleGAN2, with its parameter names (so state dicts load unchanged).
#include <array>
#include <memory>

#include <torch/torch.h>

#include "core/nn/stylegan2/fast_ops.h"
#include "core/nn/stylegan2/upfirdn2d.h"

namespace facet::nn::stylegan2 {

class WinogradConv3x3;

// rosinality's make_kernel([1, 3, 3, 1]) × factor²: the default FIR resampling kernel. Checkpoints carry their own
// copy as a buffer, which replaces it on load.
torch::Tensor default_fir_kernel(double factor = 2.0);

// While one is alive on a thread, layers built there leave their large weights uninitialised (torch::empty):
// a checkpoint is about to overwrite them, and random numbers for config-f's 30 M weights cost ~0.2 s per load.
class SkipWeightInit {
 public:
  SkipWeightInit();
  ~SkipWeightInit();
  SkipWeightInit(const SkipWeightInit&) = delete;
  SkipWeightInit& operator=(const SkipWeightInit&) = delete;

 private:
  bool previous_;
};

// Linear layer with equalised learning rate: weight × lr_mul/√fan_in and bias × lr_mul at run time;
// optional fused leaky ReLU (slope 0.2, gain √2).
struct EqualLinearImpl : torch::nn::Module {
  EqualLinearImpl(int64_t in, int64_t out, double bias_init, double lr_mul, bool activate);
  torch::Tensor forward(const torch::Tensor& x) const;
  torch::Tensor weight, bias;
  double scale, lr_mul;
  bool activate;
};
TORCH_MODULE(EqualLinear);

// Holds a single named tensor, for the one-tensor submodules of the reference (noise.weight, activate.bias,
// blur.kernel, upsample.kernel, input.input).
struct HolderImpl : torch::nn::Module {
  HolderImpl(const std::string& name, torch::Tensor value, bool buffer);
  torch::Tensor value;
};
TORCH_MODULE(Holder);

// A fast-path convolution before its epilogue. `demod` ([out]): the demodulation still owed per output channel
// when the layer modulated its input rather than its weights; undefined when the weights carried it.
struct FastConv {
  torch::Tensor y;
  torch::Tensor demod;
};
struct FastPhases {
  std::array<torch::Tensor, 4> phases;
  torch::Tensor demod;
};

// Modulated 3×3 (or 1×1) convolution; with upsample: transposed convolution then the FIR blur.
struct ModulatedConvImpl : torch::nn::Module {
  ModulatedConvImpl(int64_t in, int64_t out, int64_t kernel, int64_t style_dim, bool demodulate, bool upsample);
  // `s` is the style (the modulation's output, [N, in]): the layer's coordinates in style space S.
  // Reference maths, batched with grouped convolutions; differentiable.
  torch::Tensor forward_plain(const torch::Tensor& x, const torch::Tensor& s) const;
  // The same function with the style on the input: x·s through one convolution with the shared weights over the
  // whole batch, then the demodulation per sample and output channel (StyleGAN2's non-fused form). Ungrouped
  // convolutions keep channels-last activations in that layout at any batch size; differentiable.
  torch::Tensor forward_plain_batched(const torch::Tensor& x, const torch::Tensor& s) const;
  // One sample at a time ([1, in]) in channels-last memory; inference only. Up-sampling layers that have phases
  // (3×3, as in every StyleGAN2) go through forward_phases instead.
  FastConv forward_fast(const torch::Tensor& x, const torch::Tensor& s) const;
  // Up-sampling layers: the stride-2 transposed convolution as its four sub-pixel phases, before the blur
  // (layout in fast_ops.h: blur_phases_activate finishes the layer).
  FastPhases forward_phases(const torch::Tensor& x, const torch::Tensor& s) const;
  bool has_phases() const;
  // A StyledConv on the fast path: this convolution, then `epilogue` (whose demod this fills in) — demodulation
  // when the layer modulated its input, noise, bias and activation — in one pass, fused with the blur on
  // up-sampling layers. `out`: see blur_phases_activate.
  torch::Tensor forward_activated(const torch::Tensor& x, const torch::Tensor& s, Activation epilogue,
                                  const torch::Tensor& out = {}) const;

  // For a layer whose input has `input_pixels` pixels (H·W) on the fast path: when its weights outweigh that
  // input, the fast path modulates the input by the style and leaves the demodulation to the epilogue, so the
  // weights stay constant (channels-last, ready for oneDNN) instead of being rebuilt at every call. Past about
  // H·W = out·k² the extra pass over the input costs more than it saves. The weights keep their values (only
  // their memory layout changes); up-sampling layers keep their four phase weights beside them (a copy the size
  // of the 3×3 weight: 38 MB in all for config-f). A later change to them turns this off again when it moves their storage or
  // version counter (assignment, load_state_dict, in-place ops outside InferenceMode, which skips the counter).
  // 3×3 layers that are not up-sampling, with inputs of at least 32² on a CPU with oneDNN's Winograd
  // (winograd_conv.h), or elsewhere with 128 channels or more (the portable Winograd), modulate their input
  // whatever its size, for the Winograd's sake: inside a WinogradConvolutions scope.
  void prepare_fast(int64_t input_pixels);

  torch::Tensor weight;  // [1, out, in, k, k]
  EqualLinear modulation{nullptr};
  Holder blur{nullptr};  // blur.kernel, upsampling layers only
  int64_t in_channels, out_channels, kernel_size;
  double scale;
  bool demodulate, upsample;

 private:
  // scale · weight · style, demodulated: the one sample's [out, in, k, k] weight.
  torch::Tensor modulated_weight(const torch::Tensor& style) const;
  // The four phases' taps of a [out, in, 3, 3] weight, channels-last.
  static std::array<torch::Tensor, 4> phase_weights(const torch::Tensor& g);
  bool modulates_input() const;
  // scale · style, the input's per-channel factor, and the demodulation it leaves: rsqrt(Σ_k (w·scale·s)² + ε).
  std::pair<torch::Tensor, torch::Tensor> input_modulation(const torch::Tensor& style) const;

  // Set by prepare_fast: Σ_k weight² per (out, in); the phases' constant weights (up-sampling layers); and the
  // weight's storage and version they were taken from.
  torch::Tensor squared_;
  std::array<torch::Tensor, 4> constant_phases_;
  // 3×3 stride-1 layers with constant weights: by Winograd (inside a WinogradConvolutions scope).
  // winograd_only_: the input is too large for modulating it to pay off with a direct convolution.
  std::shared_ptr<WinogradConv3x3> winograd_;
  bool winograd_only_ = false;
  const void* prepared_data_ = nullptr;
  uint32_t prepared_version_ = 0;
};
TORCH_MODULE(ModulatedConv);

}  // namespace facet::nn::stylegan2
