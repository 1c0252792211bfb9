#include "core/nn/stylegan2/upfirdn2d.h"

#include <torch/torch.h>

namespace facet::nn::stylegan2 {

namespace F = torch::nn::functional;

torch::Tensor upfirdn2d(const torch::Tensor& input, const torch::Tensor& kernel, int64_t up, int64_t down, Pad2d pad) {
  const int64_t n = input.size(0), c = input.size(1), h = input.size(2), w = input.size(3);
  torch::Tensor x = input;
  if (up > 1) {  // zero insertion: each pixel followed by up-1 zeros along both axes
    x = x.reshape({n, c, h, 1, w, 1});
    x = F::pad(x, F::PadFuncOptions({0, up - 1, 0, 0, 0, up - 1}));
    x = x.reshape({n, c, h * up, w * up});
  }
  // Positive pads add zeros, negative pads crop.
  x = F::pad(x, F::PadFuncOptions({std::max<int64_t>(pad.x0, 0), std::max<int64_t>(pad.x1, 0),
                                   std::max<int64_t>(pad.y0, 0), std::max<int64_t>(pad.y1, 0)}));
  x = x.slice(2, std::max<int64_t>(-pad.y0, 0), x.size(2) - std::max<int64_t>(-pad.y1, 0))
          .slice(3, std::max<int64_t>(-pad.x0, 0), x.size(3) - std::max<int64_t>(-pad.x1, 0));
  // conv2d correlates; flipping makes it the convolution upfirdn2d defines. Depthwise over channels.
  const torch::Tensor k = torch::flip(kernel, {0, 1}).to(x.dtype()).view({1, 1, kernel.size(0), kernel.size(1)});
  x = F::conv2d(x.reshape({n * c, 1, x.size(2), x.size(3)}), k);
  x = x.reshape({n, c, x.size(2), x.size(3)});
  if (down > 1) x = x.slice(2, 0, x.size(2), down).slice(3, 0, x.size(3), down);
  return x;
}

}  // namespace facet::nn::stylegan2
