#include "core/nn/stylegan2/conv_layout.h"

#include <cstdlib>
#include <cstring>

#include <torch/torch.h>

#include "core/nn/stylegan2/cpu_features.h"

namespace facet::nn::stylegan2 {

namespace {
constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
// Measured on AVX2 (one and two threads): 512 channels at 32² 1.25–1.3×, at 64² 1.6–1.7×, 256 at 128² 1.5–1.6×;
// 512 at 16² and below and 128 at 256² no faster, 64 at 512² 1.4–1.9× slower.
constexpr int64_t kMinChannels = 256, kMinPixels = 32 * 32;

// FACET_CONV_LAYOUT=channels-last keeps every layer channels-last (to compare the two in a benchmark).
bool plain_layout_chosen() {
  static const bool allowed = [] {
    const char* value = std::getenv("FACET_CONV_LAYOUT");
    return !(value && std::strcmp(value, "channels-last") == 0);
  }();
  return allowed;
}

bool plain_layout_allowed() { return plain_layout_chosen() && !cpu_features().avx512; }

// Up-sampling weight gradients, measured on the AVX-512 VM (2 threads): 512 → 512 channels up to 32² and 64² 2.1×
// and 1.3× faster in NCHW, 512 → 256 up to 128² 1.7×, 256 → 128 up to 256² 2×; 128 → 64 up to 512² and 64 → 32 up
// to 1024² 1.1× and 2× slower. Without AVX-512 (oneDNN capped to AVX2 there) NCHW was faster at every width
// (1.4–4×).
constexpr int64_t kMinUpsamplingChannelsAvx512 = 256;
}  // namespace

bool plain_layout_for_conv3x3(int64_t channels, int64_t height, int64_t width) {
  return plain_layout_allowed() && channels >= kMinChannels && height * width >= kMinPixels;
}

bool plain_layout_for_weight_grads() { return plain_layout_allowed(); }

bool plain_layout_for_upsampling_weight_grads(int64_t in_channels) {
  return plain_layout_chosen() && (!cpu_features().avx512 || in_channels >= kMinUpsamplingChannelsAvx512);
}

torch::Tensor conv3x3_channels_last(const torch::Tensor& x, const torch::Tensor& w) {
  namespace F = torch::nn::functional;
  const auto options = F::Conv2dFuncOptions().padding(1);
  if (x.device().is_cpu() && plain_layout_for_conv3x3(x.size(1), x.size(2), x.size(3)))
    return F::conv2d(x.contiguous(), w.contiguous(), options).contiguous(kChannelsLast);
  return F::conv2d(x, w.contiguous(kChannelsLast), options);
}

}  // namespace facet::nn::stylegan2
