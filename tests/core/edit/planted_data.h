#pragma once
// Latents with planted structure for the training, direction and evaluation tests: labels are a known non-linear
// function of W+, a_i = [v_i·w + 0.3 (u_i·w)² > c_i], c_i the median (so every attribute is balanced).
#include <cmath>

#include <torch/torch.h>

namespace facet::test {

struct Planted {
  torch::Tensor latents, labels;
  torch::Tensor v, u, threshold;  // [layers·dim, 40], [layers·dim, 40], [1, 40]

  // The true labels of any codes of the same shape.
  torch::Tensor label(const torch::Tensor& w) const {
    torch::Tensor flat = w.reshape({w.size(0), -1});
    return (flat.mm(v) + 0.3 * flat.mm(u).pow(2)).gt(threshold).to(torch::kFloat32);
  }
};

inline Planted planted(int64_t n, int64_t layers, int64_t dim, uint64_t seed) {
  torch::manual_seed(seed);
  Planted p;
  p.latents = torch::randn({n, layers, dim});
  torch::Tensor flat = p.latents.reshape({n, -1});
  p.v = torch::randn({layers * dim, 40}) / std::sqrt(double(layers * dim));
  p.u = torch::randn({layers * dim, 40}) / std::sqrt(double(layers * dim));
  torch::Tensor score = flat.mm(p.v) + 0.3 * flat.mm(p.u).pow(2);
  p.threshold = std::get<0>(score.median(0, true));
  p.labels = score.gt(p.threshold).to(torch::kFloat32);
  return p;
}

}  // namespace facet::test
