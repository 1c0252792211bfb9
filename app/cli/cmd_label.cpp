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
  std::string faceapi, out;
  int64_t count = 1000, render_size = 256;
  uint64_t seed = 0;
  double truncation = 0.7, young_below = 35.0, smile_above = 0.5;
  bool json = false;
};

// Writes labels for the attributes face-api measures; the others stay NaN ("unknown"), which the trainers skip.
struct LabelColumns {
  int male = edit::require_attribute("Male").index;
  int young = edit::require_attribute("Young").index;
  int smiling = edit::require_attribute("Smiling").index;
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
  cmd->add_flag("--json", a->json, "Machine-readable summary");
  commands.bind(cmd, [a] {
    auto g = load_generator(a->generator);
    const nn::FaceAnalyzer analyzer = load_face_analyzer(a->faceapi, g->device());
    const int64_t render = std::min(a->render_size, g->size());
    std::filesystem::create_directories(a->out);

    auto gen = at::detail::createCPUGenerator(a->seed);
    torch::Tensor z = torch::randn({a->count, g->style_dim()}, gen, torch::kFloat32);
    const LabelColumns col;
    const int64_t n_attr = static_cast<int64_t>(edit::celeba_attributes().size());
    torch::Tensor labels = torch::full({a->count, n_attr}, std::numeric_limits<float>::quiet_NaN());
    // Raw measurements: age, P(male), then the 7 expression probabilities.
    torch::Tensor raw = torch::zeros({a->count, 9});
    torch::Tensor wplus = torch::empty({a->count, g->n_latent(), g->style_dim()});
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < a->count; ++i) {
      torch::InferenceMode guard;
      torch::Tensor w = g->to_wplus(g->mapping(z.slice(0, i, i + 1)), a->truncation);
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
      if ((i + 1) % 50 == 0 || i + 1 == a->count) std::cerr << "\rlabelled " << i + 1 << "/" << a->count << std::flush;
    }
    std::cerr << "\n";
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    io::write_npy(a->out + "/W.npy", wplus);
    io::write_npy(a->out + "/L.npy", labels);
    io::write_npy(a->out + "/faceapi.npy", raw);

    nlohmann::json columns = nlohmann::json::array({"age", "male_probability"});
    for (const char* e : nn::faceapi::kExpressionLabels) columns.push_back(e);
    auto rate = [&](int c) { return labels.select(1, c).mean().item<double>(); };
    nlohmann::json summary{
        {"count", a->count},
        {"seed", a->seed},
        {"truncation", a->truncation},
        {"generator", a->generator.file},
        {"labelled_attributes", {"Male", "Young", "Smiling"}},
        {"rates", {{"Male", rate(col.male)}, {"Young", rate(col.young)}, {"Smiling", rate(col.smiling)}}},
        {"thresholds", {{"young_below_years", a->young_below}, {"smile_above", a->smile_above}}},
        {"unlabelled", "NaN in L.npy"},
        {"faceapi_columns", columns},
        {"ms_per_face", ms / static_cast<double>(a->count)}};
    io::write_file_atomic(a->out + "/labels.json", summary.dump(2) + "\n");
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
