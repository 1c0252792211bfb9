#include "app/cli/perceptual_options.h"

#include "core/embed/lpips.h"
#include "core/embed/vgg16_features.h"
#include "core/io/error.h"
#include "core/models/model_paths.h"

namespace facet::cli {

embed::PerceptualLoss make_perceptual(const std::string& mode, const std::string& vgg_file,
                                      const std::string& lpips_file, const torch::Device& device, std::string& note) {
  if (mode == "none") return {};
  if (mode != "auto" && mode != "lpips" && mode != "vgg")
    throw Error("--perceptual must be auto, lpips, vgg or none (got '" + mode + "')");
  const bool need = mode != "auto";
  std::string vgg = vgg_file.empty() ? models::find_model_file(kVggFile).value_or("")
                                     : models::require_model_file(vgg_file, "VGG-16");
  if (vgg.empty()) {
    if (need) {
      vgg = models::require_model_file(kVggFile, "VGG-16 (perceptual loss)");
    } else {
      note = std::string(kVggFile) + " not found: pixel loss only (run models/fetch for the perceptual loss)";
      return {};
    }
  }
  if (mode == "vgg") return embed::PerceptualLoss(embed::load_vgg16(vgg, device));
  std::string lin = lpips_file.empty() ? models::find_model_file(kLpipsFile).value_or("")
                                       : models::require_model_file(lpips_file, "LPIPS");
  if (lin.empty()) {
    if (mode == "lpips") {
      lin = models::require_model_file(kLpipsFile, "LPIPS linear layers");
    } else {
      note = std::string(kLpipsFile) + " not found: Image2StyleGAN's VGG-16 feature loss instead of LPIPS";
      return embed::PerceptualLoss(embed::load_vgg16(vgg, device));
    }
  }
  return embed::PerceptualLoss(embed::Lpips::load(vgg, lin, device));
}

}  // namespace facet::cli
