// libFuzzer target: the files behind the sliders (a latent transformer, the latent classifier, linear directions)
// must turn any torch.save bytes into a working model or a facet::Error; a model that loads runs once on a zero
// code of its own size, so a size read from the file that the model cannot use is found here, not in the editor.
#include <cstddef>
#include <cstdint>

#include <torch/torch.h>

#include "core/edit/linear_directions_checkpoint.h"
#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/latent/latent_checkpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  torch::NoGradGuard no_grad;
  facet::io::Checkpoint checkpoint;
  try {
    checkpoint = facet::io::load_checkpoint_from_memory(data, size, "slider.pth");
  } catch (const facet::Error&) {
    return 0;
  }
  try {
    auto transformer = facet::nn::latent_transformer_from_checkpoint(checkpoint, "slider.pth");
    (void)transformer->forward(torch::zeros({1, transformer->layers, transformer->dim}), torch::ones({1}));
  } catch (const facet::Error&) {
  }
  try {
    auto classifier = facet::nn::latent_classifier_from_checkpoint(checkpoint, "slider.pth");
    (void)classifier->forward(torch::zeros({1, classifier->fmaps.front()}));
  } catch (const facet::Error&) {
  }
  try {
    const auto set = facet::edit::directions_from_checkpoint(checkpoint, "slider.pth");
    for (const auto& [attribute, direction] : set.directions) {
      (void)attribute;
      const torch::Tensor code = torch::zeros({1, set.n_latent, set.dim});
      (void)facet::edit::apply_direction(code, direction, torch::ones({1}));
      (void)facet::edit::direction_score(code, direction);
    }
  } catch (const facet::Error&) {
  }
  return 0;
}
