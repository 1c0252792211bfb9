#include "core/nn/stylegan2/wplus_file.h"

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::nn {

torch::Tensor read_wplus_file(const std::string& path, const StyleGan2& generator, bool single) {
  torch::Tensor w = io::read_npy(path).to(torch::kFloat32);
  if (w.dim() == 2) w = w.unsqueeze(0);
  const std::string expected =
      "[1, " + std::to_string(generator.n_latent()) + ", " + std::to_string(generator.style_dim()) + "]";
  if (w.dim() != 3 || (single && w.size(0) != 1) || w.size(1) != generator.n_latent() ||
      w.size(2) != generator.style_dim())
    throw Error(path + ": a W+ code for this generator is " + expected + "; this file holds " + c10::str(w.sizes()) +
                " (an encoder or embedding made for another generator?)");
  w = w.slice(0, 0, 1).contiguous();
  if (!torch::isfinite(w).all().item<bool>()) throw Error(path + ": the W+ code holds NaN or infinite values");
  return w;
}

}  // namespace facet::nn
