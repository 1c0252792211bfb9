#include "core/nn/faceapi/tfjs_ops.h"

#include <cmath>
#include <limits>

#include <torch/nn/functional.h>

#include "core/io/error.h"

namespace facet::nn::faceapi {
namespace {

namespace F = torch::nn::functional;

// tfjs 'same': out = ceil(in / stride); total padding = max((out − 1)·stride + k − in, 0), floor half before.
std::pair<int64_t, int64_t> same_padding(int64_t in, int64_t kernel, int64_t stride) {
  const int64_t out = (in + stride - 1) / stride;
  const int64_t total = std::max<int64_t>((out - 1) * stride + kernel - in, 0);
  return {total / 2, total - total / 2};
}

torch::Tensor pad_same(const torch::Tensor& x, int64_t kh, int64_t kw, int64_t stride, double value) {
  const auto [top, bottom] = same_padding(x.size(2), kh, stride);
  const auto [left, right] = same_padding(x.size(3), kw, stride);
  if (top == 0 && bottom == 0 && left == 0 && right == 0) return x;
  return F::pad(x, F::PadFuncOptions({left, right, top, bottom}).mode(torch::kConstant).value(value));
}

}  // namespace

torch::Tensor conv_filter_to_torch(const torch::Tensor& tfjs_filter) {
  return tfjs_filter.permute({3, 2, 0, 1}).contiguous();
}

torch::Tensor depthwise_filter_to_torch(const torch::Tensor& tfjs_filter) {
  return tfjs_filter.permute({2, 3, 0, 1}).contiguous();
}

torch::Tensor conv2d_tfjs(const torch::Tensor& x, const torch::Tensor& filter, const torch::Tensor& bias,
                          int64_t stride, bool same_padding_mode) {
  auto input = same_padding_mode ? pad_same(x, filter.size(2), filter.size(3), stride, 0.0) : x;
  return F::conv2d(input, filter, F::Conv2dFuncOptions().bias(bias).stride(stride));
}

torch::Tensor separable_conv2d_tfjs(const torch::Tensor& x, const torch::Tensor& depthwise,
                                    const torch::Tensor& pointwise, const torch::Tensor& bias, int64_t stride) {
  auto input = pad_same(x, depthwise.size(2), depthwise.size(3), stride, 0.0);
  auto depth = F::conv2d(input, depthwise, F::Conv2dFuncOptions().stride(stride).groups(x.size(1)));
  return F::conv2d(depth, pointwise, F::Conv2dFuncOptions().bias(bias));
}

torch::Tensor max_pool_tfjs(const torch::Tensor& x, int64_t kernel, int64_t stride, bool same_padding_mode) {
  auto input = same_padding_mode
                   ? pad_same(x, kernel, kernel, stride, -std::numeric_limits<double>::infinity())
                   : x;
  return F::max_pool2d(input, F::MaxPool2dFuncOptions(kernel).stride(stride));
}

torch::Tensor resize_bilinear_tfjs(const torch::Tensor& chw, int64_t out_h, int64_t out_w) {
  // Computed in double like the JavaScript kernel, rounded to float at the end.
  auto x = chw.to(torch::kFloat64);
  const int64_t in_h = x.size(1), in_w = x.size(2);
  auto axis = [&x](int64_t in, int64_t out) {
    const double scale = static_cast<double>(in) / static_cast<double>(out);
    auto src = torch::arange(out, x.options()) * scale;
    auto lo = src.floor().clamp_min(0);
    auto frac = src - lo;
    auto hi = src.ceil().clamp_max(static_cast<double>(in - 1));
    return std::make_tuple(lo.to(torch::kLong), hi.to(torch::kLong), frac);
  };
  auto [r0, r1, rf] = axis(in_h, out_h);  // on the image's device: no trip through the host
  auto [c0, c1, cf] = axis(in_w, out_w);
  auto top = x.index_select(1, r0), bottom = x.index_select(1, r1);
  auto tl = top.index_select(2, c0), tr = top.index_select(2, c1);
  auto bl = bottom.index_select(2, c0), br = bottom.index_select(2, c1);
  cf = cf.view({1, 1, out_w});
  rf = rf.view({1, out_h, 1});
  auto t = tl + (tr - tl) * cf;
  auto b = bl + (br - bl) * cf;
  return (t + (b - t) * rf).to(torch::kFloat32);
}

torch::Tensor prepare_face_input(const torch::Tensor& image_hwc, int64_t size) {
  if (image_hwc.dim() != 3 || image_hwc.size(2) != 3 || image_hwc.size(0) < 1 || image_hwc.size(1) < 1)
    throw Error("face analysis needs an RGB image tensor [H, W, 3]; got shape " +
                std::to_string(image_hwc.dim()) + "-D");
  auto chw = image_hwc.to(torch::kFloat32).permute({2, 0, 1});
  const int64_t h = chw.size(1), w = chw.size(2);
  if (h != w) {
    // padToSquare(isCenterImage = true): round(diff / 2) after (JS Math.round: .5 up), the rest before.
    const int64_t diff = std::abs(h - w);
    const int64_t after = (diff + 1) / 2, before = diff - after;
    chw = h > w ? F::pad(chw.unsqueeze(0), F::PadFuncOptions({before, after, 0, 0})).squeeze(0)
                : F::pad(chw.unsqueeze(0), F::PadFuncOptions({0, 0, before, after})).squeeze(0);
  }
  if (chw.size(1) != size || chw.size(2) != size) chw = resize_bilinear_tfjs(chw, size, size);
  // normalize(x, meanRgb).div(255), as FaceRecognitionNet, TinyXception and FaceFeatureExtractor all do.
  auto mean = torch::tensor({122.782f, 117.001f, 104.298f}).to(chw.device()).view({3, 1, 1});
  return ((chw - mean) / 255.0f).unsqueeze(0).contiguous();
}

}  // namespace facet::nn::faceapi
