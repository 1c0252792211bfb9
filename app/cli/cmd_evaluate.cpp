// facet-cli evaluate: the Latent Transformer paper's metrics (target attribute change rate, attribute preservation
// rate over α from 0 to 2) for the transformers and the linear baseline, side by side (core/edit/evaluation.h).
// With --photos instead of --latents: encoder, refinement and pivotal tuning side by side on photos
// (app/cli/evaluate_photos.h).
#include <iomanip>
#include <iostream>
#include <sstream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/evaluate_output.h"
#include "app/cli/faceapi_options.h"
#include "app/cli/generator_options.h"
#include "core/batch/parts.h"
#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/edit/evaluation.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/nn/faceapi/ffhq_face_crop.h"
#include "core/nn/latent/latent_classifier.h"
#if FACET_WITH_VISION
#include "app/cli/evaluate_photos.h"
#endif

namespace facet::cli {
namespace {

struct EvaluateArgs {
  std::string latents, classifier = "latent_classifier_epoch_20.pth", transformers, directions, layers, device = "auto";
  std::vector<std::string> attrs;
  GeneratorArgs generator;  // identity preservation: faces rendered from the codes
  std::string arcface, faceapi;
  int64_t identity_samples = 32;
  int64_t steps = 11, samples = 0;
  double scale = 2.0;
  bool json = false;
  int64_t batch = 256;
  std::string out, shard;
#if FACET_WITH_VISION
  PhotoEvaluationArgs photos;
#endif
};

// The paper's identity preservation: faces rendered at 256² (skip output) and embedded by ArcFace (its metric)
// or, without model_ir_se50.pth, by face-api's recognition network on the FFHQ face box; unit-length features.
struct IdentityMeasure {
  edit::IdentityFn features;
  std::string metric;
};

IdentityMeasure identity_measure(const EvaluateArgs& a, torch::Device device) {
  GeneratorArgs g_args = a.generator;
  g_args.device = a.device;
  std::shared_ptr<const nn::StyleGan2> g = load_generator(g_args);
  nn::SynthesisOptions o;
  o.output_size = std::min<int64_t>(256, g->size());
  auto render = [g, o](const torch::Tensor& w) { return g->synthesis(w.to(g->device()), o); };
  if (auto arcface = load_optional_arcface(a.arcface, device)) {
    auto net = std::make_shared<nn::ArcFace>(std::move(*arcface));
    return {[render, net](const torch::Tensor& w) { return net->features(render(w)).cpu(); }, "arcface_cosine"};
  }
  auto analyzer = std::make_shared<nn::FaceAnalyzer>(load_face_analyzer(a.faceapi, device));
  return {[render, analyzer](const torch::Tensor& w) {
            const torch::Tensor images = render(w);
            std::vector<torch::Tensor> d;
            for (int64_t i = 0; i < images.size(0); ++i)
              d.push_back(analyzer->descriptor(nn::faceapi::ffhq_face_crop(images[i])));
            return torch::nn::functional::normalize(torch::stack(d), torch::nn::functional::NormalizeFuncOptions().dim(1));
          },
          "faceapi_descriptor_cosine"};
}

void register_evaluate(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand(
      "evaluate",
      "Target attribute change rate and attribute preservation rate over α (the Latent Transformer paper's "
      "protocol), transformers and linear directions side by side. Attributes are read by the latent classifier "
      "from the edited codes (the paper reads them from the generated images). With --generator, identity "
      "preservation too: the cosine similarity of edited and unedited faces (ArcFace when installed, else face-api). "
      "With --photos instead of --latents: the encoder, refinement and pivotal tuning side by side on photos "
      "(reconstruction and identity after edits).");
  auto a = std::make_shared<EvaluateArgs>();
  auto* latents =
      cmd->add_option("--latents", a->latents, "W+ codes [N, n_latent, dim] (.npy), e.g. 1000 FFHQ inversions");
  cmd->add_option("--classifier", a->classifier, "latent classifier (.pth)")->capture_default_str();
  cmd->add_option("--transformers", a->transformers, "folder of tnet_<k>.pth.tar files");
  cmd->add_option("--directions", a->directions, "linear directions file (facet-cli train directions)");
  cmd->add_option("--attrs", a->attrs,
                  "attributes, names or indices, comma-separated (default: every one with a transformer or direction)");
  cmd->add_option("--layers", a->layers, "edited layers (default: 0-10; the others keep their input values)");
  cmd->add_option("--steps", a->steps, "α steps from 0 to --scale")->capture_default_str();
  cmd->add_option("--scale", a->scale, "largest |α|")->capture_default_str();
  cmd->add_option("--samples", a->samples, "use only the first N codes (0: all)");
  cmd->add_option("--device", a->device, "auto, cpu, cuda")->capture_default_str();
  auto* generator =
      cmd->add_option("--generator", a->generator.file, "StyleGAN2 generator: also measure identity preservation");
  cmd->add_option("--tuned", a->generator.tuned, "tuned change (.tuned, from facet-cli tune) to load onto --generator")
      ->check(CLI::ExistingFile)
      ->needs(generator);
  cmd->add_option("--identity-samples", a->identity_samples, "codes whose faces are rendered at every α step")
      ->capture_default_str();
  cmd->add_option("--arcface", a->arcface, "ArcFace IR-SE50 (model_ir_se50.pth; default: the models folders)");
  add_faceapi_option(cmd, a->faceapi);
  cmd->add_flag("--json", a->json, "Machine-readable output");
  cmd->add_option("--batch", a->batch, "codes per classifier batch; shards take whole batches")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--out", a->out, "also write OUT/evaluation.json (the --json document); with --shard, the part");
  auto* shard_option = cmd->add_option("--shard", a->shard, "measure only shard I of N (I/N, from 0) of the codes into --out; "
                                       "`merge OUT` joins them into the figures of one run");
#if FACET_WITH_VISION
  auto& p = a->photos;
  auto* photos = cmd->add_option("--photos", p.photos, "photos: a folder, or a .txt list (one per line); compare "
                                                         "encoder, refinement and tuning on them (needs --generator)");
  photos->excludes(latents)->excludes(shard_option);
  cmd->add_option("--encoder", p.encoder, "--photos: pSp or e4e checkpoint (without it: no encoder method)");
  cmd->add_option("--refine-steps", p.refine_steps, "--photos: Image2StyleGAN steps after the encoder (0: none)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--refine-lr", p.refine_lr, "--photos: refinement's Adam learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--tune-steps", p.tune_steps, "--photos: pivotal tuning steps (0: none; it stops early at LPIPS 0.06)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--tune-lr", p.tune_lr, "--photos: tuning's Adam learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--alpha", p.alpha, "--photos: strength of each attribute edit")->capture_default_str();
  cmd->add_option("--loss", p.loss, "--photos: auto (L2 + LPIPS when its files are found, else L2), lpips or l2")
      ->check(CLI::IsMember({"auto", "lpips", "l2"}))
      ->capture_default_str();
  cmd->add_flag("--aligned", p.aligned, "--photos: the images are already aligned face crops");
  cmd->add_option("--predictor", p.predictor, "--photos: dlib 68-landmark model (default: the models path)");
#endif
  commands.bind(cmd, [a]() -> int {
#if FACET_WITH_VISION
    if (!a->photos.photos.empty()) {
      if (a->generator.file.empty()) throw Error("evaluate --photos needs --generator");
      PhotoEvaluationArgs p = a->photos;
      p.generator = a->generator;
      p.generator.device = a->device;
      p.transformers = a->transformers;
      p.directions = a->directions;
      p.attrs = a->attrs;
      p.arcface = a->arcface;
      p.faceapi = a->faceapi;
      p.json = a->json;
      p.out = a->out;
      return evaluate_photos(p);
    }
#endif
    if (a->latents.empty()) throw Error("give --latents CODES.npy (or --photos) to evaluate");
    if (a->transformers.empty() && a->directions.empty())
      throw Error("give --transformers DIR and/or --directions FILE to evaluate");
    const batch::Shard shard = a->shard.empty() ? batch::Shard{} : batch::parse_shard(a->shard);
    if (!shard.whole() && a->out.empty())
      throw Error("--shard needs --out DIR: each shard writes its part there for `facet-cli merge DIR`");
    const auto device = models::choose_device(a->device);
    // A file that exists as given wins (require_model_file); a bare name is looked up in the model folders.
    auto classifier = models::load_classifier(a->classifier, device);
    torch::Tensor w = io::read_npy(a->latents).to(torch::kFloat32);
    if (w.dim() == 2) w = w.unsqueeze(0);
    if (w.dim() != 3) throw Error(a->latents + ": expected W+ codes [N, n_latent, dim]");
    if (a->samples > 0 && a->samples < w.size(0)) w = w.slice(0, 0, a->samples);
    const int64_t total = w.size(0);
    // A shard takes whole classifier batches, so each code is classified beside the same codes as in one
    // process and the shards' counts add up to the same integers.
    const auto [first_batch, end_batch] = shard.block((total + a->batch - 1) / a->batch);
    const int64_t first = std::min(total, first_batch * a->batch), end = std::min(total, end_batch * a->batch);
    w = w.slice(0, first, end).to(device);

    const auto loaded = models::load_editor(a->transformers, a->directions, device);
    const edit::Editor& editor = *loaded;
    std::vector<int> attrs;
    for (const auto& group : a->attrs) {
      std::stringstream in(group);
      std::string name;
      while (std::getline(in, name, ','))
        if (!name.empty()) attrs.push_back(edit::require_attribute(name).index);
    }
    if (attrs.empty())
      for (const auto& attr : edit::celeba_attributes())
        if (editor.method_for(attr.index) != edit::EditMethod::None) attrs.push_back(attr.index);

    edit::EvaluationOptions o;
    o.n_steps = a->steps;
    o.scale = a->scale;
    o.batch = a->batch;
    o.offset = first;
    if (!a->layers.empty()) o.edited_layers = edit::parse_layers(a->layers, w.size(1));
    nlohmann::json identity = nullptr;
    if (!a->generator.file.empty()) {
      IdentityMeasure measure = identity_measure(*a, device);
      o.identity = measure.features;
      o.identity_samples = a->identity_samples;
      identity = {{"metric", measure.metric}, {"samples", std::min<int64_t>(a->identity_samples, total)}};
    }
    nlohmann::json rows = nlohmann::json::array();
    for (int k : attrs) {
      const auto& attr = edit::celeba_attributes()[k];
      if (editor.method_for(k) == edit::EditMethod::None)
        throw Error("no transformer and no direction for " + attr.id);
      nlohmann::json row{{"attribute", attr.id}, {"index", k}, {"transformer", nullptr}, {"linear", nullptr}};
      for (auto method : {edit::EditMethod::Transformer, edit::EditMethod::Linear}) {
        if (method == edit::EditMethod::Transformer ? !editor.has_transformer(k) : !editor.has_direction(k)) continue;
        edit::EditFn fn = [&](const torch::Tensor& codes, const torch::Tensor& alphas) {
          return editor.edit_one(codes, k, alphas, method);
        };
        // A shard past the last batch measures nothing and adds nothing.
        row[edit::method_name(method)] =
            counts_json(w.size(0) > 0 ? edit::count_edit(classifier, w, k, fn, o) : edit::EvaluationCounts{});
      }
      rows.push_back(row);
    }
    // Everything that must match between shards; the counts are computed from these alone.
    const nlohmann::json settings{{"latents", a->latents},   {"classifier", a->classifier},
                                  {"transformers", a->transformers}, {"directions", a->directions},
                                  {"layers", a->layers},     {"steps", a->steps},
                                  {"scale", a->scale},       {"batch", a->batch},
                                  {"samples", total},        {"identity", identity},
                                  {"generator", a->generator.file}, {"tuned", a->generator.tuned},
                                  {"json", a->json}};
    if (!shard.whole()) {
      batch::write_part_info(a->out, shard, "evaluate", settings, true,
                             {{"first", first}, {"end", end}, {"rows", rows}});
      std::cerr << "measured codes " << first << "–" << end << " of " << total << " into "
                << batch::part_dir(a->out, shard) << "\n";
      return kOk;
    }
    return report_evaluation(settings, rows, a->out);
  });
}
FACET_CLI_COMMAND(register_evaluate);

}  // namespace
}  // namespace facet::cli
