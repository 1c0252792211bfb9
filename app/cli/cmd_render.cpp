// facet-cli render: W+ codes in, images out.
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "core/io/error.h"
#include "core/io/npy.h"

namespace facet::cli {
namespace {

struct RenderArgs {
  GeneratorArgs generator;
  std::string wplus, out, noise = "const";
  uint64_t seed = 0;
  int64_t size = 0;
};

void register_render(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("render", "Render W+ codes ([N, n_latent, style_dim] .npy) to images");
  auto a = std::make_shared<RenderArgs>();
  add_generator_options(cmd, a->generator);
  cmd->add_option("--wplus", a->wplus, "W+ codes (.npy)")->required();
  cmd->add_option("--out", a->out, "OUT.png/.jpg (one per sample: OUT_0.png …) or OUT.npy (raw NCHW)")->required();
  cmd->add_option("--noise", a->noise, "const (the checkpoint's buffers), random or zero")->capture_default_str();
  cmd->add_option("--seed", a->seed, "seed for --noise random");
  cmd->add_option("--size", a->size, "output size: a power of two up to the model's (a cheap preview)");
  commands.bind(cmd, [a] {
    auto g = load_generator(a->generator);
    torch::Tensor wplus = io::read_npy(a->wplus).to(torch::kFloat32);
    if (wplus.dim() == 2) wplus = wplus.unsqueeze(0);
    if (!torch::isfinite(wplus).all().item<bool>()) throw Error(a->wplus + ": W+ holds NaN or infinite values");
    nn::SynthesisOptions o;
    o.noise = parse_noise(a->noise);
    o.seed = a->seed;
    o.output_size = a->size;
    write_images(a->out, g->synthesis(wplus, o));
    std::cerr << "wrote " << wplus.size(0) << " image(s) to " << a->out << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_render);

}  // namespace
}  // namespace facet::cli
