#include "core/nn/stylegan2/portable_winograd.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <vector>

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
// m · planes for a small matrix m [R, C] (the filter transform and its adjoint: 36 × 9 and 9 × 36) and planes
// [C, n] with n in the hundreds of thousands (one entry per channel pair): BLAS packs such thin products poorly
// (measured 50–60 ms for a 512 × 512 weight, about ten times the memory traffic's time). Blocks of the planes
// that stay in the caches while every row of m passes over them.
torch::Tensor small_matrix_times_planes(const torch::Tensor& m, const torch::Tensor& planes) {
  const torch::Tensor matrix = m.to(torch::kFloat32).contiguous(), source = planes.to(torch::kFloat32).contiguous();
  const int64_t rows = matrix.size(0), inner = matrix.size(1), n = source.size(1);
  TORCH_CHECK(source.size(0) == inner, "small_matrix_times_planes: [R, C] · [C, n]");
  torch::Tensor out = torch::empty({rows, n}, torch::kFloat32);
  const float* mp = matrix.data_ptr<float>();
  const float* sp = source.data_ptr<float>();
  float* op = out.data_ptr<float>();
  constexpr int64_t kBlock = 1024;
  at::parallel_for(0, (n + kBlock - 1) / kBlock, 1, [&](int64_t first, int64_t last) {
    for (int64_t b = first; b < last; ++b) {
      const int64_t begin = b * kBlock, end = std::min(n, begin + kBlock);
      for (int64_t r = 0; r < rows; ++r) {
        float* o = op + r * n;
        std::fill(o + begin, o + end, 0.0f);
        for (int64_t c = 0; c < inner; ++c) {
          const float coefficient = mp[r * inner + c];
          if (coefficient == 0.0f) continue;
          const float* src = sp + c * n;
          for (int64_t j = begin; j < end; ++j) o[j] += coefficient * src[j];
        }
      }
    }
  });
  return out;
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
  // U[(i, j), e, o] = Σ_kl G[i, k] w[o, e, k, l] G[j, l] (tuning transforms its changing weights at every step).
  const torch::Tensor taps =
      weight.detach().to(torch::kCPU, torch::kFloat32).permute({2, 3, 1, 0}).reshape({9, in * out});
  transformed_ = small_matrix_times_planes(torch::kron(filter_matrix(), filter_matrix()), taps).view({36, in, out});
  input_transform_ = torch::kron(input_matrix(), input_matrix()).to(torch::kFloat32);
  output_transform_ = torch::kron(output_matrix(), output_matrix()).to(torch::kFloat32);
}

