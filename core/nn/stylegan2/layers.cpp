#include "core/nn/stylegan2/layers.h"

#include "core/nn/stylegan2/fast_conv.h"
#include "core/nn/stylegan2/winograd_conv.h"

#include <algorithm>
#include <cmath>

namespace facet::nn::stylegan2 {

namespace F = torch::nn::functional;
constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;

namespace {
thread_local bool skip_weight_init = false;
// Tensors made under InferenceMode have no version counter (and cannot be changed outside it).
uint32_t version_of(const torch::Tensor& t) { return t.is_inference() ? 0 : t._version(); }
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
  // weight.contiguous(): layers prepared for the fast path keep their weights channels-last; the grouped
  // convolutions below run about 30 % slower on that layout than on a copy in the standard one.
  torch::Tensor wt = weight.contiguous() * scale * style.view({n, 1, in_channels, 1, 1});  // [N, out, in, k, k]
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

torch::Tensor ModulatedConvImpl::forward_plain_batched(const torch::Tensor& x, const torch::Tensor& style) const {
  const int64_t n = x.size(0);
  const torch::Tensor factor = style.view({n, in_channels}) * scale;
  const torch::Tensor w = weight[0];  // [out, in, k, k]
  const torch::Tensor input = x * factor.view({n, in_channels, 1, 1});
  torch::Tensor y;
  if (upsample) {
    y = F::conv_transpose2d(input, w.transpose(0, 1), F::ConvTranspose2dFuncOptions().stride(2));
    // upfirdn2d(y, blur, pad 1) as a depthwise convolution: no reshape, so the layout survives.
    const torch::Tensor k = torch::flip(blur->value, {0, 1}).to(y.dtype());
    y = F::conv2d(y, k.view({1, 1, k.size(0), k.size(1)}).expand({out_channels, 1, k.size(0), k.size(1)}),
                  F::Conv2dFuncOptions().padding(1).groups(out_channels));
  } else {
    y = F::conv2d(input, w, F::Conv2dFuncOptions().padding(kernel_size / 2));
  }
  if (!demodulate) return y;
  // Σ_{in,k} (w·scale·s)² = Σ_in (scale·s)² · Σ_k w²
  const torch::Tensor squared = w.pow(2).sum({2, 3});  // [out, in]
  const torch::Tensor demod = torch::rsqrt(torch::matmul(factor.pow(2), squared.t()) + 1e-8);  // [N, out]
  return y * demod.view({n, out_channels, 1, 1});
}

FastConv ModulatedConvImpl::forward_fast(const torch::Tensor& x, const torch::Tensor& style) const {
  // x [1, in, h, w] in channels-last memory, style [1, in]. Channels-last weights and activations keep oneDNN in
  // its native NHWC layout: no reorder of the large high-resolution activations (about 2× on the top blocks).
  if (upsample) return {forward_plain(x, style).contiguous(kChannelsLast), {}};  // without phases (k ≠ 3)
  const bool prepared = modulates_input();
  if (prepared && winograd_ && winograd_convolutions() && x.size(0) == 1 &&
      x.size(2) >= WinogradConv3x3::kMinSide && x.size(3) >= WinogradConv3x3::kMinSide) {
    auto [factor, demod] = input_modulation(style);
    if (torch::Tensor y = winograd_->forward(x * factor); y.defined()) return {y, demod};
  }
  if (prepared && !winograd_only_) {
    auto [factor, demod] = input_modulation(style);
    return {fast_conv2d(x * factor, weight[0], kernel_size / 2), demod};
  }
  return {fast_conv2d(x, modulated_weight(style).contiguous(kChannelsLast), kernel_size / 2), {}};
}

torch::Tensor ModulatedConvImpl::modulated_weight(const torch::Tensor& style) const {
  torch::Tensor g = weight[0] * scale * style.view({1, in_channels, 1, 1});  // [out, in, k, k]
  if (demodulate) g = g * torch::rsqrt(g.pow(2).sum({1, 2, 3}) + 1e-8).view({out_channels, 1, 1, 1});
  return g;
}

torch::Tensor ModulatedConvImpl::forward_activated(const torch::Tensor& x, const torch::Tensor& s, Activation epilogue,
                                                   const torch::Tensor& out) const {
  if (has_phases()) {
    FastPhases phases = forward_phases(x, s);
    epilogue.demod = phases.demod;
    return blur_phases_activate(phases.phases, blur->value, epilogue, out);
  }
  FastConv y = forward_fast(x, s);
  epilogue.demod = y.demod;
  activate_(y.y, epilogue);
  return y.y;
}

bool ModulatedConvImpl::has_phases() const { return upsample && kernel_size == 3; }

void ModulatedConvImpl::prepare_fast(int64_t input_pixels) {
  const bool small_input = input_pixels <= out_channels * kernel_size * kernel_size;
  // oneDNN's Winograd pays at every width from 32²; the portable one where the channels are many.
  const bool wide = std::min(in_channels, out_channels) >= WinogradConv3x3::kPortableMinChannels;
  const bool winograd = demodulate && !upsample && kernel_size == 3 && weight.device().is_cpu() &&
                        weight.scalar_type() == torch::kFloat32 &&
                        input_pixels >= WinogradConv3x3::kMinSide * WinogradConv3x3::kMinSide &&
                        (WinogradConv3x3::available() || (wide && WinogradConv3x3::portable_available()));
  if (!demodulate || (upsample && !has_phases()) || (!small_input && !winograd)) return;
  torch::NoGradGuard no_grad;
  const torch::Tensor w = weight[0];  // [out, in, k, k]
  winograd_only_ = !small_input;
  if (winograd) winograd_ = std::make_shared<WinogradConv3x3>(w);
  squared_ = torch::linalg_vector_norm(w, 2, at::IntArrayRef{2, 3}).square();  // a reduction: no [out, in, k, k] temporary
  if (has_phases()) {
    constant_phases_ = phase_weights(w);
  } else if (!winograd_only_ && !w.is_contiguous(kChannelsLast)) {
    // Same values; weight[0] is now channels-last for the direct convolution (the Winograd keeps its own copy).
    weight.set_data(w.contiguous(kChannelsLast).unsqueeze(0));
  }
  prepared_data_ = weight.data_ptr();
  prepared_version_ = version_of(weight);
}

bool ModulatedConvImpl::modulates_input() const {
  return squared_.defined() && weight.data_ptr() == prepared_data_ && version_of(weight) == prepared_version_;
}

std::pair<torch::Tensor, torch::Tensor> ModulatedConvImpl::input_modulation(const torch::Tensor& style) const {
  const torch::Tensor factor = style.reshape({in_channels}) * scale;
  const torch::Tensor demod = torch::rsqrt(torch::mv(squared_, factor.pow(2)) + 1e-8);
  return {factor.view({1, in_channels, 1, 1}), demod};
}

std::array<torch::Tensor, 4> ModulatedConvImpl::phase_weights(const torch::Tensor& g) {
  // Transposed conv, stride 2: T[2m + a] = Σ_ky W[ky]·x[(2m + a − ky) / 2] over the ky of parity a, i.e. even rows
  // take W[0]·x[m] + W[2]·x[m − 1] and odd rows W[1]·x[m]. Over an input padded by 1, a correlation reads the taps
  // in the order {2, 0} (even) and {1} (odd); the same per column. Each phase is an ordinary convolution with only
  // the taps that reach it: 9 multiply-adds per input pixel in all, where folding the blur into the weights (a 6×6
  // kernel, four 3×3 phases) took 36.
  static const std::vector<int64_t> kTaps[2] = {{2, 0}, {1}};
  std::array<torch::Tensor, 4> w;
  for (size_t a = 0; a < 2; ++a)
    for (size_t b = 0; b < 2; ++b) {
      const auto& rows = kTaps[a];
      const auto& cols = kTaps[b];
      torch::Tensor phase = torch::empty({g.size(0), g.size(1), static_cast<int64_t>(rows.size()),
                                          static_cast<int64_t>(cols.size())},
                                         g.options().memory_format(kChannelsLast));
      for (size_t i = 0; i < rows.size(); ++i)  // tap by tap: no temporaries
        for (size_t j = 0; j < cols.size(); ++j)
          phase.select(2, static_cast<int64_t>(i)).select(2, static_cast<int64_t>(j))
              .copy_(g.select(2, rows[i]).select(2, cols[j]));
      w[2 * a + b] = phase;
    }
  return w;
}

FastPhases ModulatedConvImpl::forward_phases(const torch::Tensor& x, const torch::Tensor& style) const {
  TORCH_CHECK(has_phases(), "forward_phases: only 3×3 up-sampling layers have sub-pixel phases");
  // Small inputs: the constant phase weights on the modulated input. Large ones: the phases cut from the
  // modulated weight at each call, as cheap as modulating stored phase weights.
  FastPhases out;
  torch::Tensor input = x;
  std::array<torch::Tensor, 4> w;
  if (modulates_input()) {
    torch::Tensor factor;
    std::tie(factor, out.demod) = input_modulation(style);
    input = x * factor;
    w = constant_phases_;
  } else {
    w = phase_weights(modulated_weight(style));
  }
  for (size_t i = 0; i < 4; ++i)
    out.phases[i] = fast_conv2d(input, w[i], 1).contiguous(kChannelsLast);
  return out;
}

}  // namespace facet::nn::stylegan2
