#include "core/nn/stylegan2/layers.h"

#include <cmath>

namespace facet::nn::stylegan2 {

namespace F = torch::nn::functional;
constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

namespace {
thread_local bool skip_weight_init = false;
torch::Tensor initial_weight(at::IntArrayRef shape) {
  return skip_weight_init ? torch::empty(shape) : torch::randn(shape);
}
}  // namespace

SkipWeightInit::SkipWeightInit() : previous_(skip_weight_init) { skip_weight_init = true; }
SkipWeightInit::~SkipWeightInit() { skip_weight_init = previous_; }

torch::Tensor default_fir_kernel(double factor) {
  auto k1 = torch::tensor({1.f, 3.f, 3.f, 1.f});
  auto k2 = torch::outer(k1, k1);
  return k2 / k2.sum() * (factor * factor);
}

EqualLinearImpl::EqualLinearImpl(int64_t in, int64_t out, double bias_init, double lr_mul_, bool activate_)
    : scale(lr_mul_ / std::sqrt(static_cast<double>(in))), lr_mul(lr_mul_), activate(activate_) {
  weight = register_parameter("weight", initial_weight({out, in}) / lr_mul_);
  bias = register_parameter("bias", torch::full({out}, bias_init));
}

torch::Tensor EqualLinearImpl::forward(const torch::Tensor& x) const {
  if (!activate) return F::linear(x, weight * scale, bias * lr_mul);
  return F::leaky_relu(F::linear(x, weight * scale) + bias * lr_mul, F::LeakyReLUFuncOptions().negative_slope(0.2)) *
         std::sqrt(2.0);
}

HolderImpl::HolderImpl(const std::string& name, torch::Tensor v, bool buffer) {
  value = buffer ? register_buffer(name, std::move(v)) : register_parameter(name, std::move(v));
}

ModulatedConvImpl::ModulatedConvImpl(int64_t in, int64_t out, int64_t k, int64_t style_dim, bool demod, bool up)
    : in_channels(in), out_channels(out), kernel_size(k), scale(1.0 / std::sqrt(static_cast<double>(in * k * k))),
      demodulate(demod), upsample(up) {
  weight = register_parameter("weight", initial_weight({1, out, in, k, k}));
  modulation = register_module("modulation", EqualLinear(style_dim, in, 1.0, 1.0, false));
  if (up) {
    blur = register_module("blur", Holder("kernel", default_fir_kernel(), true));
  }
}

torch::Tensor ModulatedConvImpl::forward_plain(const torch::Tensor& x, const torch::Tensor& style) const {
  const int64_t n = x.size(0), h = x.size(2), w = x.size(3);
  torch::Tensor wt = weight * scale * style.view({n, 1, in_channels, 1, 1});  // [N, out, in, k, k]
  if (demodulate) {
    torch::Tensor d = torch::rsqrt(wt.pow(2).sum({2, 3, 4}) + 1e-8);
    wt = wt * d.view({n, out_channels, 1, 1, 1});
  }
  if (upsample) {
    torch::Tensor xt = x.reshape({1, n * in_channels, h, w});
    torch::Tensor wtt = wt.transpose(1, 2).reshape({n * in_channels, out_channels, kernel_size, kernel_size});
    torch::Tensor y = F::conv_transpose2d(xt, wtt, F::ConvTranspose2dFuncOptions().stride(2).groups(n));
    y = y.view({n, out_channels, y.size(2), y.size(3)});
    return upfirdn2d(y, blur->value, 1, 1, {1, 1, 1, 1});
  }
  torch::Tensor y = F::conv2d(x.reshape({1, n * in_channels, h, w}),
                              wt.view({n * out_channels, in_channels, kernel_size, kernel_size}),
                              F::Conv2dFuncOptions().padding(kernel_size / 2).groups(n));
  return y.view({n, out_channels, h, w});
}

torch::Tensor ModulatedConvImpl::forward_fast(const torch::Tensor& x, const torch::Tensor& style) const {
  // x [1, in, h, w] in channels-last memory, style [1, in]. Channels-last weights and activations keep oneDNN in
  // its native NHWC layout: no reorder of the large high-resolution activations (about 2× on the top blocks).
  if (upsample) return forward_plain(x, style).contiguous(kChannelsLast);  // without phases (k ≠ 3)
  return F::conv2d(x, modulated_weight(style).contiguous(kChannelsLast), F::Conv2dFuncOptions().padding(kernel_size / 2));
}

torch::Tensor ModulatedConvImpl::modulated_weight(const torch::Tensor& style) const {
  torch::Tensor g = weight[0] * scale * style.view({1, in_channels, 1, 1});  // [out, in, k, k]
  if (demodulate) g = g * torch::rsqrt(g.pow(2).sum({1, 2, 3}) + 1e-8).view({out_channels, 1, 1, 1});
  return g;
}

bool ModulatedConvImpl::has_phases() const { return upsample && kernel_size == 3; }

std::array<torch::Tensor, 4> ModulatedConvImpl::forward_phases(const torch::Tensor& x, const torch::Tensor& style) const {
  TORCH_CHECK(has_phases(), "forward_phases: only 3×3 up-sampling layers have sub-pixel phases");
  // Transposed conv, stride 2: T[2m + a] = Σ_ky W[ky]·x[(2m + a − ky) / 2] over the ky of parity a, i.e. even rows
  // take W[0]·x[m] + W[2]·x[m − 1] and odd rows W[1]·x[m]. Over an input padded by 1, a correlation reads the taps
  // in the order {2, 0} (even) and {1} (odd); the same per column. Each phase is an ordinary convolution with only
  // the taps that reach it: 9 multiply-adds per input pixel in all, where folding the blur into the weights (a 6×6
  // kernel, four 3×3 phases) took 36. The phases are cut from the modulated weight at each call: as cheap as
  // modulating stored phase weights, and no second copy of the layer's weights.
  const torch::Tensor g = modulated_weight(style);  // [out, in, 3, 3]
  const torch::Tensor taps[2] = {torch::tensor({2, 0}, torch::kLong).to(g.device()),
                                 torch::tensor({1}, torch::kLong).to(g.device())};
  std::array<torch::Tensor, 4> phases;
  for (int64_t a = 0; a < 2; ++a)
    for (int64_t b = 0; b < 2; ++b) {
      torch::Tensor w = g.index_select(2, taps[a]).index_select(3, taps[b]).contiguous(kChannelsLast);
      phases[2 * a + b] = F::conv2d(x, w, F::Conv2dFuncOptions().padding(1)).contiguous(kChannelsLast);
    }
  return phases;
}

}  // namespace facet::nn::stylegan2
