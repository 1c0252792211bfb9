#pragma once
// The perceptual term of an Image2StyleGAN loss from the command line (embed, edit-video --refine-steps):
// auto = LPIPS when VGG-16 and LPIPS files are found, VGG-16 features with VGG alone, else pixel loss only.
#include <string>

#include <torch/types.h>

#include "core/embed/perceptual_loss.h"

namespace facet::cli {

inline constexpr const char* kVggFile = "vgg16-397923af.pth";   // models/manifest.json: vgg16-imagenet
inline constexpr const char* kLpipsFile = "lpips_vgg_v0.1.pth";  // models/manifest.json: lpips-vgg

// mode: auto, lpips, vgg or none; vgg/lpips: files or model names ("" = the models folder's). `note` says what
// auto fell back to. facet::Error for another mode or a named file that is missing.
embed::PerceptualLoss make_perceptual(const std::string& mode, const std::string& vgg_file,
                                      const std::string& lpips_file, const torch::Device& device, std::string& note);

}  // namespace facet::cli
