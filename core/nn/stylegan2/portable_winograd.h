#pragma once
// Winograd F(4,3) for 3×3, stride-1, padding-1 convolutions from LibTorch's own operations, for CPUs where oneDNN
// has no Winograd kernel (it has one for AVX-512 only). Each 4×4 output tile comes from a 6×6 input tile: the
// tiles' transforms are two small matrix products (36 × 36 and 16 × 36, applied to every tile and channel at once)
// and the convolution itself is 36 matrix products [tiles × in] · [in × out], a quarter of a direct convolution's
// multiplications. It runs in bands of tile rows whose steps meet in the caches (the transforms are memory-bound),
// in parallel when BLAS runs on the calling thread alone. It pays where the channels are many, so that the products
// outweigh the transforms (README: figures per layer); the fast path gives it the layers with 128 or more. Float32;
// differs from a direct convolution by float rounding (about 6e-6 of the output's range: the transforms'
// coefficients reach 25).
#include <torch/types.h>

namespace facet::nn::stylegan2 {

class PortableWinograd {
 public:
  // weight [out, in, 3, 3]; transformed once here ([36, in, out]). band_bytes: the scratch per band of tile rows
  // (at least one row a band), a few MB so that a band's steps meet in the caches.
  static constexpr int64_t kBandBytes = 8 << 20;
  explicit PortableWinograd(const torch::Tensor& weight, int64_t band_bytes = kBandBytes);

  // conv2d(x, weight, padding 1) for x [1, in, H, W] of any size and layout: [1, out, H, W], channels-last memory.
  torch::Tensor forward(const torch::Tensor& x) const;

  // The weight gradient of that convolution, ∂/∂w Σ g ⊙ conv2d(x, w, padding 1) for x [1, in, H, W] and g
  // [1, out, H, W]: [out, in, 3, 3], by the same tiles (per tile, the transformed windows' outer products with the
  // output gradient's transformed tile, summed over the tiles in 36 matrix products, then the filter transform's
  // adjoint), a quarter of a direct weight gradient's multiplications. Float32; differs from the direct one by
  // float rounding. The data gradient is the forward with the adjoint weights (flipped, in and out swapped).
  static torch::Tensor weight_gradient(const torch::Tensor& x, const torch::Tensor& g, int64_t band_bytes = kBandBytes);

  // Whether the bands run in parallel, one per OpenMP thread: when BLAS runs matrix products on the calling thread
  // alone, as facet-cli starts it for renders and tuning. Otherwise they run one after the other, each product on
  // BLAS's own threads (both pools at once would fight over the same cores), which pays only for the larger bands.
  static bool bands_in_parallel();

  // How many forwards and weight gradients have run in this process (tests: which path a computation took).
  static int64_t forward_runs();
  static int64_t weight_gradient_runs();

 private:
  torch::Tensor transformed_;  // [36, in, out]
  int64_t band_bytes_;
  torch::Tensor input_transform_;   // Bᵀ ⊗ Bᵀ [36, 36]
  torch::Tensor output_transform_;  // Aᵀ ⊗ Aᵀ [16, 36]
};

// Per-thread scratch for both Winograd kernels (slots 0 to 2), grown to the largest layer and kept: fresh pages at
// every call (tens of MB at the larger layers) cost page faults that ate much of what the Winograd saves. The
// storage is valid until the next call for the same slot on the same thread; 64-byte aligned.
torch::Tensor winograd_scratch(int slot, int64_t bytes);

}  // namespace facet::nn::stylegan2
