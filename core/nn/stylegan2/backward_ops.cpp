#include "core/nn/stylegan2/backward_ops.h"

#include <algorithm>
#include <cmath>
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

bool cpu_loop_applies(const torch::Tensor& t) {
  return t.device().is_cpu() && t.scalar_type() == torch::kFloat32 && t.dim() == 4 && t.size(0) == 1 &&
         t.is_contiguous(kChannelsLast);
}

const float* floats(const torch::Tensor& t) { return t.data_ptr<float>(); }

// Reductions over pixels run in a fixed number of pixel ranges, each into its own row of partial sums, added up
// at the end: the same result for the same thread count, and no atomics.
int64_t ranges_for(int64_t pixels) { return std::max<int64_t>(1, std::min<int64_t>(pixels, 4 * at::get_num_threads())); }

template <typename Body>
torch::Tensor reduce_over_pixels(int64_t pixels, int64_t channels, Body body) {
  const int64_t ranges = ranges_for(pixels);
  torch::Tensor partial = torch::zeros({ranges, channels});
  float* sums = partial.data_ptr<float>();
  at::parallel_for(0, ranges, 1, [&](int64_t first, int64_t last) {
    for (int64_t r = first; r < last; ++r) body(r * pixels / ranges, (r + 1) * pixels / ranges, sums + r * channels);
  });
  return partial.sum(0);
}

FACET_VECTOR_CLONES
void activation_backward_pixels(float* g, const float* y, int64_t first, int64_t last, int64_t channels,
                                const float* noise, float noise_weight, const float* bias, const float* demod,
                                float* demod_sum, float* noise_grad) {
  const float gain[2] = {kSlope * kGain, kGain}, inverse[2] = {1.f / (kSlope * kGain), 1.f / kGain};
  for (int64_t p = first; p < last; ++p) {
    float* gp = g + p * channels;
    const float* yp = y + p * channels;
    const float noise_term = noise ? noise_weight * noise[p] : 0.f;
    if (noise_grad) {
      float sum = 0.f;
      for (int64_t c = 0; c < channels; ++c) sum += gp[c] * gain[yp[c] > 0];
      noise_grad[p] = noise_weight * sum;
    }
    for (int64_t c = 0; c < channels; ++c) {
      const bool positive = yp[c] > 0;
      const float g_pre = gp[c] * (positive ? gain[1] : gain[0]);
      const float shifted = yp[c] * (positive ? inverse[1] : inverse[0]) - noise_term - bias[c];
      demod_sum[c] += g_pre * shifted;
      gp[c] = g_pre * demod[c];
    }
  }
}

FACET_VECTOR_CLONES
void input_backward_pixels(float* g, const float* x, const float* f, int64_t first, int64_t last, int64_t channels,
                           bool scale, float* sums) {
  for (int64_t p = first; p < last; ++p) {
    float* gp = g + p * channels;
    const float* xp = x + p * channels;
    for (int64_t c = 0; c < channels; ++c) sums[c] += xp[c] * gp[c];
    if (scale)
      for (int64_t c = 0; c < channels; ++c) gp[c] *= f[c];
  }
}

// Row r of the blur's adjoint: out[r][c] = Σ_ab K[a][b]·g[r − 2 + a][c − 2 + b] over the rows and columns of g
// (a correlation with the kernel itself, pad 2).
FACET_VECTOR_CLONES
void blur_adjoint_row(const float* g, int64_t h, int64_t w, int64_t channels, int64_t r, const float k[16],
                      float* out_row) {
  const int64_t out_w = w + 1;
  std::fill(out_row, out_row + out_w * channels, 0.f);
  for (int64_t a = 0; a < 4; ++a) {
    const int64_t row = r - 2 + a;
    if (row < 0 || row >= h) continue;
    const float* g_row = g + row * w * channels;
    for (int64_t c = 0; c < out_w; ++c) {
      float* out = out_row + c * channels;
      for (int64_t b = 0; b < 4; ++b) {
        const int64_t col = c - 2 + b;
        if (col < 0 || col >= w) continue;
        const float kab = k[4 * a + b];
        const float* src = g_row + col * channels;
        for (int64_t ch = 0; ch < channels; ++ch) out[ch] += kab * src[ch];
      }
    }
  }
}

}  // namespace

