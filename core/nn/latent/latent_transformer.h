#pragma once
// A latent transformer T_k (InterDigitalInc/latent-transformer nets.py F_mapping, linear): one dense layer per
// W+ layer, equalised learning rate (weight × lrmul/√fan_in at run time; bias as stored);
// T(w, α) = w + α · concat_l(dense_l(w_l)). Official files: tnet_<k>.pth.tar (dense.i.weight/bias).
#include <string>

#include <torch/torch.h>

namespace facet::nn {

struct LatentTransformerImpl : torch::nn::Module {
  LatentTransformerImpl(int64_t layers, int64_t dim, double lrmul = 1.0);
  // The direction α multiplies: [N, layers, dim] (or flattened) → [N, layers, dim].
  torch::Tensor delta(const torch::Tensor& wplus);
  // T(w, α), α a number or one per sample [N].
  torch::Tensor forward(const torch::Tensor& wplus, const torch::Tensor& alpha);
  torch::nn::ModuleList dense{nullptr};
  int64_t layers, dim;
  double lrmul;
};
TORCH_MODULE(LatentTransformer);

LatentTransformer load_latent_transformer(const std::string& path, torch::Device device = torch::kCPU,
                                          double lrmul = 1.0);
void save_latent_transformer(const std::string& path, LatentTransformer& transformer);

}  // namespace facet::nn
