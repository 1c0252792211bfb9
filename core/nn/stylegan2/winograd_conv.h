#pragma once
// 3×3, stride-1 convolutions by Winograd F(4,3) (a 4×4 output tile from a 6×6 input tile in 36 multiplications per
// channel pair instead of 144): oneDNN's AVX-512 kernel where the CPU has AVX-512, else the portable one
// (portable_winograd.h). The weights' transform is costly (about 0.15 s for 512 × 512 channels on 2 cores in
// oneDNN), so only layers whose weights stay constant use it: the fast path's layers that modulate their input
// instead of their weights. Float32 throughout; the result differs from a direct convolution by float rounding
// (about 2e-6 of its range with oneDNN, 6e-6 with the portable kernel).
#include <cstdint>
#include <memory>

#include <torch/types.h>

namespace facet::nn::stylegan2 {

class PortableWinograd;

class WinogradConv3x3 {
 public:
  // Whether this build has oneDNN's Winograd kernel and the CPU can run it (AVX-512, under FACET_CPU_FEATURES's
  // cap); FACET_WINOGRAD=0 turns it off.
  static bool available();
  // Whether the portable kernel may run (FACET_WINOGRAD=0 turns it off too). It pays where the channels are many,
  // so the fast path gives it the layers with at least kPortableMinChannels in and out.
  static bool portable_available();
  static constexpr int64_t kPortableMinChannels = 128;
  // Below 32 × 32 inputs the tiles gain little: the fast path convolves those directly.
  static constexpr int64_t kMinSide = 32;

  // weight [out, in, 3, 3], float32 on the CPU; copied (oneDNN's transform is made per input size, when first
  // used), or transformed for the portable kernel when oneDNN's is not available.
  explicit WinogradConv3x3(const torch::Tensor& weight);
  ~WinogradConv3x3();
  WinogradConv3x3(const WinogradConv3x3&) = delete;
  WinogradConv3x3& operator=(const WinogradConv3x3&) = delete;

  // conv2d(x, weight, padding 1) for x [1, in, H, W] float32 (channels-last preferred): [1, out, H, W] in
  // channels-last memory. An undefined tensor when oneDNN has no Winograd kernel for this shape.
  torch::Tensor forward(const torch::Tensor& x);

  // How many convolutions Winograd has run in this process (tests: which path a render took).
  static int64_t runs();

 private:
  struct Plans;
  torch::Tensor forward_onednn(const torch::Tensor& x);  // undefined: no oneDNN kernel for this shape

  std::unique_ptr<Plans> plans_;
  std::unique_ptr<PortableWinograd> portable_;
};

// While alive on a thread, the fast path's constant-weight 3×3 layers on that thread use WinogradConv3x3 where it
// is available and the input is at least 32 × 32 (below that its tiles gain little). Inference renders only: the
// gradients' forward keeps the direct convolutions it was checked against.
class WinogradConvolutions {
 public:
  WinogradConvolutions();
  ~WinogradConvolutions();
  WinogradConvolutions(const WinogradConvolutions&) = delete;
  WinogradConvolutions& operator=(const WinogradConvolutions&) = delete;

 private:
  bool previous_;
};

bool winograd_convolutions();

}  // namespace facet::nn::stylegan2
