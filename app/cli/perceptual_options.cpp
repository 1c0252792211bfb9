#include "app/cli/perceptual_options.h"

#include "core/models/model_registry.h"

namespace facet::cli {

void add_perceptual_options(CLI::App* cmd, PerceptualArgs& args) {
  cmd->add_option("--perceptual", args.mode,
                  "auto (LPIPS if its files are found, else VGG-16 features, else none), lpips, vgg or none")
      ->capture_default_str();
  cmd->add_option("--vgg", args.vgg, "torchvision VGG-16 weights (default: vgg16-397923af.pth in the models path)");
  cmd->add_option("--lpips", args.lpips, "LPIPS v0.1 vgg.pth (default: lpips_vgg_v0.1.pth in the models path)");
}

embed::PerceptualLoss make_perceptual(const PerceptualArgs& args, const torch::Device& device, std::string& note) {
  return models::load_perceptual(args.mode, device, note, args.vgg, args.lpips);
}

}  // namespace facet::cli
