#include "core/nn/stylegan2/layers.h"

#include <cmath>

namespace facet::nn::stylegan2 {

namespace F = torch::nn::functional;

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

void ModulatedConvImpl::prepare_fast() {
  if (!upsample || fused_up_.defined() || phase_up_.defined()) return;
  // transposed conv (stride 2) followed by the blur (pad 1, 1) equals one transposed conv with the weight
  // correlated with the flipped blur kernel over a 3-pixel zero border, and output padding 2.
  torch::NoGradGuard no_grad;
  // The fold is linear in the k×k weight, so it is one matrix: fold the k² unit kernels (a tiny conv2d), then apply
  // that [k², side²] matrix to all out·in kernels in one product. (A conv2d over out·in one-channel images costs
  // over 1 GB in oneDNN's channel-blocked layout for a config-f generator.)
  const int64_t k2 = kernel_size * kernel_size;
  torch::Tensor units = torch::eye(k2, weight.options()).view({k2, 1, kernel_size, kernel_size});
  torch::Tensor kf = torch::flip(blur->value, {0, 1}).view({1, 1, blur->value.size(0), blur->value.size(1)});
  const int64_t border = blur->value.size(0) - 1;
  torch::Tensor fold = F::conv2d(F::pad(units, F::PadFuncOptions({border, border, border, border})), kf.to(units.dtype()));
  const int64_t side = fold.size(2);
  torch::Tensor w = (weight[0] * scale).reshape({out_channels * in_channels, k2});
  fused_up_ = torch::mm(w, fold.view({k2, side * side})).view({out_channels, in_channels, side, side});
  // A stride-2 transposed conv with a 6×6 kernel (padding 2) is four ordinary 3×3 convs, one per output phase
  // (ry, rx), interleaved by pixel shuffle: phase weight [a][b] = fused[ry + 4 − 2a][rx + 4 − 2b]. Ordinary
  // convolutions are what oneDNN runs fastest on CPU.
  if (fused_up_.size(2) == 6) {
    std::vector<torch::Tensor> phases;
    for (int64_t ry = 0; ry < 2; ++ry)
      for (int64_t rx = 0; rx < 2; ++rx) {
        auto iy = torch::tensor({ry + 4, ry + 2, ry}, torch::kLong);
        auto ix = torch::tensor({rx + 4, rx + 2, rx}, torch::kLong);
        phases.push_back(fused_up_.index_select(2, iy).index_select(3, ix));
      }
    // pixel_shuffle reads channel o·4 + ry·2 + rx.
    phase_up_ = torch::stack(phases, 1).reshape({out_channels * 4, in_channels, 3, 3}).contiguous();
    fused_up_ = torch::Tensor();  // only the phases are used from here on
  }
}

torch::Tensor ModulatedConvImpl::forward_fast(const torch::Tensor& x, const torch::Tensor& style) const {
  // x [1, in, h, w] in channels-last memory, style [1, in]. Channels-last weights and activations keep oneDNN in
  // its native NHWC layout: no reorder of the large high-resolution activations (about 2× on the top blocks).
  constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
  torch::Tensor s = style.view({1, in_channels, 1, 1});
  torch::Tensor base = weight[0] * scale * s;  // [out, in, k, k]
  torch::Tensor d;
  if (demodulate) d = torch::rsqrt(base.pow(2).sum({1, 2, 3}) + 1e-8).view({out_channels, 1, 1, 1});
  if (upsample && phase_up_.defined()) {
    torch::Tensor g = phase_up_ * s;
    if (demodulate) g = g * d.repeat_interleave(4, 0);
    return torch::pixel_shuffle(F::conv2d(x, g.contiguous(kChannelsLast), F::Conv2dFuncOptions().padding(1)), 2);
  }
  if (upsample) {
    torch::Tensor g = fused_up_ * s;
    if (demodulate) g = g * d;
    return F::conv_transpose2d(x, g.transpose(0, 1), F::ConvTranspose2dFuncOptions().stride(2).padding(2))
        .contiguous(kChannelsLast);
  }
  if (demodulate) base = base * d;
  return F::conv2d(x, base.contiguous(kChannelsLast), F::Conv2dFuncOptions().padding(kernel_size / 2));
}

}  // namespace facet::nn::stylegan2
