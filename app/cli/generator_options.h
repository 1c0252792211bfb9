#pragma once
// Options shared by the generator commands (render, sample, bench generator, bench embed…): --generator, --tuned
// (a tuned change loaded onto it), --device, --lr-mlp.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/nn/stylegan2/generator.h"

namespace facet::cli {

struct GeneratorArgs {
  std::string file;
  std::string tuned;  // a .tuned change (facet-cli tune) applied onto `file`
  std::string device = "auto";
  double lr_mlp = 0.01;
};

void add_generator_options(CLI::App* cmd, GeneratorArgs& args, bool required = true);
std::shared_ptr<nn::StyleGan2> load_generator(const GeneratorArgs& args);
// The benchmarks' --random SIZE: without --generator, random config-f weights of that size on the chosen device.
void add_random_generator_option(CLI::App* cmd, int64_t& size);
std::shared_ptr<nn::StyleGan2> load_or_random_generator(const GeneratorArgs& args, int64_t random_size);
nn::NoiseMode parse_noise(const std::string& text);

// Writes a batch of images: OUT when N == 1, else OUT_0.ext, OUT_1.ext…; .npy keeps the raw float32 batch.
void write_images(const std::string& out, const torch::Tensor& images);

}  // namespace facet::cli
