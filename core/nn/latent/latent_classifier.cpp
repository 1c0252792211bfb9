#include "core/nn/latent/latent_classifier.h"

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/latent/latent_checkpoint.h"
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
  return latent_classifier_from_checkpoint(io::load_checkpoint(path), path, device);
}

LatentClassifier latent_classifier_from_checkpoint(const io::Checkpoint& checkpoint, const std::string& name,
                                                   torch::Device device) {
  io::TensorMap t = checkpoint.tensors_with_prefix();
  std::vector<int64_t> fmaps;
  for (int i = 0; t.count("fcs." + std::to_string(i) + ".weight"); ++i) {
    const auto& w = t.at("fcs." + std::to_string(i) + ".weight");
    const std::string what = name + ": fcs." + std::to_string(i) + ".weight";
    if (w.dim() != 2 || w.size(0) == 0 || w.size(1) == 0) throw Error(what + " is not a matrix");
    // Each layer takes what the one before gives: the model built from these sizes is then no larger than the
    // file's own weights.
    if (!fmaps.empty() && w.size(1) != fmaps.back())
      throw Error(what + " takes " + std::to_string(w.size(1)) + " inputs, the layer before gives " +
                  std::to_string(fmaps.back()));
    if (fmaps.empty()) fmaps.push_back(w.size(1));
    fmaps.push_back(w.size(0));
  }
  if (fmaps.size() < 2)
    throw Error(name + ": no 'fcs.0.weight'; is this the Latent Transformer's latent classifier?");
  LatentClassifier c(fmaps);
  load_state_dict(*c, t, name, "latent classifier (LCNet)");
  c->eval();
  c->to(device);
  return c;
}

void save_latent_classifier(const std::string& path, LatentClassifier& classifier) {
  save_state_dict(path, *classifier);
}

}  // namespace facet::nn
