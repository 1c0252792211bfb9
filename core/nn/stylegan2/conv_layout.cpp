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
bool plain_layout_allowed() {
  static const bool allowed = [] {
    const char* value = std::getenv("FACET_CONV_LAYOUT");
    return !(value && std::strcmp(value, "channels-last") == 0);
  }();
  return allowed && !cpu_features().avx512;
}
}  // namespace

bool plain_layout_for_conv3x3(int64_t channels, int64_t height, int64_t width) {
  return plain_layout_allowed() && channels >= kMinChannels && height * width >= kMinPixels;
}

bool plain_layout_for_weight_grads() { return plain_layout_allowed(); }

torch::Tensor conv3x3_channels_last(const torch::Tensor& x, const torch::Tensor& w) {
  namespace F = torch::nn::functional;
  const auto options = F::Conv2dFuncOptions().padding(1);
  if (x.device().is_cpu() && plain_layout_for_conv3x3(x.size(1), x.size(2), x.size(3)))
    return F::conv2d(x.contiguous(), w.contiguous(), options).contiguous(kChannelsLast);
  return F::conv2d(x, w.contiguous(kChannelsLast), options);
}

}  // namespace facet::nn::stylegan2
