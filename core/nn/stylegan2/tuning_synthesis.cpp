#include "core/nn/stylegan2/tuning_synthesis.h"

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/stylegan2/generator.h"
#include "core/nn/stylegan2/layers.h"
#include "core/nn/stylegan2/synthesis_grad.h"

namespace facet::nn {

using namespace stylegan2;

torch::Tensor tuning_synthesis(StyleGan2& g, const torch::Tensor& wplus) {
  if (wplus.dim() != 3 || wplus.size(0) != 1)
    throw Error("tuning renders one W+ code [1, n_latent, style_dim] at a time");
  if (!g.device().is_cpu()) {
    SynthesisOptions o;
    o.fast = false;
    return g.synthesis(wplus, o);
  }
  torch::nn::Module& net = g.module();
  const auto modules = net.named_modules();
  const auto params = net.named_parameters();
  const auto buffers = net.named_buffers();
  auto conv = [&](const std::string& prefix) {
    auto c = std::dynamic_pointer_cast<ModulatedConvImpl>(modules[prefix + ".conv"]);
    if (!c) throw Error("tuning: '" + prefix + ".conv' is not a modulated convolution");
    return c;
  };
  auto styled = [&](const std::string& prefix, size_t noise) {
    return StyledLayer{conv(prefix), params[prefix + ".noise.weight"], params[prefix + ".activate.bias"],
                       buffers["noises.noise_" + std::to_string(noise)]};
  };
  SynthesisLayers layers;
  layers.input = params["input.input"];
  layers.convs.push_back(styled("conv1", 0));
  layers.rgbs.push_back(RgbLayer{conv("to_rgb1"), params["to_rgb1.bias"], {}});
  const size_t blocks = g.config().channels.size() - 1;
  for (size_t b = 0; b < blocks; ++b) {
    layers.convs.push_back(styled("convs." + std::to_string(2 * b), 1 + 2 * b));
    layers.convs.push_back(styled("convs." + std::to_string(2 * b + 1), 2 + 2 * b));
    const std::string rgb = "to_rgbs." + std::to_string(b);
    layers.rgbs.push_back(RgbLayer{conv(rgb), params[rgb + ".bias"], buffers[rgb + ".upsample.kernel"]});
  }
  return synthesis_with_gradients(layers, g.styles(wplus));
}

}  // namespace facet::nn
