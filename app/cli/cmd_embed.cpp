// facet-cli embed: an aligned face photo in, its W+ code out (Image2StyleGAN optimisation, optionally seeded by a
// pSp / e4e encoder). Prints the loss and PSNR as it goes and the time per step (the embedding benchmark).
#include <filesystem>
#include <iomanip>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/interrupt.h"
#include "app/cli/perceptual_options.h"
#include "core/face/photo.h"
#include "core/io/error.h"
#include "core/io/image.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::cli {
namespace {

struct EmbedArgs {
  GeneratorArgs generator;
  std::string image, encoder, out, recon, predictor;
  PerceptualArgs perceptual;
  int steps = -1;
  int64_t random_size = 0;
  embed::EmbedOptions options;
  bool aligned = false, json = false, quiet = false;
};

void print_step(const embed::EmbedProgress& p) {
  std::cerr << "\r[" << std::setw(5) << p.step << "/" << p.steps << "] loss " << std::setprecision(5) << p.loss
            << " (mse " << p.mse << ", perceptual " << p.perceptual;
  if (p.noise_reg != 0) std::cerr << ", noise " << p.noise_reg;
  std::cerr << ")  PSNR " << std::fixed << std::setprecision(2) << p.psnr << " dB" << std::defaultfloat << "   "
            << std::flush;
}

void register_embed(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("embed", "Embed an aligned face image into W+ (Image2StyleGAN; pSp/e4e seed)");
  auto a = std::make_shared<EmbedArgs>();
  auto& o = a->options;
  cmd->add_option("image", a->image, "face photo (aligned first when face support is built) or aligned crop")
      ->required();
  add_generator_options(cmd, a->generator, /*required=*/false);  // default: the --encoder file's decoder
  cmd->add_option("--random", a->random_size, "without --generator: random config-f weights of this size (benchmark)");
  cmd->add_option("--encoder", a->encoder, "pSp or e4e checkpoint: its W+ is the start (then --steps refine it)");
  cmd->add_option("--steps", a->steps, "optimisation steps (default 1000, or 0 with --encoder)")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("--lr", o.lr, "Adam learning rate")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--lambda-mse", o.lambda_mse, "weight of the pixel MSE")->capture_default_str();
  cmd->add_option("--lambda-perceptual", o.lambda_perceptual, "weight of the perceptual loss")->capture_default_str();
  add_perceptual_options(cmd, a->perceptual);
  cmd->add_flag("--optimise-noise", o.optimise_noise, "also optimise the noise maps (only --recon shows their effect)");
  cmd->add_option("--lambda-noise", o.lambda_noise, "noise regularisation weight")->capture_default_str();
  cmd->add_option("--seed", o.seed, "seed (initial noise maps)")->capture_default_str();
  cmd->add_flag("--aligned", a->aligned, "the image is already an aligned face crop: skip detection and alignment");
  cmd->add_option("--predictor", a->predictor, "dlib 68-landmark model (default: the models path, /usr/share/dlib)");
  cmd->add_option("--out", a->out, "W+ code [1, n_latent, style_dim] (.npy)")->required();
  cmd->add_option("--recon", a->recon, "also write the reconstruction (PNG/JPEG)");
  cmd->add_flag("--quiet", a->quiet, "no per-step progress");
  cmd->add_flag("--json", a->json, "Machine-readable summary on stdout");
  commands.bind(cmd, [a] {
    namespace fs = std::filesystem;
    // pSp / e4e checkpoints carry their decoder: the encoder file serves as the generator when none is given.
    if (a->generator.file.empty() && a->random_size == 0) a->generator.file = a->encoder;
    if (a->generator.file.empty() && a->random_size == 0)
      throw Error("embed needs --generator (or --encoder, or --random SIZE)");
    for (const auto& out : {a->out, a->recon})
      if (!out.empty() && fs::exists(a->image) && fs::exists(out) && fs::equivalent(out, a->image))
        throw Error(out + " is the input image; choose another output path");
    pipeline::EmbedModels models;
    models.generator = a->generator.file.empty() ? nn::StyleGan2::random(a->random_size, 512, 8, 2, 0,
                                                                         models::choose_device(a->generator.device))
                                                 : load_generator(a->generator);
    const auto& g = models.generator;
    if (!a->encoder.empty()) models.encoder = facet::models::load_encoder(a->encoder, g->device());
    pipeline::EmbedSettings settings;
    settings.refine = a->options;
    settings.refine_steps = a->steps >= 0 ? a->steps : (a->encoder.empty() ? 1000 : 0);
    settings.measure_fit = true;  // the summary reports the fit also without steps
    std::string note;
    // Encoder only (no steps): skip loading VGG-16 (half a gigabyte); the reported loss is then the pixel loss.
    if (settings.refine_steps > 0) models.perceptual = make_perceptual(a->perceptual, g->device(), note);
    if (!note.empty()) std::cerr << "note: " << note << "\n";

    // The largest face of a photo, aligned; --aligned, or a square image without a detectable face, as a crop.
    std::string face_note;
    const cv::Mat photo = face::read_photo(a->image);
    pipeline::PhotoFaces found;
    if (!a->aligned) found = pipeline::find_faces(photo, a->predictor);
    if (!a->aligned && found.faces.empty()) {
      if (photo.cols != photo.rows)
        throw Error(a->image + ": no face found and the image is not square (pass --aligned to use it stretched)");
      face_note = "no face found: using the square image as an aligned crop";
    } else if (found.faces.size() > 1) {
      face_note = std::to_string(found.faces.size()) + " faces found: embedding the largest";
    }
    if (!face_note.empty()) std::cerr << "note: " << face_note << "\n";

    pipeline::EmbedControl control;
    if (!a->quiet) control.progress = print_step;
    const pipeline::EmbeddedFace embedded = [&] {
      const InterruptScope interrupt;
      control.stop_refinement = interrupt.flag();
      return found.faces.empty() ? pipeline::embed_aligned(photo, models, settings, control)
                                 : pipeline::embed_face(photo, found.faces.front(), models, settings, control);
    }();
    const embed::EmbedResult& result = embedded.refined;
    if (!a->quiet && result.steps_done > 0) std::cerr << "\n";
    io::write_npy(a->out, embedded.wplus);
    if (!a->recon.empty()) io::write_image(a->recon, result.image[0]);
    const std::string perceptual = models.perceptual.describe();
    nlohmann::json out{{"image", a->image},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"size", g->size()},
                       {"device", models::describe_device(g->device())},
                       {"threads", torch::get_num_threads()},
                       {"start", a->encoder.empty() ? "latent_avg" : a->encoder},
                       {"perceptual", perceptual},
                       {"steps", result.steps_done},
                       {"cancelled", result.cancelled},
                       {"ms_per_step", result.ms_per_step},
                       {"loss", result.final_loss},
                       {"psnr_db", result.final_psnr},
                       {"out", a->out}};
    if (!a->recon.empty()) out["recon"] = a->recon;
    if (!note.empty()) out["note"] = note;
    if (!face_note.empty()) out["face_note"] = face_note;
    if (a->json) {
      print_json(out);
    } else {
      std::cout << "embedded " << a->image << " in " << result.steps_done << " steps"
                << (result.cancelled ? " (interrupted)" : "") << ": " << std::fixed << std::setprecision(1)
                << result.ms_per_step << " ms/step on " << out["device"].get<std::string>() << ", PSNR "
                << std::setprecision(2) << result.final_psnr << " dB, perceptual: " << out["perceptual"].get<std::string>()
                << "\nwrote " << a->out << (a->recon.empty() ? "" : " and " + a->recon) << "\n";
    }
    return result.cancelled ? kFailure : kOk;
  });
}
FACET_CLI_COMMAND(register_embed);

}  // namespace
}  // namespace facet::cli
