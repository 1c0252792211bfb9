#include "core/nn/latent/latent_transformer.h"

#include <cmath>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/latent/latent_checkpoint.h"
#include "core/nn/state_dict.h"
#include "core/nn/network_guard.h"

namespace facet::nn {
namespace {
// The authors' Dense_layer: a weight and bias, no activation (the transformer is linear).
struct DenseImpl : torch::nn::Module {
  explicit DenseImpl(int64_t dim) {
    weight = register_parameter("weight", torch::empty({dim, dim}));
    bias = register_parameter("bias", torch::zeros({dim}));
    torch::nn::init::xavier_uniform_(weight);
  }
  torch::Tensor weight, bias;
};
TORCH_MODULE(Dense);
}  // namespace

LatentTransformerImpl::LatentTransformerImpl(int64_t layers_, int64_t dim_, double lrmul_)
    : layers(layers_), dim(dim_), lrmul(lrmul_) {
  dense = register_module("dense", torch::nn::ModuleList());
  for (int64_t i = 0; i < layers; ++i) dense->push_back(Dense(dim));
}

torch::Tensor LatentTransformerImpl::delta(const torch::Tensor& wplus) {
  torch::Tensor w = wplus.reshape({wplus.size(0), -1});
  if (w.size(1) != layers * dim)
    throw Error("latent transformer expects W+ with " + std::to_string(layers) + " × " + std::to_string(dim) +
                " values, got " + std::to_string(w.size(1)));
  const double coef = lrmul / std::sqrt(static_cast<double>(dim));
  std::vector<torch::Tensor> out;
  for (int64_t l = 0; l < layers; ++l) {
    auto* d = dense[l]->as<DenseImpl>();
    out.push_back(torch::nn::functional::linear(w.narrow(1, l * dim, dim), d->weight * coef, d->bias));
  }
  return torch::stack(out, 1);
}

torch::Tensor LatentTransformerImpl::forward(const torch::Tensor& wplus, const torch::Tensor& alpha) {
  check_network_thread("latent transformer");
  torch::Tensor w = wplus.reshape({wplus.size(0), layers, dim});
  torch::Tensor a = alpha.to(w.options()).reshape({-1, 1, 1});
  return w + a * delta(w);
}

LatentTransformer load_latent_transformer(const std::string& path, torch::Device device, double lrmul) {
  return latent_transformer_from_checkpoint(io::load_checkpoint(path), path, device, lrmul);
}

LatentTransformer latent_transformer_from_checkpoint(const io::Checkpoint& ckpt, const std::string& name,
                                                     torch::Device device, double lrmul) {
  // Training checkpoints wrap the weights: {"T_net_state_dict": …, "opt_state_dict": …}.
  const std::string prefix = ckpt.find("T_net_state_dict") ? "T_net_state_dict." : "";
  io::TensorMap t = ckpt.tensors_with_prefix(prefix);
  int64_t layers = 0;
  while (t.count("dense." + std::to_string(layers) + ".weight")) ++layers;
  if (layers == 0) throw Error(name + ": no 'dense.0.weight'; is this a Latent Transformer tnet file?");
  // Every layer's weight is checked before the model is built: its size comes from the file, and a weight
  // without elements could otherwise claim any size.
  const torch::Tensor& first = t.at("dense.0.weight");
  const int64_t dim = first.dim() == 2 ? first.size(0) : 0;
  for (int64_t l = 0; l < layers; ++l) {
    const torch::Tensor& w = t.at("dense." + std::to_string(l) + ".weight");
    if (dim == 0 || w.dim() != 2 || w.size(0) != dim || w.size(1) != dim)
      throw Error(name + ": dense." + std::to_string(l) + ".weight is not a square matrix of the first layer's size");
  }
  LatentTransformer tr(layers, dim, lrmul);
  StateDictOptions options;
  if (!prefix.empty()) options.ignore_unexpected = [](const std::string&) { return true; };
  load_state_dict(*tr, t, name, "latent transformer (F_mapping)", options);
  tr->eval();
  tr->to(device);
  return tr;
}

void save_latent_transformer(const std::string& path, LatentTransformer& transformer) {
  save_state_dict(path, *transformer);
}

}  // namespace facet::nn
