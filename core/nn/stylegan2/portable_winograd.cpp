#include "core/nn/stylegan2/portable_winograd.h"

#include <algorithm>
#include <array>

#include <dlfcn.h>

#include <ATen/Parallel.h>
#include <ATen/ThreadLocalState.h>
#include <torch/torch.h>

namespace facet::nn::stylegan2 {

namespace {
// Lavin and Gray's F(4,3) matrices (points 0, ±1, ±2, ∞): Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A.
torch::Tensor matrix(std::initializer_list<double> values, int64_t rows, int64_t cols) {
  return torch::tensor(std::vector<double>(values), torch::kFloat64).view({rows, cols});
}
torch::Tensor input_matrix() {  // Bᵀ
  return matrix({4, 0, -5, 0, 1, 0,  0, -4, -4, 1, 1, 0,  0, 4, -4, -1, 1, 0,
                 0, -2, -1, 2, 1, 0,  0, 2, -1, -2, 1, 0,  0, 4, 0, -5, 0, 1}, 6, 6);
}
torch::Tensor filter_matrix() {  // G
  return matrix({1.0 / 4, 0, 0,  -1.0 / 6, -1.0 / 6, -1.0 / 6,  -1.0 / 6, 1.0 / 6, -1.0 / 6,
                 1.0 / 24, 1.0 / 12, 1.0 / 6,  1.0 / 24, -1.0 / 12, 1.0 / 6,  0, 0, 1}, 6, 3);
}
torch::Tensor output_matrix() {  // Aᵀ
  return matrix({1, 1, 1, 1, 1, 0,  0, 1, -1, 2, -2, 0,  0, 1, 1, 4, 4, 0,  0, 1, -1, 8, -8, 1}, 4, 6);
}
// Whether BLAS runs matrix products on the calling thread alone (facet-cli's rendering commands start OpenBLAS so):
// then the bands run in parallel, one per OpenMP thread. With BLAS's own worker threads they run one after the
// other, each product on those workers: both pools at once would fight over the same cores.
bool blas_single_threaded() {
  static const bool single = [] {
    using ThreadCount = int (*)();
    const auto threads = reinterpret_cast<ThreadCount>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return threads && threads() == 1;
  }();
  return single;
}
}  // namespace

PortableWinograd::PortableWinograd(const torch::Tensor& weight, int64_t band_bytes) : band_bytes_(band_bytes) {
  TORCH_CHECK(weight.dim() == 4 && weight.size(2) == 3 && weight.size(3) == 3, "PortableWinograd: a 3×3 weight");
  torch::NoGradGuard no_grad;
  const int64_t out = weight.size(0), in = weight.size(1);
  // U[(i, j), e, o] = Σ_kl G[i, k] w[o, e, k, l] G[j, l], in float64 so that only the convolution rounds.
  const torch::Tensor taps =
      weight.detach().to(torch::kCPU, torch::kFloat64).permute({2, 3, 1, 0}).reshape({9, in * out});
  const torch::Tensor filter_transform = torch::kron(filter_matrix(), filter_matrix());  // [36, 9]
  transformed_ = torch::mm(filter_transform, taps).view({36, in, out}).to(torch::kFloat32).contiguous();
  input_transform_ = torch::kron(input_matrix(), input_matrix()).to(torch::kFloat32);
  output_transform_ = torch::kron(output_matrix(), output_matrix()).to(torch::kFloat32);
}

torch::Tensor PortableWinograd::forward(const torch::Tensor& x) const {
  TORCH_CHECK(x.dim() == 4 && x.size(0) == 1 && x.size(1) == transformed_.size(1),
              "PortableWinograd: x [1, in, H, W]");
  torch::NoGradGuard no_grad;
  const int64_t in = x.size(1), h = x.size(2), w = x.size(3), out = transformed_.size(2), widest = std::max(in, out);
  const int64_t rows = (h + 3) / 4, cols = (w + 3) / 4;
  // [H, W, in], zero-padded by 1 above and left and up to whole tiles (and the last tile's 2 extra) below and right.
  const int64_t hp = 4 * rows + 2, wp = 4 * cols + 2;
  const torch::Tensor padded =
      torch::constant_pad_nd(x.to(torch::kFloat32).permute({0, 2, 3, 1}), {0, 0, 1, wp - w - 1, 1, hp - h - 1})
          .contiguous();
  // Bands of tile rows, each through two scratch buffers used twice (windows → transformed windows → products →
  // output tiles): the band's data stays in the caches between the steps, which are memory-bound but for the
  // products, and the scratch stays small.
  const int64_t band_rows = std::clamp<int64_t>(band_bytes_ / (36 * cols * widest * 4), 1, rows);
  const int64_t bands = (rows + band_rows - 1) / band_rows;
  torch::Tensor y = torch::empty({rows, 4, cols, 4, out}, torch::kFloat32);
  const at::ThreadLocalState caller;  // grad and inference mode: OpenMP's threads do not inherit them
  const auto run_bands = [&](int64_t begin, int64_t end) {
    const at::ThreadLocalStateGuard same_modes(caller);
    const int64_t wide = 36 * band_rows * cols * widest;
    const torch::Tensor a = winograd_scratch(0, wide * 4).view(torch::kFloat32);
    const torch::Tensor b = winograd_scratch(1, wide * 4).view(torch::kFloat32);
    for (int64_t i = begin; i < end; ++i) {
      const int64_t first = i * band_rows, band = std::min(band_rows, rows - first), tiles = band * cols;
      // Every tile's 6×6 input window (windows overlap by 2), gathered as [36, tiles · in]: pixel (k, l) of tile
      // (r, c) is padded[4r + k, 4c + l]; channels stay innermost, so the copy moves runs of `in` floats.
      torch::Tensor windows = a.narrow(0, 0, 36 * tiles * in).view({6, 6, band, cols, in});
      windows.copy_(padded.as_strided({6, 6, band, cols, in}, {wp * in, in, 4 * wp * in, 4 * in, 1},
                                      padded.storage_offset() + 4 * first * wp * in));
      torch::Tensor v = b.narrow(0, 0, 36 * tiles * in).view({36, tiles * in});
      torch::mm_out(v, input_transform_, windows.view({36, tiles * in}));
      torch::Tensor m = a.narrow(0, 0, 36 * tiles * out).view({36, tiles, out});
      torch::bmm_out(m, v.view({36, tiles, in}), transformed_);
      torch::Tensor tiles_out = b.narrow(0, 0, 16 * tiles * out).view({16, tiles * out});
      torch::mm_out(tiles_out, output_transform_, m.view({36, tiles * out}));
      // Output pixel (4r + a, 4c + b) is tile (r, c)'s (a, b).
      y.narrow(0, first, band).copy_(tiles_out.view({4, 4, band, cols, out}).permute({2, 0, 3, 1, 4}));
    }
  };
  if (blas_single_threaded()) {
    at::parallel_for(0, bands, 1, run_bands);
  } else {
    run_bands(0, bands);
  }
  y = y.view({1, 4 * rows, 4 * cols, out});
  if (4 * rows != h || 4 * cols != w) y = y.narrow(1, 0, h).narrow(2, 0, w).contiguous();
  return y.permute({0, 3, 1, 2});  // [1, out, H, W] over channels-last memory
}

torch::Tensor winograd_scratch(int slot, int64_t bytes) {
  thread_local std::array<torch::Tensor, 2> buffers;
  torch::Tensor& buffer = buffers.at(static_cast<size_t>(slot));
  if (!buffer.defined() || buffer.numel() < bytes) {
    buffer = torch::Tensor();  // the old one goes first
    buffer = torch::empty({bytes}, torch::kUInt8);  // LibTorch aligns CPU storage to 64 bytes
  }
  return buffer.narrow(0, 0, bytes);
}

}  // namespace facet::nn::stylegan2
