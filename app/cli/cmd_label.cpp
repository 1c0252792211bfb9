// facet-cli label: sample faces from a generator and label them with face-api.js's networks, giving the W+ and
// label files `train classifier|transformer` read. This trains Facet's sliders for any StyleGAN2 without CelebA.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/faceapi_options.h"
#include "app/cli/generator_options.h"
#include "app/cli/label_output.h"
#include "core/batch/parts.h"
#include "core/batch/shard.h"
#include "core/edit/attributes.h"
#include "core/io/error.h"
#include "core/io/atomic_file.h"
#include "core/io/npy.h"
#include "core/nn/faceapi/face_expression_net.h"
#include "core/nn/faceapi/ffhq_face_crop.h"

namespace facet::cli {
namespace {

struct LabelArgs {
  GeneratorArgs generator;
  std::string faceapi, out, shard;
  int64_t count = 1000, render_size = 256;
  uint64_t seed = 0;
  double truncation = 0.7, young_below = 35.0, smile_above = 0.5;
  bool json = false;
};


void register_label(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand(
      "label", "Sample faces (seeded), label Male/Young/Smiling and expressions with face-api.js → W.npy, L.npy");
  auto a = std::make_shared<LabelArgs>();
  add_generator_options(cmd, a->generator);
  add_faceapi_option(cmd, a->faceapi);
  cmd->add_option("--count", a->count, "number of faces")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--seed", a->seed, "random seed")->capture_default_str();
  cmd->add_option("--truncation", a->truncation, "ψ (1 = none)")->check(CLI::Range(0.0, 2.0))->capture_default_str();
  cmd->add_option("--young-below", a->young_below, "Young = 1 when the estimated age is below this")
      ->capture_default_str();
  cmd->add_option("--smile-above", a->smile_above, "Smiling = 1 when P(happy) is above this")->capture_default_str();
  cmd->add_option("--render-size", a->render_size, "render size for labelling (skip output; the networks read 150²)")
      ->capture_default_str();
  cmd->add_option("--out", a->out, "output folder: W.npy, L.npy, faceapi.npy, labels.json")->required();
  cmd->add_option("--shard", a->shard, "label only shard I of N (I/N, from 0) of the faces; `merge OUT` joins them");
  cmd->add_flag("--json", a->json, "Machine-readable summary");
  commands.bind(cmd, [a] {
    const batch::Shard shard = a->shard.empty() ? batch::Shard{} : batch::parse_shard(a->shard);
    auto g = load_generator(a->generator);
    const nn::FaceAnalyzer analyzer = load_face_analyzer(a->faceapi, g->device());
    const int64_t render = std::min(a->render_size, g->size());
    std::filesystem::create_directories(a->out);

    auto gen = at::detail::createCPUGenerator(a->seed);
    // Every shard draws all the codes, so face i is the same whichever shard labels it.
    torch::Tensor z = torch::randn({a->count, g->style_dim()}, gen, torch::kFloat32);
    const auto [first, end] = shard.block(a->count);
    const int64_t n = end - first;
    const LabelColumns col;
    const int64_t n_attr = static_cast<int64_t>(edit::celeba_attributes().size());
    torch::Tensor labels = torch::full({n, n_attr}, std::numeric_limits<float>::quiet_NaN());
    // Raw measurements: age, P(male), then the 7 expression probabilities.
    torch::Tensor raw = torch::zeros({n, 9});
    torch::Tensor wplus = torch::empty({n, g->n_latent(), g->style_dim()});
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < n; ++i) {
      torch::InferenceMode guard;
      torch::Tensor w = g->to_wplus(g->mapping(z.slice(0, first + i, first + i + 1)), a->truncation);
      wplus[i] = w[0].cpu();
      nn::SynthesisOptions o;
      o.output_size = render;
      const nn::FaceAnalysis f = analyzer.analyze(nn::faceapi::ffhq_face_crop(g->synthesis(w, o)));
      labels[i][col.male] = f.male ? 1.f : 0.f;
      labels[i][col.young] = f.age < a->young_below ? 1.f : 0.f;
      labels[i][col.smiling] = f.expressions[1] > a->smile_above ? 1.f : 0.f;  // "happy"
      raw[i][0] = f.age;
      raw[i][1] = f.male_probability;
      for (int e = 0; e < 7; ++e) raw[i][2 + e] = f.expressions[e];
      if ((i + 1) % 50 == 0 || i + 1 == n) std::cerr << "\rlabelled " << i + 1 << "/" << n << std::flush;
    }
    std::cerr << "\n";
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const nlohmann::json settings{{"count", a->count},
                                  {"seed", a->seed},
                                  {"truncation", a->truncation},
                                  {"generator", a->generator.file},
                                  {"young_below_years", a->young_below},
                                  {"smile_above", a->smile_above},
                                  {"render_size", a->render_size}};
    if (!shard.whole()) {
      const std::string dir = batch::part_dir(a->out, shard);
      std::filesystem::create_directories(dir);
      write_label_arrays(dir, {wplus, labels, raw});
      batch::write_part_info(a->out, shard, "label", settings, true, {{"first", first}, {"end", end}, {"ms", ms}});
      std::cerr << "labelled faces " << first << "–" << end << " of " << a->count << " into " << dir << "\n";
      return kOk;
    }
    const nlohmann::json summary = write_label_outputs(a->out, {wplus, labels, raw}, settings, ms);
    if (a->json) print_json(summary);
    else
      std::cout << "labelled " << a->count << " faces in " << a->out << " (Male " << summary["rates"]["Male"]
                << ", Young " << summary["rates"]["Young"] << ", Smiling " << summary["rates"]["Smiling"] << "; "
                << summary["ms_per_face"].get<double>() << " ms/face)\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_label);

}  // namespace
}  // namespace facet::cli
