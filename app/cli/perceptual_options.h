#pragma once
// The perceptual term of an Image2StyleGAN loss from the command line (embed, edit-video --refine-steps):
// auto = LPIPS when VGG-16 and LPIPS files are found, VGG-16 features with VGG alone, else pixel loss only.
#include <string>

#include <CLI/CLI.hpp>
#include <torch/types.h>

#include "core/embed/perceptual_loss.h"

namespace facet::cli {

struct PerceptualArgs {
  std::string mode = "auto";  // auto, lpips, vgg or none
  std::string vgg, lpips;     // files; "" = the models folder's
};

void add_perceptual_options(CLI::App* cmd, PerceptualArgs& args);
// `note` says what auto fell back to. facet::Error for another mode or a named file that is missing.
embed::PerceptualLoss make_perceptual(const PerceptualArgs& args, const torch::Device& device, std::string& note);

}  // namespace facet::cli
