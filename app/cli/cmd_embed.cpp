// facet-cli embed: an aligned face photo in, its W+ code out (Image2StyleGAN optimisation, optionally seeded by a
// pSp / e4e encoder). Prints the loss and PSNR as it goes and the time per step (the embedding benchmark).
#include <atomic>
#include <csignal>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/perceptual_options.h"
#include "core/embed/image2stylegan.h"
#include "core/io/error.h"
#include "core/io/image.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_paths.h"
#include "core/nn/encoders/psp_encoder.h"
#ifdef FACET_EMBED_ALIGN  // set by app/CMakeLists.txt when core/face is built
#include "core/face/face_finder.h"
#include "core/face/ffhq_align.h"
#include "core/face/photo.h"
#endif

namespace facet::cli {
namespace {

std::atomic<bool> g_cancel{false};
extern "C" void on_interrupt(int) { g_cancel = true; }

struct EmbedArgs {
  GeneratorArgs generator;
  std::string image, encoder, vgg, lpips, perceptual = "auto", out, recon, predictor;
  int steps = -1;
  int64_t random_size = 0;
  embed::EmbedOptions options;
  bool aligned = false, json = false, quiet = false;
};

// The face to embed, BGR: the photo's largest face FFHQ-aligned at `size` when core/face is built (a square image
// without a detectable face is taken as an aligned crop), else the image itself, which must then be square.
cv::Mat load_face(const std::string& path, int64_t size, bool aligned, const std::string& predictor,
                  std::string& note) {
#ifdef FACET_EMBED_ALIGN
  const cv::Mat photo = face::read_photo(path);
  if (aligned) return photo;
  const auto faces = face::FaceFinder::create(predictor).find(photo);
  if (!faces.empty()) {
    if (faces.size() > 1) note = std::to_string(faces.size()) + " faces found: embedding the largest";
    return face::align_ffhq(photo, faces.front().landmarks, static_cast<int>(size)).image;
  }
  if (photo.cols != photo.rows)
    throw Error(path + ": no face found and the image is not square (pass --aligned to use it stretched)");
  note = "no face found: using the square image as an aligned crop";
  return photo;
#else
  (void)size;
  (void)predictor;
  (void)note;
  const cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
  if (bgr.empty()) throw Error(path + ": cannot read the image (missing, or not PNG/JPEG/BMP/TIFF/WebP)");
  if (bgr.cols != bgr.rows && !aligned)
    throw Error(path + ": " + std::to_string(bgr.cols) + "×" + std::to_string(bgr.rows) +
                " is not square; embed needs an FFHQ-aligned face crop (this build has no face alignment; "
                "pass --aligned to use the image stretched to a square)");
  return bgr;
#endif
}

// RGB [1, 3, size, size] in [-1, 1] from 8-bit BGR, area-resampled (cubic when enlarging).
torch::Tensor to_tensor(const cv::Mat& bgr, int64_t size) {
  cv::Mat rgb, resized;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  const int s = static_cast<int>(size);
  cv::resize(rgb, resized, cv::Size(s, s), 0, 0, (rgb.cols >= s && rgb.rows >= s) ? cv::INTER_AREA : cv::INTER_CUBIC);
  auto t = torch::from_blob(resized.data, {s, s, 3}, torch::kUInt8).clone();
  return t.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32).div(127.5).sub(1.0).contiguous();
}

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
  cmd->add_option("--perceptual", a->perceptual,
                  "auto (LPIPS if its files are found, else VGG-16 features, else none), lpips, vgg or none")
      ->capture_default_str();
  cmd->add_option("--vgg", a->vgg, std::string("torchvision VGG-16 weights (default: ") + kVggFile + " in the models path)");
  cmd->add_option("--lpips", a->lpips, std::string("LPIPS v0.1 vgg.pth (default: ") + kLpipsFile + " in the models path)");
  cmd->add_flag("--optimise-noise", o.optimise_noise, "also optimise the noise maps (only --recon shows their effect)");
  cmd->add_option("--lambda-noise", o.lambda_noise, "noise regularisation weight")->capture_default_str();
  cmd->add_option("--seed", o.seed, "seed (initial noise maps)")->capture_default_str();
#ifdef FACET_EMBED_ALIGN
  cmd->add_flag("--aligned", a->aligned, "the image is already an aligned face crop: skip detection and alignment");
  cmd->add_option("--predictor", a->predictor, "dlib 68-landmark model (default: the models path, /usr/share/dlib)");
#else
  cmd->add_flag("--aligned", a->aligned, "the image is already aligned (use it even when not square)");
#endif
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
    auto g = a->generator.file.empty()
                 ? nn::StyleGan2::random(a->random_size, 512, 8, 2, 0, models::choose_device(a->generator.device))
                 : load_generator(a->generator);
    std::string face_note;
    const auto target = to_tensor(load_face(a->image, g->size(), a->aligned, a->predictor, face_note), g->size());
    if (!face_note.empty()) std::cerr << "note: " << face_note << "\n";
    auto options = a->options;
    options.steps = a->steps >= 0 ? a->steps : (a->encoder.empty() ? 1000 : 0);
    if (!a->encoder.empty()) {
      const auto encoder = nn::PspEncoder::load(models::require_model_file(a->encoder, "pSp/e4e encoder"), g->device());
      if (encoder.n_styles() != g->n_latent())
        throw Error(a->encoder + ": the encoder predicts " + std::to_string(encoder.n_styles()) +
                    " styles but the generator takes " + std::to_string(g->n_latent()));
      torch::NoGradGuard no_grad;
      // The released encoders take 256²: area-average a larger target (1024² → exact 4×4 means).
      const auto x = target.to(g->device());
      const auto x256 = x.size(-1) >= 256 ? torch::adaptive_avg_pool2d(x, {256, 256})
                                          : torch::nn::functional::interpolate(
                                                x, torch::nn::functional::InterpolateFuncOptions()
                                                       .size(std::vector<int64_t>{256, 256})
                                                       .mode(torch::kBilinear)
                                                       .align_corners(false));
      options.start = encoder.encode(x256);
    }
    std::string note;
    // Encoder only (no steps): skip loading VGG-16 (half a gigabyte); the reported loss is then the pixel loss.
    embed::Image2StyleGan embedder(g, options.steps > 0 ? make_perceptual(a->perceptual, a->vgg, a->lpips, g->device(), note) : embed::PerceptualLoss{});
    if (!note.empty()) std::cerr << "note: " << note << "\n";
    g_cancel = false;
    auto previous = std::signal(SIGINT, on_interrupt);
    const auto result = embedder.embed(target, options, a->quiet ? embed::EmbedCallback{} : print_step, &g_cancel);
    std::signal(SIGINT, previous);
    if (!a->quiet && result.steps_done > 0) std::cerr << "\n";
    io::write_npy(a->out, result.wplus);
    if (!a->recon.empty()) io::write_image(a->recon, result.image[0]);
    nlohmann::json out{{"image", a->image},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"size", g->size()},
                       {"device", models::describe_device(g->device())},
                       {"threads", torch::get_num_threads()},
                       {"start", a->encoder.empty() ? "latent_avg" : a->encoder},
                       {"perceptual", embedder.perceptual().describe()},
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
