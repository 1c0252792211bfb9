#include "core/nn/latent/latent_classifier.h"

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/state_dict.h"
#include "core/nn/network_guard.h"

namespace facet::nn {

LatentClassifierImpl::LatentClassifierImpl(const std::vector<int64_t>& f) : fmaps(f) {
  fcs = register_module("fcs", torch::nn::ModuleList());
  for (size_t i = 0; i + 1 < f.size(); ++i) fcs->push_back(torch::nn::Linear(f[i], f[i + 1]));
}

torch::Tensor LatentClassifierImpl::forward(const torch::Tensor& wplus) {
  check_network_thread("latent classifier");
  torch::Tensor x = wplus.reshape({wplus.size(0), -1});
  if (x.size(1) != fmaps.front())
    throw Error("latent classifier expects " + std::to_string(fmaps.front()) + " values per code, got " +
                std::to_string(x.size(1)) + " (is the W+ from the same generator?)");
  for (size_t i = 0; i < fcs->size(); ++i) {
    x = fcs[i]->as<torch::nn::Linear>()->forward(x);
    if (i + 1 < fcs->size()) x = torch::leaky_relu(x, 0.2);
  }
  return x;
}

LatentClassifier load_latent_classifier(const std::string& path, torch::Device device) {
  io::TensorMap t = io::load_checkpoint(path).tensors_with_prefix();
  std::vector<int64_t> fmaps;
  for (int i = 0; t.count("fcs." + std::to_string(i) + ".weight"); ++i) {
    const auto& w = t.at("fcs." + std::to_string(i) + ".weight");
    if (w.dim() != 2) throw Error(path + ": fcs." + std::to_string(i) + ".weight is not a matrix");
    if (fmaps.empty()) fmaps.push_back(w.size(1));
    fmaps.push_back(w.size(0));
  }
  if (fmaps.size() < 2)
    throw Error(path + ": no 'fcs.0.weight'; is this the Latent Transformer's latent classifier?");
  LatentClassifier c(fmaps);
  load_state_dict(*c, t, path, "latent classifier (LCNet)");
  c->eval();
  c->to(device);
  return c;
}

void save_latent_classifier(const std::string& path, LatentClassifier& classifier) {
  save_state_dict(path, *classifier);
}

}  // namespace facet::nn
