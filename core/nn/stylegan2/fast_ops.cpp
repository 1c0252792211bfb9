#include "core/nn/stylegan2/fast_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include "core/nn/stylegan2/upfirdn2d.h"
#include "core/nn/stylegan2/vector_clones.h"

namespace facet::nn::stylegan2 {

namespace {

constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
constexpr float kSlope = 0.2f;
const float kGain = static_cast<float>(std::sqrt(2.0));

bool cpu_kernel_applies(const torch::Tensor& t) {
  return t.device().is_cpu() && t.scalar_type() == torch::kFloat32 && t.size(0) == 1 &&
         t.is_contiguous(kChannelsLast);
}

// What the CPU loops read of an Activation: contiguous float32 data, kept alive by the tensors beside it.
struct Epilogue {
  torch::Tensor noise_data, bias_data, demod_data;
  const float* noise = nullptr;  // [H, W] of the output, or null
  float noise_weight = 0.f;
  const float* bias = nullptr;   // [C]
  const float* demod = nullptr;  // [C]: ones when the activation has none
};

Epilogue epilogue_of(const Activation& a, int64_t channels) {
  Epilogue e;
  if (a.noise.defined()) {
    e.noise_data = a.noise.contiguous();
    e.noise = e.noise_data.data_ptr<float>();
    e.noise_weight = a.noise_weight.item<float>();
  }
  e.bias_data = a.bias.contiguous();
  e.bias = e.bias_data.data_ptr<float>();
  e.demod_data = a.demod.defined() ? a.demod.contiguous() : torch::ones({channels});
  e.demod = e.demod_data.data_ptr<float>();
  return e;
}

// out[c] = leaky_relu(demod[c]·v[c] + noise_term + bias[c])·√2 for one pixel's channels.
inline void finish_pixel(const float* v, float noise_term, const float* bias, const float* demod, int64_t channels,
                         float* out) {
  for (int64_t c = 0; c < channels; ++c) {
    const float t = demod[c] * v[c] + noise_term + bias[c];
    out[c] = std::max(t, kSlope * t) * kGain;
  }
}

FACET_VECTOR_CLONES
void activate_pixels(float* y, int64_t first, int64_t last, int64_t channels, const Epilogue& e) {
  for (int64_t p = first; p < last; ++p) {
    float* v = y + p * channels;
    finish_pixel(v, e.noise ? e.noise_weight * e.noise[p] : 0.f, e.bias, e.demod, channels, v);
  }
}

#if FACET_GCC_VECTORS
// 16 floats as one value: one AVX-512 register, two AVX2 or four SSE ones, whichever the clone targets.
// (Loaded with memcpy, in place: a function returning one would change the ABI between clones.)
typedef float Floats16 __attribute__((vector_size(64)));
#endif

// One output row y of blur(transposed conv) from the four phases: output pixel (y, x) = Σ_ij kf[i][j]·T[y+i−1][x+j−1]
// (kf: the flipped kernel, i.e. true convolution), where T[2m + a][2n + b] is phase (a, b) at row m + a, column n + b.
FACET_VECTOR_CLONES
void blur_phase_row(const float* const phase[4], int64_t w, int64_t channels, int64_t y, const float kf[16],
                    const Epilogue& e, float* acc, float* out_row) {
  const int64_t p = y & 1, m = y >> 1;
  // Row base of each of the kernel's four rows, per column parity b.
  const float* row_base[4][2];
  for (int64_t i = 0; i < 4; ++i) {
    const int64_t a = (p + i + 1) & 1;                 // parity of T row y + i − 1
    const int64_t row = m + (p + i - 1 - a) / 2 + a;   // its row in phase (a, ·)
    for (int64_t b = 0; b < 2; ++b) row_base[i][b] = phase[2 * a + b] + row * (w + 1 + b) * channels;
  }
  const float* noise_row = e.noise ? e.noise + y * 2 * w : nullptr;
  for (int64_t x = 0; x < 2 * w; ++x) {
    const int64_t q = x & 1, n = x >> 1;
    const float* src[16];  // the 16 taps' channel vectors
    for (int64_t j = 0; j < 4; ++j) {
      const int64_t b = (q + j + 1) & 1;
      const int64_t col = (n + (q + j - 1 - b) / 2 + b) * channels;
      for (int64_t i = 0; i < 4; ++i) src[4 * i + j] = row_base[i][b] + col;
    }
    const float noise_term = noise_row ? e.noise_weight * noise_row[x] : 0.f;
    float* out = out_row + x * channels;
    // Blocks of 16 channels keep their sums in registers across the 16 taps; the rest goes through `acc`.
    int64_t c0 = 0;
#if FACET_GCC_VECTORS
    for (; c0 + 16 <= channels; c0 += 16) {
      Floats16 sum = {}, tap;
      for (int t = 0; t < 16; ++t) {
        std::memcpy(&tap, src[t] + c0, sizeof tap);
        sum += kf[t] * tap;
      }
      Floats16 bias, demod;
      std::memcpy(&bias, e.bias + c0, sizeof bias);
      std::memcpy(&demod, e.demod + c0, sizeof demod);
      const Floats16 v = demod * sum + noise_term + bias;
      const Floats16 activated = (v > kSlope * v ? v : kSlope * v) * kGain;  // leaky ReLU · √2, as finish_pixel
      std::memcpy(out + c0, &activated, sizeof activated);
    }
#endif
    if (c0 == channels) continue;
    for (int64_t c = c0; c < channels; ++c) acc[c] = kf[0] * src[0][c];
    for (int t = 1; t < 16; ++t)
      for (int64_t c = c0; c < channels; ++c) acc[c] += kf[t] * src[t][c];
    finish_pixel(acc + c0, noise_term, e.bias + c0, e.demod + c0, channels - c0, out + c0);
  }
}

// Output row y of y += upfirdn2d(skip, up 2, pad (2, 1)): of the 4×4 flipped kernel only the taps i ≡ p, j ≡ q
// (mod 2) meet non-zero samples, the skip's rows m + p − 1 + i/2 and columns n + q − 1 + j/2 (outside: zero).
FACET_VECTOR_CLONES
void add_upsampled_row(const float* skip, int64_t h, int64_t w, int64_t channels, int64_t y, const float kf[16],
                       float* out_row) {
  const int64_t p = y & 1, m = y >> 1;
  for (int64_t x = 0; x < 2 * w; ++x) {
    const int64_t q = x & 1, n = x >> 1;
    float* out = out_row + x * channels;
    for (int64_t di = 0; di < 2; ++di) {
      const int64_t row = m + p - 1 + di;
      if (row < 0 || row >= h) continue;
      for (int64_t dj = 0; dj < 2; ++dj) {
        const int64_t col = n + q - 1 + dj;
        if (col < 0 || col >= w) continue;
        const float k = kf[(p + 2 * di) * 4 + q + 2 * dj];
        const float* src = skip + (row * w + col) * channels;
        for (int64_t c = 0; c < channels; ++c) out[c] += k * src[c];
      }
    }
  }
}

// The 4×4 kernel flipped in both axes (upfirdn2d is a true convolution), for the loops' correlations.
std::array<float, 16> flipped_kernel(const torch::Tensor& kernel) {
  const torch::Tensor k = kernel.to(torch::kCPU, torch::kFloat32).contiguous();
  std::array<float, 16> kf;
  for (int64_t t = 0; t < 16; ++t) kf[t] = k.data_ptr<float>()[15 - t];
  return kf;
}

bool is_4x4(const torch::Tensor& kernel) { return kernel.dim() == 2 && kernel.size(0) == 4 && kernel.size(1) == 4; }

}  // namespace

void add_upsampled_aten_(torch::Tensor& y, const torch::Tensor& skip, const torch::Tensor& kernel) {
  y.add_(upfirdn2d(skip, kernel, 2, 1, {2, 1, 2, 1}));
}

void add_upsampled_(torch::Tensor& y, const torch::Tensor& skip, const torch::Tensor& kernel) {
  if (!is_4x4(kernel) || !cpu_kernel_applies(y) || !cpu_kernel_applies(skip)) return add_upsampled_aten_(y, skip, kernel);
  const int64_t channels = skip.size(1), h = skip.size(2), w = skip.size(3);
  TORCH_CHECK(y.size(1) == channels && y.size(2) == 2 * h && y.size(3) == 2 * w, "add_upsampled_: y has shape ",
              y.sizes(), ", skip ", skip.sizes());
  const std::array<float, 16> kf = flipped_kernel(kernel);
  const float* src = skip.data_ptr<float>();
  float* dst = y.data_ptr<float>();
  at::parallel_for(0, 2 * h, 1, [&](int64_t first, int64_t last) {
    for (int64_t row = first; row < last; ++row)
      add_upsampled_row(src, h, w, channels, row, kf.data(), dst + row * 2 * w * channels);
  });
}

void activate_aten_(torch::Tensor& y, const Activation& a) {
  if (a.demod.defined()) y.mul_(a.demod.view({1, -1, 1, 1}));
  if (a.noise.defined()) y.add_(a.noise * a.noise_weight);
  y.add_(a.bias.view({1, -1, 1, 1}));
  torch::leaky_relu_(y, kSlope);
  y.mul_(std::sqrt(2.0));
}

void activate_(torch::Tensor& y, const Activation& a) {
  if (!cpu_kernel_applies(y)) return activate_aten_(y, a);
  const int64_t channels = y.size(1), pixels = y.size(2) * y.size(3);
  const Epilogue e = epilogue_of(a, channels);
  float* data = y.data_ptr<float>();
  at::parallel_for(0, pixels, std::max<int64_t>(1, 16384 / channels), [&](int64_t first, int64_t last) {
    activate_pixels(data, first, last, channels, e);
  });
}

torch::Tensor blur_phases_activate_aten(const std::array<torch::Tensor, 4>& phases, const torch::Tensor& kernel,
                                        const Activation& a) {
  const torch::Tensor& p00 = phases[0];
  const int64_t h = p00.size(2) - 1, w = p00.size(3) - 1;
  // Interleave the phases into the transposed convolution's (2H + 1)² output (one spare zero row and column).
  torch::Tensor t = torch::zeros({p00.size(0), p00.size(1), 2 * h + 2, 2 * w + 2}, p00.options());
  for (int64_t ra = 0; ra < 2; ++ra)
    for (int64_t cb = 0; cb < 2; ++cb)
      t.slice(2, ra, 2 * h + 2, 2).slice(3, cb, 2 * w + 2, 2)
          .copy_(phases[2 * ra + cb].slice(2, ra, ra + h + 1).slice(3, cb, cb + w + 1));
  torch::Tensor y = upfirdn2d(t.slice(2, 0, 2 * h + 1).slice(3, 0, 2 * w + 1), kernel, 1, 1, {1, 1, 1, 1});
  activate_aten_(y, a);
  return y;
}

torch::Tensor blur_phases_activate(const std::array<torch::Tensor, 4>& phases, const torch::Tensor& kernel,
                                   const Activation& a, torch::Tensor out) {
  bool cpu = is_4x4(kernel);
  for (const auto& p : phases) cpu = cpu && cpu_kernel_applies(p);
  if (!cpu) return blur_phases_activate_aten(phases, kernel, a);

  const int64_t channels = phases[0].size(1), h = phases[0].size(2) - 1, w = phases[0].size(3) - 1;
  for (int64_t i = 0; i < 4; ++i)
    TORCH_CHECK(phases[i].size(1) == channels && phases[i].size(2) == h + 1 + i / 2 && phases[i].size(3) == w + 1 + i % 2,
                "blur_phases_activate: phase ", i, " has shape ", phases[i].sizes());
  const std::array<float, 16> kf = flipped_kernel(kernel);
  const Epilogue e = epilogue_of(a, channels);
  const float* src[4];
  for (int64_t i = 0; i < 4; ++i) src[i] = phases[i].data_ptr<float>();

  const std::vector<int64_t> shape = {1, channels, 2 * h, 2 * w};
  if (!out.defined() || out.sizes() != shape || !cpu_kernel_applies(out))
    out = torch::empty(shape, phases[0].options().memory_format(kChannelsLast));
  float* dst = out.data_ptr<float>();
  at::parallel_for(0, 2 * h, 1, [&](int64_t first, int64_t last) {
    std::vector<float> acc(static_cast<size_t>(channels));
    for (int64_t y = first; y < last; ++y)
      blur_phase_row(src, w, channels, y, kf.data(), e, acc.data(), dst + y * 2 * w * channels);
  });
  return out;
}

}  // namespace facet::nn::stylegan2
