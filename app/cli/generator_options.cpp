#include "app/cli/generator_options.h"

#include "app/cli/startup.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/tune/tuned_change.h"
#ifdef FACET_WITH_VISION
#include "core/io/image.h"
#endif

namespace facet::cli {

void add_generator_options(CLI::App* cmd, GeneratorArgs& args, bool required) {
  auto* opt = cmd->add_option("--generator", args.file,
                              "StyleGAN2 checkpoint: rosinality .pt ({g_ema, latent_avg}) or pSp/e4e .pt");
  if (required) opt->required();
  cmd->add_option("--tuned", args.tuned, "tuned change (.tuned, from facet-cli tune) to load onto --generator")
      ->check(CLI::ExistingFile);
  cmd->add_option("--device", args.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--lr-mlp", args.lr_mlp, "mapping network lr multiplier (not stored in checkpoints)")
      ->capture_default_str();
}

std::shared_ptr<nn::StyleGan2> load_generator(const GeneratorArgs& args) {
  if (!args.tuned.empty() && args.file.empty()) throw Error("--tuned needs the --generator it was tuned from");
  auto generator = models::load_generator(args.file, models::choose_device(args.device), args.lr_mlp);
  if (!args.tuned.empty()) generator = tune::apply_change(*generator, tune::load_change(args.tuned), args.tuned);
  stop_heap_warmup();  // rendering needs both cores
  return generator;
}

void add_random_generator_option(CLI::App* cmd, int64_t& size) {
  cmd->add_option("--random", size, "without --generator: random config-f weights of this size")->capture_default_str();
}

std::shared_ptr<nn::StyleGan2> load_or_random_generator(const GeneratorArgs& args, int64_t random_size) {
  if (!args.file.empty() || !args.tuned.empty()) return load_generator(args);
  return nn::StyleGan2::random(random_size, 512, 8, 2, 0, models::choose_device(args.device));
}

nn::NoiseMode parse_noise(const std::string& text) {
  if (text == "const") return nn::NoiseMode::Const;
  if (text == "random") return nn::NoiseMode::Random;
  if (text == "zero") return nn::NoiseMode::Zero;
  throw Error("--noise must be const, random or zero (got '" + text + "')");
}

void write_images(const std::string& out, const torch::Tensor& images) {
  const auto dot = out.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : out.substr(dot);
  if (ext == ".npy") {
    io::write_npy(out, images.to(torch::kCPU, torch::kFloat32));
    return;
  }
#ifdef FACET_WITH_VISION
  const int64_t n = images.size(0);
  for (int64_t i = 0; i < n; ++i) {
    const std::string path = n == 1 ? out : out.substr(0, dot) + "_" + std::to_string(i) + ext;
    io::write_image(path, images[i]);
  }
#else
  throw Error("this build has no image support (FACET_WITH_VISION=OFF): write .npy instead");
#endif
}

}  // namespace facet::cli