ActivationGrad activation_backward_aten_(torch::Tensor& g, const torch::Tensor& y, const Activation& a,
                                         bool noise_grad) {
  const torch::Tensor positive = y > 0;
  const torch::Tensor g_pre = g * torch::where(positive, kGain, kSlope * kGain);
  torch::Tensor shifted = y * torch::where(positive, 1.f / kGain, 1.f / (kSlope * kGain)) - a.bias.view({1, -1, 1, 1});
  if (a.noise.defined()) shifted = shifted - a.noise_weight * a.noise;
  ActivationGrad out;
  out.demod_sum = (g_pre * shifted).sum({0, 2, 3});
  if (noise_grad) out.noise = (g_pre.sum(1, true) * a.noise_weight).contiguous();
  g.copy_(g_pre * a.demod.view({1, -1, 1, 1}));
  return out;
}

ActivationGrad activation_backward_(torch::Tensor& g, const torch::Tensor& y, const Activation& a, bool noise_grad) {
  if (!cpu_loop_applies(g) || !cpu_loop_applies(y) || g.sizes() != y.sizes())
    return activation_backward_aten_(g, y, a, noise_grad);
  const int64_t channels = g.size(1), pixels = g.size(2) * g.size(3);
  const torch::Tensor noise = a.noise.defined() ? a.noise.to(torch::kFloat32).contiguous() : torch::Tensor();
  const float noise_weight = a.noise.defined() || noise_grad ? a.noise_weight.item<float>() : 0.f;
  const torch::Tensor bias = a.bias.to(torch::kFloat32).contiguous(), demod = a.demod.to(torch::kFloat32).contiguous();
  ActivationGrad out;
  if (noise_grad) out.noise = torch::empty({1, 1, g.size(2), g.size(3)});
  float* gd = g.data_ptr<float>();
  float* noise_out = noise_grad ? out.noise.data_ptr<float>() : nullptr;
  out.demod_sum = reduce_over_pixels(pixels, channels, [&](int64_t first, int64_t last, float* sums) {
    activation_backward_pixels(gd, floats(y), first, last, channels, noise.defined() ? floats(noise) : nullptr,
                               noise_weight, floats(bias), floats(demod), sums, noise_out);
  });
  return out;
}

torch::Tensor blur_adjoint_aten(const torch::Tensor& g, const torch::Tensor& kernel) {
  return upfirdn2d(g, torch::flip(kernel, {0, 1}), 1, 1, {2, 2, 2, 2});
}

torch::Tensor blur_adjoint(const torch::Tensor& g, const torch::Tensor& kernel) {
  if (!cpu_loop_applies(g) || kernel.dim() != 2 || kernel.size(0) != 4 || kernel.size(1) != 4)
    return blur_adjoint_aten(g, kernel).contiguous(kChannelsLast);
  const int64_t channels = g.size(1), h = g.size(2), w = g.size(3);
  const torch::Tensor k = kernel.to(torch::kCPU, torch::kFloat32).contiguous();
  torch::Tensor out = torch::empty({1, channels, h + 1, w + 1}, g.options().memory_format(kChannelsLast));
  const float* src = floats(g);
  float* dst = out.data_ptr<float>();
  at::parallel_for(0, h + 1, 1, [&](int64_t first, int64_t last) {
    for (int64_t r = first; r < last; ++r) blur_adjoint_row(src, h, w, channels, r, floats(k), dst + r * (w + 1) * channels);
  });
  return out;
}

torch::Tensor input_backward_aten_(torch::Tensor& g, const torch::Tensor& x, const torch::Tensor& f,
                                   bool want_input_grad) {
  torch::Tensor gf = (g * x).sum({0, 2, 3});
  if (want_input_grad) g.mul_(f.view({1, -1, 1, 1}));
  return gf;
}

torch::Tensor input_backward_(torch::Tensor& g, const torch::Tensor& x, const torch::Tensor& f, bool want_input_grad) {
  if (!cpu_loop_applies(g) || !cpu_loop_applies(x) || g.sizes() != x.sizes())
    return input_backward_aten_(g, x, f, want_input_grad);
  const int64_t channels = g.size(1);
  const torch::Tensor factor = f.to(torch::kFloat32).contiguous();
  float* gd = g.data_ptr<float>();
  return reduce_over_pixels(g.size(2) * g.size(3), channels, [&](int64_t first, int64_t last, float* sums) {
    input_backward_pixels(gd, floats(x), floats(factor), first, last, channels, want_input_grad, sums);
  });
}

}  // namespace facet::nn::stylegan2
