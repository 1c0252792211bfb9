#pragma once
// The latent nets built from a checkpoint already read, as load_latent_transformer and load_latent_classifier do
// after reading the file; the fuzz target of the slider files feeds them bytes from memory. `name` is the file
// named in errors. Every size comes from the checkpoint and is checked before the model is built.
#include <string>

#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/nn/latent/latent_classifier.h"
#include "core/nn/latent/latent_transformer.h"

namespace facet::nn {

LatentTransformer latent_transformer_from_checkpoint(const io::Checkpoint& checkpoint, const std::string& name,
                                                     torch::Device device = torch::kCPU, double lrmul = 1.0);
LatentClassifier latent_classifier_from_checkpoint(const io::Checkpoint& checkpoint, const std::string& name,
                                                   torch::Device device = torch::kCPU);

}  // namespace facet::nn