namespace {
// x [1, C, H, W] as [H + pad, W + pad, C] float32, zero-padded by 1 above and left and up to whole 4×4 tiles (and the
// last tile's 2 extra) below and right: every tile's 6×6 window lies inside.
torch::Tensor padded_windows_source(const torch::Tensor& x, int64_t rows, int64_t cols) {
  const int64_t h = x.size(2), w = x.size(3);
  return torch::constant_pad_nd(x.to(torch::kFloat32).permute({0, 2, 3, 1}),
                                {0, 0, 1, 4 * cols + 1 - w, 1, 4 * rows + 1 - h})
      .contiguous()
      .select(0, 0);
}

// Every tile's 6×6 input window in tile rows [first, first + band) (windows overlap by 2), gathered into `windows`
// as [36, band · cols · C]: pixel (k, l) of tile (r, c) is padded[4r + k, 4c + l]; channels stay innermost, so the
// copy moves runs of C floats.
void gather_windows(const torch::Tensor& padded, int64_t first, int64_t band, torch::Tensor& windows) {
  const int64_t wp = padded.size(1), c = padded.size(2), cols = (wp - 2) / 4;
  windows.view({6, 6, band, cols, c})
      .copy_(padded.as_strided({6, 6, band, cols, c}, {wp * c, c, 4 * wp * c, 4 * c, 1},
                               padded.storage_offset() + 4 * first * wp * c));
}

// Runs band(first, count, sum) over `rows` tile rows in bands of `band_rows`: in parallel, a run of bands per
// OpenMP thread, when BLAS runs matrix products on the calling thread alone; one after the other (each product on
// BLAS's own threads) otherwise. `sum` is each run's own tensor (undefined at its start) for a band that adds to
// one; the runs' sums come back in the order of their bands, so that adding them up is deterministic. OpenMP's
// threads get the caller's grad and inference modes.
template <typename Band>
std::vector<torch::Tensor> for_each_band(int64_t rows, int64_t band_rows, const Band& band) {
  const int64_t bands = (rows + band_rows - 1) / band_rows;
  const at::ThreadLocalState caller;
  std::mutex finished;
  std::map<int64_t, torch::Tensor> sums;  // by each run's first band
  const auto run = [&](int64_t begin, int64_t end) {
    const at::ThreadLocalStateGuard same_modes(caller);
    torch::Tensor sum;
    for (int64_t i = begin; i < end; ++i) band(i * band_rows, std::min(band_rows, rows - i * band_rows), sum);
    if (!sum.defined()) return;
    const std::lock_guard<std::mutex> lock(finished);
    sums.emplace(begin, std::move(sum));
  };
  if (blas_single_threaded()) {
    at::parallel_for(0, bands, 1, run);
  } else {
    run(0, bands);
  }
  std::vector<torch::Tensor> in_order;
  for (auto& [first, sum] : sums) in_order.push_back(std::move(sum));
  return in_order;
}

std::atomic<int64_t> forwards{0}, weight_gradients{0};

// Tile rows per band: as many as fit in band_bytes (at least one); where the bands run in parallel, no more than
// give every thread a share of equal or nearly equal bands (a layer of one or three bands would leave a thread
// idle for a third of its time or more).
int64_t rows_per_band(int64_t rows, int64_t row_bytes, int64_t band_bytes) {
  const int64_t most = std::clamp<int64_t>(band_bytes / row_bytes, 1, rows);
  if (!blas_single_threaded()) return most;
  const int64_t threads = std::max(1, at::get_num_threads());
  for (int64_t bands = threads;; bands += threads)
    if (const int64_t rows_each = (rows + bands - 1) / bands; rows_each <= most) return rows_each;
}

torch::Tensor scratch_floats(int slot, int64_t floats) {
  return winograd_scratch(slot, floats * 4).view(torch::kFloat32);
}

// The input transform Bᵀ d B of every 6×6 window in tile rows [first, first + band) of `padded` (C channels):
// [36, band · cols · C] in scratch slot 1, the windows gathered through slot 0 (`wide` floats each, the largest
// band's).
torch::Tensor transformed_windows(const torch::Tensor& padded, int64_t first, int64_t band, int64_t wide,
                                  const torch::Tensor& input_transform) {
  const int64_t cols = (padded.size(1) - 2) / 4, c = padded.size(2), tiles = band * cols;
  torch::Tensor windows = scratch_floats(0, wide).narrow(0, 0, 36 * tiles * c);
  gather_windows(padded, first, band, windows);
  torch::Tensor v = scratch_floats(1, wide).narrow(0, 0, 36 * tiles * c).view({36, tiles * c});
  torch::mm_out(v, input_transform, windows.view({36, tiles * c}));
  return v;
}
}  // namespace

torch::Tensor PortableWinograd::forward(const torch::Tensor& x) const {
  TORCH_CHECK(x.dim() == 4 && x.size(0) == 1 && x.size(1) == transformed_.size(1),
              "PortableWinograd: x [1, in, H, W]");
  ++forwards;
  torch::NoGradGuard no_grad;
  const int64_t in = x.size(1), h = x.size(2), w = x.size(3), out = transformed_.size(2), widest = std::max(in, out);
  const int64_t rows = (h + 3) / 4, cols = (w + 3) / 4;
  const torch::Tensor padded = padded_windows_source(x, rows, cols);
  // Bands of tile rows, each through two scratch buffers used twice (windows → transformed windows → products →
  // output tiles): the band's data stays in the caches between the steps, which are memory-bound but for the
  // products, and the scratch stays small.
  const int64_t band_rows = rows_per_band(rows, 36 * cols * widest * 4, band_bytes_);
  torch::Tensor y = torch::empty({rows, 4, cols, 4, out}, torch::kFloat32);
  for_each_band(rows, band_rows, [&](int64_t first, int64_t band, torch::Tensor&) {
    const int64_t tiles = band * cols, wide = 36 * band_rows * cols * widest;
    const torch::Tensor v = transformed_windows(padded, first, band, wide, input_transform_);
    const torch::Tensor a = scratch_floats(0, wide), b = scratch_floats(1, wide);
    torch::Tensor m = a.narrow(0, 0, 36 * tiles * out).view({36, tiles, out});
    torch::bmm_out(m, v.view({36, tiles, in}), transformed_);
    torch::Tensor tiles_out = b.narrow(0, 0, 16 * tiles * out).view({16, tiles * out});
    torch::mm_out(tiles_out, output_transform_, m.view({36, tiles * out}));
    // Output pixel (4r + a, 4c + b) is tile (r, c)'s (a, b).
    y.narrow(0, first, band).copy_(tiles_out.view({4, 4, band, cols, out}).permute({2, 0, 3, 1, 4}));
  });
  y = y.view({1, 4 * rows, 4 * cols, out});
  if (4 * rows != h || 4 * cols != w) y = y.narrow(1, 0, h).narrow(2, 0, w).contiguous();
  return y.permute({0, 3, 1, 2});  // [1, out, H, W] over channels-last memory
}

