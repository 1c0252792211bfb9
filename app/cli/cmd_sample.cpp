// facet-cli sample: random faces and their W+ codes.
#include <filesystem>
#include <iostream>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "core/io/npy.h"

namespace facet::cli {
namespace {

struct SampleArgs {
  GeneratorArgs generator;
  std::string out;
  uint64_t seed = 0;
  int64_t count = 1;
  double truncation = 1.0;
};

void register_sample(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("sample", "Sample faces (seeded z → W+) and write images and wplus.npy");
  auto a = std::make_shared<SampleArgs>();
  add_generator_options(cmd, a->generator);
  cmd->add_option("--seed", a->seed, "random seed")->required();
  cmd->add_option("--count", a->count, "number of faces")->check(CLI::Range(1, 10000));
  cmd->add_option("--truncation", a->truncation, "ψ: 1 = none, 0.7 = typical")->check(CLI::Range(0.0, 2.0));
  cmd->add_option("--out", a->out, "output folder")->required();
  commands.bind(cmd, [a] {
    auto g = load_generator(a->generator);
    std::filesystem::create_directories(a->out);
    auto gen = at::detail::createCPUGenerator(a->seed);
    torch::Tensor z = torch::randn({a->count, g->style_dim()}, gen, torch::kFloat32);
    torch::Tensor wplus;
    {
      torch::InferenceMode guard;
      wplus = g->to_wplus(g->mapping(z), a->truncation);
    }
    io::write_npy(a->out + "/wplus.npy", wplus);
    for (int64_t i = 0; i < a->count; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "/%06lld.png", static_cast<long long>(i));
      write_images(a->out + name, g->synthesis(wplus.slice(0, i, i + 1)));
    }
    std::cerr << "wrote " << a->count << " face(s) and wplus.npy to " << a->out << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_sample);

}  // namespace
}  // namespace facet::cli
