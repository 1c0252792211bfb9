#pragma once
// The Latent Transformer's attribute classifier C (InterDigitalInc/latent-transformer nets.py LCNet): fully
// connected layers on the flattened W+ with leaky ReLU(0.2) between them; 40 CelebA logits. Official file:
// latent_classifier_epoch_20.pth, fmaps [9216, 2048, 512, 40]; every size comes from the file.
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace facet::nn {

struct LatentClassifierImpl : torch::nn::Module {
  explicit LatentClassifierImpl(const std::vector<int64_t>& fmaps);
  // wplus [N, n_latent, dim] or [N, n_latent·dim] → logits [N, n_attributes]
  torch::Tensor forward(const torch::Tensor& wplus);
  torch::nn::ModuleList fcs{nullptr};
  std::vector<int64_t> fmaps;
};
TORCH_MODULE(LatentClassifier);

// Reads the authors' state dict (fcs.i.weight/bias). Throws facet::Error for other files.
LatentClassifier load_latent_classifier(const std::string& path, torch::Device device = torch::kCPU);
// Writes it back in the same layout (torch.save zip, loadable by the authors' code).
void save_latent_classifier(const std::string& path, LatentClassifier& classifier);

}  // namespace facet::nn