torch::Tensor PortableWinograd::weight_gradient(const torch::Tensor& x, const torch::Tensor& g, int64_t band_bytes) {
  TORCH_CHECK(x.dim() == 4 && g.dim() == 4 && x.size(0) == 1 && g.size(0) == 1 && x.size(2) == g.size(2) &&
                  x.size(3) == g.size(3),
              "PortableWinograd::weight_gradient: x [1, in, H, W] and g [1, out, H, W]");
  ++weight_gradients;
  torch::NoGradGuard no_grad;
  const int64_t in = x.size(1), out = g.size(1), h = x.size(2), w = x.size(3), widest = std::max(in, out);
  const int64_t rows = (h + 3) / 4, cols = (w + 3) / 4;
  const torch::Tensor padded = padded_windows_source(x, rows, cols);
  // g as [rows, 4, cols, 4, out], zero beyond the image: the tiles that overhang it add nothing.
  const torch::Tensor g_tiles = torch::constant_pad_nd(g.to(torch::kFloat32).permute({0, 2, 3, 1}),
                                                       {0, 0, 0, 4 * cols - w, 0, 4 * rows - h})
                                    .contiguous()
                                    .view({rows, 4, cols, 4, out});
  const torch::Tensor output_adjoint =
      torch::kron(output_matrix(), output_matrix()).t().to(torch::kFloat32).contiguous();
  const torch::Tensor input_transform = torch::kron(input_matrix(), input_matrix()).to(torch::kFloat32);
  // ∂L/∂U[ξ] = Σ_tiles V[ξ]ᵀ · M̄[ξ], with V the windows' transforms and M̄ = (Aᵀ ⊗ Aᵀ)ᵀ · g's tiles: each band's
  // share into its run's own sum.
  const int64_t band_rows = rows_per_band(rows, 36 * cols * widest * 4, band_bytes);
  const std::vector<torch::Tensor> sums = for_each_band(rows, band_rows, [&](int64_t first, int64_t band,
                                                                             torch::Tensor& own) {
    const int64_t tiles = band * cols, wide = 36 * band_rows * cols * widest;
    const torch::Tensor v = transformed_windows(padded, first, band, wide, input_transform);
    torch::Tensor gathered = scratch_floats(0, wide).narrow(0, 0, 16 * tiles * out).view({4, 4, band, cols, out});
    gathered.copy_(g_tiles.narrow(0, first, band).permute({1, 3, 0, 2, 4}));
    torch::Tensor m = scratch_floats(2, 36 * tiles * out).view({36, tiles * out});
    torch::mm_out(m, output_adjoint, gathered.view({16, tiles * out}));
    const torch::Tensor v_t = v.view({36, tiles, in}).transpose(1, 2);
    if (own.defined()) {
      own.baddbmm_(v_t, m.view({36, tiles, out}));
    } else {
      own = torch::bmm(v_t, m.view({36, tiles, out}));  // the run's first band: no zeroed sum to add to
    }
  });
  torch::Tensor transformed_grad = sums.at(0);
  for (size_t i = 1; i < sums.size(); ++i) transformed_grad.add_(sums[i]);
  // ∂L/∂w = (G ⊗ G)ᵀ · ∂L/∂U, the filter transform's adjoint; taps back to [out, in, 3, 3].
  const torch::Tensor filter_adjoint = torch::kron(filter_matrix(), filter_matrix()).t();
  return small_matrix_times_planes(filter_adjoint, transformed_grad.view({36, in * out}))
      .view({3, 3, in, out})
      .permute({3, 2, 0, 1})
      .contiguous();
}

bool PortableWinograd::bands_in_parallel() { return blas_single_threaded(); }

int64_t PortableWinograd::forward_runs() { return forwards.load(); }
int64_t PortableWinograd::weight_gradient_runs() { return weight_gradients.load(); }

torch::Tensor winograd_scratch(int slot, int64_t bytes) {
  thread_local std::array<torch::Tensor, 3> buffers;
  torch::Tensor& buffer = buffers.at(static_cast<size_t>(slot));
  if (!buffer.defined() || buffer.numel() < bytes) {
    buffer = torch::Tensor();  // the old one goes first
    buffer = torch::empty({bytes}, torch::kUInt8);  // LibTorch aligns CPU storage to 64 bytes
  }
  return buffer.narrow(0, 0, bytes);
}

}  // namespace facet::nn::stylegan2
